using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ApprovalWorkflow.Procedure;

/// <summary>
/// The period in which the Executive reconsiders a plan that Full Council referred back with
/// objections (Budget and Policy Framework Procedure Rules; Local Authorities (Standing Orders)
/// (England) Regulations 2001, Schedule 2).
/// </summary>
/// <remarks>
/// <para>The rule: the period begins on the day after the date on which the Executive (the Mayor or
/// Leader) receives Council's instructions, so the day of receipt never counts; it holds at least
/// five working days; its last day is included. Council may set a later end, never an earlier one.
/// Council may take its final decision from the day after the last day, never before.</para>
/// <para>Seed 000: instructions received on Monday 18 June 2012; the working days are 19, 20, 21, 22
/// and 25 June; the period ends at the end of 25 June; Council may decide from 26 June 2012.</para>
/// <para>Equality compares the dates only, not the calendar instance they were worked out with.</para>
/// </remarks>
public sealed record ReconsiderationPeriod
{
    /// <summary>The fewest working days the period may hold (5).</summary>
    public const int MinimumWorkingDays = 5;

    private static readonly LocalDatePattern InWords =
        LocalDatePattern.Create("d MMMM uuuu", CultureInfo.InvariantCulture);

    private readonly WorkingDayCalendar calendar;

    private ReconsiderationPeriod(
        LocalDate instructionsReceived, LocalDate earliestLastDay, LocalDate lastDay, WorkingDayCalendar calendar)
    {
        this.calendar = calendar;
        InstructionsReceived = instructionsReceived;
        EarliestLastDay = earliestLastDay;
        LastDay = lastDay;
        var workingDays = new List<LocalDate>();
        for (var day = FirstDay; day <= lastDay; day = day.PlusDays(1))
        {
            if (calendar.IsWorkingDay(day)) workingDays.Add(day);
        }
        WorkingDays = workingDays.AsReadOnly();
    }

    /// <summary>
    /// The shortest period the rules allow: it begins the day after
    /// <paramref name="instructionsReceived"/> and ends on the fifth working day after it, whether
    /// the instructions arrived on a working day, a weekend or a bank holiday.
    /// </summary>
    /// <param name="instructionsReceived">The date the Executive received Council's instructions
    /// (by default the day of the Council meeting). It is not part of the period.</param>
    /// <param name="calendar">The working-day calendar to count with.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The dates fall outside the calendar's years.</exception>
    public static ReconsiderationPeriod StartingAfter(LocalDate instructionsReceived, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var earliestLastDay = calendar.AddWorkingDays(instructionsReceived, MinimumWorkingDays);
        return new ReconsiderationPeriod(instructionsReceived, earliestLastDay, earliestLastDay, calendar);
    }

    /// <summary>The date the Executive received Council's instructions; not part of the period.</summary>
    public LocalDate InstructionsReceived { get; }

    /// <summary>
    /// The first day of the period: the calendar day after <see cref="InstructionsReceived"/>,
    /// even when that day is a Saturday, Sunday or bank holiday.
    /// </summary>
    public LocalDate FirstDay => InstructionsReceived.PlusDays(1);

    /// <summary>
    /// The earliest day the period may end on: the fifth working day strictly after
    /// <see cref="InstructionsReceived"/>. Always a working day.
    /// </summary>
    public LocalDate EarliestLastDay { get; }

    /// <summary>
    /// The last day of the period, included in it: <see cref="EarliestLastDay"/> unless Council set
    /// a later end with <see cref="EndingOn"/>, which may be any calendar day.
    /// </summary>
    public LocalDate LastDay { get; }

    /// <summary>The first day on which Council may take its final decision: the day after <see cref="LastDay"/>.</summary>
    public LocalDate CouncilMayDecideFrom => LastDay.PlusDays(1);

    /// <summary>
    /// The working days from <see cref="FirstDay"/> to <see cref="LastDay"/>, both included, in
    /// order. Holds exactly five days unless Council set a later end.
    /// </summary>
    public IReadOnlyList<LocalDate> WorkingDays { get; }

    /// <summary>
    /// True when Council may end the period on <paramref name="lastDay"/>: on or after
    /// <see cref="EarliestLastDay"/>, so that it still holds at least five working days.
    /// </summary>
    public bool MayEndOn(LocalDate lastDay) => lastDay >= EarliestLastDay;

    /// <summary>
    /// This period with the later end Council set. <paramref name="lastDay"/> is included in the
    /// period and may be any calendar day on or after <see cref="EarliestLastDay"/> (ending on
    /// <see cref="EarliestLastDay"/> gives the shortest period back). The result does not depend
    /// on any end set before.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lastDay"/> is before
    /// <see cref="EarliestLastDay"/>; the message names the earliest allowed date.</exception>
    public ReconsiderationPeriod EndingOn(LocalDate lastDay)
    {
        if (!MayEndOn(lastDay))
        {
            throw new ArgumentOutOfRangeException(
                nameof(lastDay), lastDay,
                $"the period must hold at least five working days after {InWords.Format(InstructionsReceived)}: " +
                $"it may end no earlier than {InWords.Format(EarliestLastDay)}");
        }
        return lastDay == LastDay ? this : new ReconsiderationPeriod(InstructionsReceived, EarliestLastDay, lastDay, calendar);
    }

    /// <summary>
    /// True when <paramref name="date"/> is in the period: from <see cref="FirstDay"/> to
    /// <see cref="LastDay"/>, both included. The day the instructions were received is not.
    /// </summary>
    public bool Contains(LocalDate date) => date >= FirstDay && date <= LastDay;

    /// <inheritdoc />
    public bool Equals(ReconsiderationPeriod? other) =>
        other is not null
        && InstructionsReceived == other.InstructionsReceived
        && EarliestLastDay == other.EarliestLastDay
        && LastDay == other.LastDay
        && WorkingDays.SequenceEqual(other.WorkingDays);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(InstructionsReceived, EarliestLastDay, LastDay);

    /// <inheritdoc />
    public override string ToString() =>
        $"reconsideration period after {InWords.Format(InstructionsReceived)}: " +
        $"{InWords.Format(FirstDay)} to {InWords.Format(LastDay)}; Council may decide from {InWords.Format(CouncilMayDecideFrom)}";
}
