using System.Collections.Frozen;
using NodaTime;

namespace ApprovalWorkflow.Procedure;

/// <summary>
/// Which calendar dates are working days for a council in England and Wales: every day except a
/// Saturday, a Sunday, and a bank holiday (Christmas Day and Good Friday included, substitute days
/// and one-off proclaimed days included).
/// </summary>
/// <remarks>
/// <para>Dates are calendar dates in the council's own time zone (Europe/London), not instants, and
/// must be in the ISO calendar. The built-in rules cover the years 1995 to 2100; asking about a
/// date outside them (including stepping past 31 December 2100) throws
/// <see cref="ArgumentOutOfRangeException"/> rather than guessing.</para>
/// <para>Instances are immutable; <see cref="WithExtraHolidays"/> returns a new calendar.</para>
/// </remarks>
public sealed class WorkingDayCalendar
{
    /// <summary>The first year the calendar knows (1995).</summary>
    public const int FirstSupportedYear = EnglandAndWalesBankHolidays.FirstYear;

    /// <summary>The last year the calendar knows (2100).</summary>
    public const int LastSupportedYear = EnglandAndWalesBankHolidays.LastYear;

    private readonly FrozenDictionary<LocalDate, BankHoliday> holidays;
    private readonly FrozenDictionary<int, BankHoliday[]> holidaysByYear;

    private WorkingDayCalendar(IEnumerable<BankHoliday> allHolidays)
    {
        var byDate = new Dictionary<LocalDate, BankHoliday>();
        foreach (var holiday in allHolidays)
        {
            byDate.TryAdd(holiday.Date, holiday);
        }
        holidays = byDate.ToFrozenDictionary();
        holidaysByYear = byDate.Values
            .GroupBy(holiday => holiday.Date.Year)
            .ToFrozenDictionary(
                year => year.Key,
                year => year.OrderBy(holiday => holiday.Date).ToArray());
        ExtraHolidays = [];
    }

    /// <summary>
    /// England and Wales by the built-in rules for 1995 to 2100 (see
    /// <see cref="BankHolidaysIn"/> for the rules).
    /// </summary>
    public static WorkingDayCalendar EnglandAndWales { get; } = new(
        Enumerable.Range(FirstSupportedYear, LastSupportedYear - FirstSupportedYear + 1)
            .SelectMany(EnglandAndWalesBankHolidays.For));

    /// <summary>The days added with <see cref="WithExtraHolidays"/> that the rules did not already have.</summary>
    public IReadOnlyList<BankHoliday> ExtraHolidays { get; private init; }

    /// <summary>
    /// A calendar with these days added as bank holidays, for days proclaimed after this software
    /// was written (read from configuration). A day the calendar already treats as a holiday keeps
    /// its existing name, and of two extra days on the same date the first is kept; adding an
    /// extra day is therefore idempotent. The rules cannot be told to drop a day.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="extra"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An extra day is outside 1995..2100.</exception>
    public WorkingDayCalendar WithExtraHolidays(IEnumerable<BankHoliday> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var added = new List<BankHoliday>();
        var seen = new HashSet<LocalDate>(holidays.Keys);
        foreach (var holiday in extra)
        {
            if (holiday is null)
            {
                throw new ArgumentNullException(nameof(extra), "extra holidays must not contain null entries");
            }
            EnglandAndWalesBankHolidays.RequireSupported(holiday.Date.Year, nameof(extra));
            if (seen.Add(holiday.Date)) added.Add(holiday);
        }
        return new WorkingDayCalendar(holidays.Values.Concat(added))
        {
            ExtraHolidays = [.. ExtraHolidays, .. added],
        };
    }

    /// <summary>
    /// True when <paramref name="date"/> is neither a Saturday nor a Sunday nor a bank holiday
    /// (Christmas Day and Good Friday included).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside 1995..2100.</exception>
    public bool IsWorkingDay(LocalDate date)
    {
        RequireSupported(date, nameof(date));
        return !EnglandAndWalesBankHolidays.IsWeekend(date) && !holidays.ContainsKey(date);
    }

    /// <summary>
    /// The bank holiday on <paramref name="date"/>, or null when there is none. A weekend day on
    /// which a holiday falls returns null: the holiday is on its substitute day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside 1995..2100.</exception>
    public BankHoliday? HolidayOn(LocalDate date)
    {
        RequireSupported(date, nameof(date));
        return holidays.GetValueOrDefault(date);
    }

    /// <summary>
    /// Every bank holiday of <paramref name="year"/>, sorted by date, including days added with
    /// <see cref="WithExtraHolidays"/>. The built-in rules: New Year's Day (1 January, or the next
    /// Monday when it falls on a weekend); Good Friday and Easter Monday; the Early May bank holiday
    /// (first Monday of May; 8 May in 1995 and 2020 for VE Day); the Spring bank holiday (last
    /// Monday of May; 4 June 2002, 4 June 2012 and 2 June 2022 for jubilees); the Summer bank
    /// holiday (last Monday of August); Christmas Day and Boxing Day, a weekend one replaced by the
    /// first following weekday not already a holiday; and the one-off days 31 December 1999,
    /// 3 June 2002, 29 April 2011, 5 June 2012, 3 June 2022, 19 September 2022 and 8 May 2023.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1995..2100.</exception>
    public IReadOnlyList<BankHoliday> BankHolidaysIn(int year)
    {
        EnglandAndWalesBankHolidays.RequireSupported(year, nameof(year));
        return holidaysByYear.TryGetValue(year, out var list) ? list.AsReadOnly() : [];
    }

    /// <summary>
    /// The first working day strictly after <paramref name="date"/>; never <paramref name="date"/>
    /// itself, even when it is a working day. Compare <see cref="NextWorkingDayOnOrAfter"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The search leaves 1995..2100.</exception>
    public LocalDate NextWorkingDayAfter(LocalDate date) => NextWorkingDayOnOrAfter(Step(date, 1));

    /// <summary>
    /// <paramref name="date"/> itself when it is a working day, otherwise the first working day
    /// after it. Compare <see cref="NextWorkingDayAfter"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The search leaves 1995..2100.</exception>
    public LocalDate NextWorkingDayOnOrAfter(LocalDate date)
    {
        while (!IsWorkingDay(date)) date = Step(date, 1);
        return date;
    }

    /// <summary>
    /// The last working day strictly before <paramref name="date"/>; never <paramref name="date"/>
    /// itself, even when it is a working day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The search leaves 1995..2100.</exception>
    public LocalDate PreviousWorkingDayBefore(LocalDate date)
    {
        do date = Step(date, -1);
        while (!IsWorkingDay(date));
        return date;
    }

    /// <summary>
    /// The <paramref name="count"/>-th working day strictly after <paramref name="date"/>:
    /// <paramref name="date"/> itself never counts, whether or not it is a working day, and the day
    /// returned is always a working day. <c>AddWorkingDays(Monday 18 June 2012, 5)</c> is
    /// Monday 25 June 2012.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1, or the
    /// search leaves 1995..2100.</exception>
    public LocalDate AddWorkingDays(LocalDate date, int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count), count, "count must be at least 1: the day itself never counts as a working day after it");
        }
        for (int i = 0; i < count; i++) date = NextWorkingDayAfter(date);
        return date;
    }

    /// <summary>
    /// The number of working days strictly between <paramref name="first"/> and
    /// <paramref name="second"/>: neither end counts ("clear days"). When <paramref name="second"/>
    /// is not after <paramref name="first"/> no day lies between them and the result is 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A day between them is outside 1995..2100.</exception>
    public int ClearWorkingDaysBetween(LocalDate first, LocalDate second)
    {
        RequireSupported(first, nameof(first));
        RequireSupported(second, nameof(second));
        int count = 0;
        for (var day = first.PlusDays(1); day < second; day = day.PlusDays(1))
        {
            if (IsWorkingDay(day)) count++;
        }
        return count;
    }

    private static LocalDate Step(LocalDate date, int days)
    {
        RequireSupported(date, nameof(date));
        var next = date.PlusDays(days);
        if (next.Year is < FirstSupportedYear or > LastSupportedYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(date), date,
                $"the working day {(days > 0 ? "after" : "before")} {date:uuuu'-'MM'-'dd} lies outside the years " +
                $"{FirstSupportedYear} to {LastSupportedYear} that the calendar knows");
        }
        return next;
    }

    private static void RequireSupported(LocalDate date, string paramName)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException($"{paramName} must be in the ISO calendar, not {date.Calendar.Id}", paramName);
        }
        if (date.Year is < FirstSupportedYear or > LastSupportedYear)
        {
            throw new ArgumentOutOfRangeException(
                paramName, date,
                $"{paramName} must be in {FirstSupportedYear} to {LastSupportedYear}, the years whose " +
                $"England and Wales bank holidays the calendar knows");
        }
    }
}
