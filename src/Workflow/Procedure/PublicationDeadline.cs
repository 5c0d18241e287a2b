using NodaTime;

namespace ApprovalWorkflow.Procedure;

/// <summary>
/// The last day on which the papers for a meeting may be published so that they are available
/// for five clear working days before it.
/// </summary>
/// <remarks>
/// <para>The rule: "five clear working days" excludes both the day of publication and the day of
/// the meeting; only the working days strictly between them count.</para>
/// <para>Example: a meeting on Wednesday 11 July 2012 needs 4, 5, 6, 9 and 10 July clear, so the
/// papers must be published by Tuesday 3 July 2012.</para>
/// <para>Equality compares the dates only, not the calendar instance they were worked out with.</para>
/// </remarks>
public sealed record PublicationDeadline
{
    /// <summary>The clear working days the papers need before the meeting (5).</summary>
    public const int ClearWorkingDays = 5;

    private readonly WorkingDayCalendar calendar;

    private PublicationDeadline(LocalDate meeting, LocalDate publishBy, WorkingDayCalendar calendar)
    {
        Meeting = meeting;
        PublishBy = publishBy;
        this.calendar = calendar;
    }

    /// <summary>
    /// The deadline for the papers of a meeting on <paramref name="meeting"/>. The meeting may be
    /// on any day, working or not; only working days strictly before it count.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The dates fall outside the calendar's years.</exception>
    public static PublicationDeadline For(LocalDate meeting, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var earliestClearDay = meeting;
        for (int i = 0; i < ClearWorkingDays; i++) earliestClearDay = calendar.PreviousWorkingDayBefore(earliestClearDay);
        return new PublicationDeadline(meeting, calendar.PreviousWorkingDayBefore(earliestClearDay), calendar);
    }

    /// <summary>The date of the meeting; it never counts as a clear day.</summary>
    public LocalDate Meeting { get; }

    /// <summary>
    /// The latest working day on which publishing still leaves five clear working days before
    /// <see cref="Meeting"/> (neither the publication day nor the meeting day counts). Publishing
    /// on the next working day would leave four.
    /// </summary>
    public LocalDate PublishBy { get; }

    /// <summary>
    /// True when papers published on <paramref name="publishedOn"/> have at least five clear
    /// working days before the meeting. Any day up to <see cref="PublishBy"/> qualifies, and so does
    /// a weekend or bank holiday straight after it, since such a day takes no working day away.
    /// </summary>
    public bool IsMetBy(LocalDate publishedOn) =>
        calendar.ClearWorkingDaysBetween(publishedOn, Meeting) >= ClearWorkingDays;

    /// <inheritdoc />
    public bool Equals(PublicationDeadline? other) =>
        other is not null && Meeting == other.Meeting && PublishBy == other.PublishBy;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Meeting, PublishBy);
}
