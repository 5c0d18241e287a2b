using NodaTime;

namespace ApprovalWorkflow.Procedure;

/// <summary>
/// A day on which public business in England and Wales stops: a bank holiday proper, Christmas
/// Day or Good Friday (common law holidays), a substitute day for a holiday that fell on a weekend,
/// or a one-off day proclaimed for a national event.
/// </summary>
/// <remarks>
/// <para>The <see cref="Date"/> is the day that is not worked, which for a substitute is the
/// substitute day itself (Monday 27 December 2021), not the weekend day it replaces.</para>
/// <para>The date must be in the ISO calendar and the name must not be blank; the constructor
/// throws <see cref="ArgumentException"/> otherwise.</para>
/// </remarks>
/// <param name="Date">The calendar date that is not a working day.</param>
/// <param name="Name">The name as gov.uk publishes it, e.g. "Boxing Day (substitute day)".</param>
public sealed record BankHoliday(LocalDate Date, string Name)
{
    /// <summary>The calendar date that is not a working day (ISO calendar).</summary>
    public LocalDate Date { get; init => field = RequireIso(value); } = RequireIso(Date);

    /// <summary>The holiday's name, never blank.</summary>
    public string Name { get; init => field = RequireName(value); } = RequireName(Name);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Date:yyyy'-'MM'-'dd})";

    private static LocalDate RequireIso(LocalDate date) =>
        date.Calendar == CalendarSystem.Iso
            ? date
            : throw new ArgumentException(
                $"date must be in the ISO calendar, not {date.Calendar.Id}", nameof(Date));

    private static string RequireName(string name) =>
        !string.IsNullOrWhiteSpace(name)
            ? name
            : throw new ArgumentException("name must not be blank: say which holiday it is", nameof(Name));
}

/// <summary>
/// The rules that give the bank holidays of England and Wales for a year, from the Banking and
/// Financial Dealings Act 1971 and the royal proclamations that moved or added days.
/// </summary>
/// <remarks>
/// The rules are stated in <see cref="For(int)"/>. They are known to hold from 1995 (the first
/// year whose Early May bank holiday was moved) to 2100; a year outside that range throws, because
/// a date we cannot vouch for must not quietly count as a working day.
/// </remarks>
internal static class EnglandAndWalesBankHolidays
{
    internal const int FirstYear = 1995;
    internal const int LastYear = 2100;

    private const string Substitute = " (substitute day)";

    /// <summary>The Early May bank holiday moved to 8 May to mark VE Day (50th and 75th anniversaries).</summary>
    private static readonly IReadOnlyDictionary<int, LocalDate> EarlyMayMoved = new Dictionary<int, LocalDate>
    {
        [1995] = new(1995, 5, 8),
        [2020] = new(2020, 5, 8),
    };

    /// <summary>The Spring bank holiday moved for the Golden, Diamond and Platinum Jubilees.</summary>
    private static readonly IReadOnlyDictionary<int, LocalDate> SpringMoved = new Dictionary<int, LocalDate>
    {
        [2002] = new(2002, 6, 4),
        [2012] = new(2012, 6, 4),
        [2022] = new(2022, 6, 2),
    };

    /// <summary>Days added once by proclamation.</summary>
    private static readonly BankHoliday[] OneOffs =
    [
        new(new LocalDate(1999, 12, 31), "Millennium Day"),
        new(new LocalDate(2002, 6, 3), "Queen’s Golden Jubilee"),
        new(new LocalDate(2011, 4, 29), "Royal wedding"),
        new(new LocalDate(2012, 6, 5), "Queen’s Diamond Jubilee"),
        new(new LocalDate(2022, 6, 3), "Platinum Jubilee bank holiday"),
        new(new LocalDate(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        new(new LocalDate(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
    ];

    /// <summary>
    /// The bank holidays of <paramref name="year"/>, sorted by date:
    /// New Year's Day (1 January, or the next Monday when it falls on a weekend);
    /// Good Friday and Easter Monday (Easter by the anonymous Gregorian algorithm);
    /// the Early May bank holiday (first Monday of May; 8 May in 1995 and 2020);
    /// the Spring bank holiday (last Monday of May; 4 June 2002, 4 June 2012, 2 June 2022);
    /// the Summer bank holiday (last Monday of August);
    /// Christmas Day and Boxing Day, each falling on a weekend replaced by the first weekday after
    /// it that is not already a holiday (Christmas on Saturday: Monday 27 and Tuesday 28;
    /// Christmas on Sunday: Monday 26 and Tuesday 27; Christmas on Friday: Friday 25 and Monday 28);
    /// and the one-off days of 1999, 2002, 2011, 2012, 2022 and 2023.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1995..2100.</exception>
    internal static IReadOnlyList<BankHoliday> For(int year)
    {
        RequireSupported(year, nameof(year));
        var easter = EasterSunday(year);
        var days = new List<BankHoliday>
        {
            NewYear(year),
            new(easter.PlusDays(-2), "Good Friday"),
            new(easter.PlusDays(1), "Easter Monday"),
            EarlyMayMoved.TryGetValue(year, out var veDay)
                ? new(veDay, "Early May bank holiday (VE Day)")
                : new(FirstMonday(year, 5), "Early May bank holiday"),
            new(SpringMoved.GetValueOrDefault(year, LastMonday(year, 5)), "Spring bank holiday"),
            new(LastMonday(year, 8), "Summer bank holiday"),
        };
        days.AddRange(ChristmasAndBoxingDay(year));
        days.AddRange(OneOffs.Where(day => day.Date.Year == year));
        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        return days.AsReadOnly();
    }

    internal static void RequireSupported(int year, string paramName)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(
                paramName, year,
                $"the England and Wales bank holidays are known for {FirstYear} to {LastYear} only, not for {year}");
        }
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher).</summary>
    internal static LocalDate EasterSunday(int year)
    {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return new LocalDate(year, month, day);
    }

    private static BankHoliday NewYear(int year)
    {
        var first = new LocalDate(year, 1, 1);
        return IsWeekend(first)
            ? new BankHoliday(first.Next(IsoDayOfWeek.Monday), "New Year’s Day" + Substitute)
            : new BankHoliday(first, "New Year’s Day");
    }

    private static IEnumerable<BankHoliday> ChristmasAndBoxingDay(int year)
    {
        var christmas = new LocalDate(year, 12, 25);
        var boxing = new LocalDate(year, 12, 26);
        var taken = new HashSet<LocalDate>();
        if (!IsWeekend(christmas)) taken.Add(christmas);
        if (!IsWeekend(boxing)) taken.Add(boxing);

        var result = new List<BankHoliday>();
        foreach (var (date, name) in new[] { (christmas, "Christmas Day"), (boxing, "Boxing Day") })
        {
            if (!IsWeekend(date))
            {
                result.Add(new BankHoliday(date, name));
                continue;
            }
            var substitute = date.PlusDays(1);
            while (IsWeekend(substitute) || taken.Contains(substitute)) substitute = substitute.PlusDays(1);
            taken.Add(substitute);
            result.Add(new BankHoliday(substitute, name + Substitute));
        }
        return result;
    }

    private static LocalDate FirstMonday(int year, int month) =>
        new LocalDate(year, month, 1).PlusDays(-1).Next(IsoDayOfWeek.Monday);

    private static LocalDate LastMonday(int year, int month) =>
        new LocalDate(year, month, 1).PlusMonths(1).Previous(IsoDayOfWeek.Monday);

    internal static bool IsWeekend(LocalDate date) =>
        date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
}
