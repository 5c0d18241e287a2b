using ApprovalWorkflow.Procedure;

namespace ApprovalWorkflow.Procedure.Tests;

/// <summary>
/// The England and Wales bank holidays as gov.uk publishes them, written out by hand (not derived
/// from the rules under test) and checked both ways: every listed day is a holiday, and the
/// calendar has no holiday that is not listed.
/// </summary>
public sealed class BankHolidayTableTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    /// <summary>Year → every bank holiday of that year as "MM-DD", in date order.</summary>
    private static readonly IReadOnlyDictionary<int, string[]> GovUk = new Dictionary<int, string[]>
    {
        // Historical years with moved or one-off days.
        [1995] = ["01-02", "04-14", "04-17", "05-08", "05-29", "08-28", "12-25", "12-26"], // 8 May VE Day 50
        [1999] = ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28", "12-31"], // Millennium
        [2002] = ["01-01", "03-29", "04-01", "05-06", "06-03", "06-04", "08-26", "12-25", "12-26"], // Golden Jubilee
        [2011] = ["01-03", "04-22", "04-25", "04-29", "05-02", "05-30", "08-29", "12-26", "12-27"], // Royal wedding

        // Every year 2012 to 2027.
        [2012] = ["01-02", "04-06", "04-09", "05-07", "06-04", "06-05", "08-27", "12-25", "12-26"],
        [2013] = ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
        [2014] = ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
        [2015] = ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
        [2016] = ["01-01", "03-25", "03-28", "05-02", "05-30", "08-29", "12-26", "12-27"],
        [2017] = ["01-02", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"],
        [2018] = ["01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"],
        [2019] = ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"],
        [2020] = ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"],
        [2021] = ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
        [2022] = ["01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"],
        [2023] = ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"],
        [2024] = ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
        [2025] = ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
        [2026] = ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
        [2027] = ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
    };

    public static TheoryData<int> Years() => [.. GovUk.Keys];

    private static LocalDate[] Listed(int year) =>
        GovUk[year].Select(monthDay => new LocalDate(year, int.Parse(monthDay[..2]), int.Parse(monthDay[3..]))).ToArray();

    [Fact]
    public void The_table_holds_every_year_from_2012_to_2027()
    {
        Assert.All(Enumerable.Range(2012, 16), year => Assert.True(GovUk.ContainsKey(year), $"{year} is missing"));
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_listed_day_is_a_bank_holiday_and_not_a_working_day(int year)
    {
        Assert.All(Listed(year), date =>
        {
            Assert.NotNull(Calendar.HolidayOn(date));
            Assert.False(Calendar.IsWorkingDay(date), $"{date} should not be a working day");
        });
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void The_year_has_exactly_the_listed_bank_holidays_in_date_order(int year)
    {
        Assert.Equal(Listed(year), Calendar.BankHolidaysIn(year).Select(holiday => holiday.Date));
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_weekday_not_listed_is_a_working_day(int year)
    {
        var listed = Listed(year).ToHashSet();
        for (var date = new LocalDate(year, 1, 1); date.Year == year; date = date.PlusDays(1))
        {
            bool weekend = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
            Assert.Equal(!weekend && !listed.Contains(date), Calendar.IsWorkingDay(date));
        }
    }

    [Theory]
    [InlineData("2012-01-02", "New Year’s Day (substitute day)")]
    [InlineData("2012-06-04", "Spring bank holiday")]
    [InlineData("2012-06-05", "Queen’s Diamond Jubilee")]
    [InlineData("2020-05-08", "Early May bank holiday (VE Day)")]
    [InlineData("2021-12-27", "Christmas Day (substitute day)")]
    [InlineData("2021-12-28", "Boxing Day (substitute day)")]
    [InlineData("2022-12-26", "Boxing Day")]
    [InlineData("2022-12-27", "Christmas Day (substitute day)")]
    [InlineData("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II")]
    [InlineData("2023-05-08", "Bank holiday for the coronation of King Charles III")]
    [InlineData("2026-12-28", "Boxing Day (substitute day)")]
    [InlineData("1999-12-31", "Millennium Day")]
    [InlineData("2011-04-29", "Royal wedding")]
    [InlineData("2002-06-03", "Queen’s Golden Jubilee")]
    public void Holidays_carry_their_names(string date, string name)
    {
        Assert.Equal(name, Calendar.HolidayOn(Dates.Iso(date))?.Name);
    }

    [Fact]
    public void Weekend_days_whose_holiday_moved_to_a_substitute_are_not_themselves_holidays()
    {
        Assert.Null(Calendar.HolidayOn(new LocalDate(2021, 12, 25))); // Saturday, substitute Monday 27th
        Assert.Null(Calendar.HolidayOn(new LocalDate(2022, 1, 1)));   // Saturday, substitute Monday 3rd
    }
}
