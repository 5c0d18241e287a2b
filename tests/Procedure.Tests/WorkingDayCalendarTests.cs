using System.Globalization;
using ApprovalWorkflow.Procedure;
using NodaTime.Text;

namespace ApprovalWorkflow.Procedure.Tests;

internal static class Dates
{
    private static readonly LocalDatePattern IsoPattern = LocalDatePattern.Iso;

    /// <summary>Parses "2012-06-18".</summary>
    public static LocalDate Iso(string text) => IsoPattern.Parse(text).Value;

    /// <summary>Parses a list of ISO dates separated by spaces.</summary>
    public static LocalDate[] IsoList(string texts) =>
        texts.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Iso).ToArray();

    public static string Words(LocalDate date) =>
        LocalDatePattern.Create("dddd d MMMM uuuu", CultureInfo.InvariantCulture).Format(date);
}

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    [Theory]
    [InlineData("2012-06-19", true, "an ordinary Tuesday")]
    [InlineData("2012-06-23", false, "a Saturday")]
    [InlineData("2012-06-24", false, "a Sunday")]
    [InlineData("2012-12-25", false, "Christmas Day")]
    [InlineData("2012-04-06", false, "Good Friday")]
    [InlineData("2012-06-05", false, "Diamond Jubilee")]
    [InlineData("2012-05-28", true, "the last Monday of May 2012, whose holiday moved to 4 June")]
    [InlineData("2020-05-04", true, "the first Monday of May 2020, whose holiday moved to 8 May")]
    [InlineData("2022-05-30", true, "the last Monday of May 2022, whose holiday moved to 2 June")]
    [InlineData("2022-12-27", false, "substitute for Christmas Day on a Sunday")]
    public void A_working_day_is_a_weekday_that_is_not_a_bank_holiday(string date, bool working, string why)
    {
        Assert.True(working == Calendar.IsWorkingDay(Dates.Iso(date)), why);
    }

    [Theory]
    [InlineData("2012-06-18", "2012-06-19", "2012-06-18", "a working day: strictly after moves on, on-or-after stays")]
    [InlineData("2012-06-22", "2012-06-25", "2012-06-22", "Friday: after is the Monday")]
    [InlineData("2012-06-23", "2012-06-25", "2012-06-25", "Saturday")]
    [InlineData("2012-06-01", "2012-06-06", "2012-06-01", "Friday before the 2012 jubilee weekend")]
    [InlineData("2012-06-02", "2012-06-06", "2012-06-06", "Saturday of the 2012 jubilee weekend")]
    [InlineData("2021-12-24", "2021-12-29", "2021-12-24", "Christmas Eve 2021 before two substitute days")]
    [InlineData("2022-12-25", "2022-12-28", "2022-12-28", "Christmas Day on a Sunday")]
    public void Next_working_day_after_is_strictly_after_and_on_or_after_may_be_the_same_day(
        string date, string after, string onOrAfter, string why)
    {
        Assert.True(Dates.Iso(after) == Calendar.NextWorkingDayAfter(Dates.Iso(date)), why);
        Assert.True(Dates.Iso(onOrAfter) == Calendar.NextWorkingDayOnOrAfter(Dates.Iso(date)), why);
    }

    [Theory]
    [InlineData("2012-06-19", "2012-06-18")]
    [InlineData("2012-06-25", "2012-06-22")]
    [InlineData("2012-06-06", "2012-06-01")]
    [InlineData("2013-01-02", "2012-12-31")]
    [InlineData("2023-05-09", "2023-05-05")]
    public void Previous_working_day_before_is_strictly_before(string date, string expected)
    {
        Assert.Equal(Dates.Iso(expected), Calendar.PreviousWorkingDayBefore(Dates.Iso(date)));
    }

    [Theory]
    [InlineData("2012-06-18", 1, "2012-06-19")]
    [InlineData("2012-06-18", 5, "2012-06-25")]
    [InlineData("2012-06-23", 1, "2012-06-25")]
    [InlineData("2012-06-01", 5, "2012-06-12")]
    [InlineData("2012-12-21", 3, "2012-12-28")]
    public void Adding_working_days_counts_only_working_days_strictly_after_the_date(string date, int count, string expected)
    {
        Assert.Equal(Dates.Iso(expected), Calendar.AddWorkingDays(Dates.Iso(date), count));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Adding_fewer_than_one_working_day_is_refused(int count)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new LocalDate(2012, 6, 18), count));
        Assert.Equal("count", error.ParamName);
    }

    [Theory]
    [InlineData("2012-07-03", "2012-07-11", 5, "publication Tuesday, meeting the next Wednesday week")]
    [InlineData("2012-07-04", "2012-07-11", 4, "one day later leaves four")]
    [InlineData("2012-06-18", "2012-06-19", 0, "adjacent days: nothing between")]
    [InlineData("2012-06-18", "2012-06-18", 0, "the same day")]
    [InlineData("2012-06-19", "2012-06-18", 0, "second before first: nothing lies between")]
    [InlineData("2012-05-31", "2012-06-08", 3, "the jubilee days do not count: 1, 6 and 7 June")]
    public void Clear_working_days_between_exclude_both_ends(string first, string second, int expected, string why)
    {
        Assert.True(expected == Calendar.ClearWorkingDaysBetween(Dates.Iso(first), Dates.Iso(second)), why);
    }

    [Theory]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2100, "2100-03-28")]
    public void Easter_follows_the_Gregorian_computus(int year, string easterSunday)
    {
        var easter = Dates.Iso(easterSunday);
        Assert.Equal("Good Friday", Calendar.HolidayOn(easter.PlusDays(-2))?.Name);
        Assert.Equal("Easter Monday", Calendar.HolidayOn(easter.PlusDays(1))?.Name);
        Assert.Equal(year, easter.Year);
    }

    [Fact]
    public void Every_built_in_holiday_from_1995_to_2100_is_on_a_weekday_with_the_eight_regular_days_each_year()
    {
        for (int year = WorkingDayCalendar.FirstSupportedYear; year <= WorkingDayCalendar.LastSupportedYear; year++)
        {
            var days = Calendar.BankHolidaysIn(year);
            Assert.All(days, day => Assert.DoesNotContain(day.Date.DayOfWeek, new[] { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday }));
            Assert.Equal(days.Count, days.Select(day => day.Date).Distinct().Count());
            Assert.True(days.Count >= 8, $"{year} has {days.Count} holidays");
            Assert.Equal(2, days.Count(day => day.Date.Month == 12 && day.Date.Day is >= 25 and <= 28));
        }
    }

    [Theory]
    [InlineData("1994-12-30")]
    [InlineData("1994-12-31")] // a Saturday: refused, not answered as "weekend"
    [InlineData("2101-01-03")]
    public void Dates_outside_1995_to_2100_are_refused(string date)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsWorkingDay(Dates.Iso(date)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.HolidayOn(Dates.Iso(date)));
    }

    [Theory]
    [InlineData(1994)]
    [InlineData(2101)]
    public void Years_outside_1995_to_2100_are_refused(int year)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.BankHolidaysIn(year));
        Assert.Contains("1995 to 2100", error.Message);
    }

    [Fact]
    public void Searching_past_the_end_of_2100_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.NextWorkingDayAfter(new LocalDate(2100, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.PreviousWorkingDayBefore(new LocalDate(1995, 1, 2)));
    }

    [Fact]
    public void An_extra_holiday_from_configuration_is_not_a_working_day_and_the_original_calendar_is_unchanged()
    {
        var proclaimed = new BankHoliday(new LocalDate(2030, 6, 14), "Proclaimed day");
        var extended = Calendar.WithExtraHolidays([proclaimed]);

        Assert.False(extended.IsWorkingDay(proclaimed.Date));
        Assert.Equal(proclaimed, extended.HolidayOn(proclaimed.Date));
        Assert.Contains(proclaimed, extended.BankHolidaysIn(2030));
        Assert.Equal(extended.BankHolidaysIn(2030).OrderBy(day => day.Date), extended.BankHolidaysIn(2030));
        Assert.Equal([proclaimed], extended.ExtraHolidays);
        Assert.Equal(new LocalDate(2030, 6, 17), extended.NextWorkingDayAfter(new LocalDate(2030, 6, 13)));

        Assert.True(Calendar.IsWorkingDay(proclaimed.Date));
        Assert.Empty(Calendar.ExtraHolidays);
    }

    [Fact]
    public void An_extra_holiday_on_a_day_already_a_holiday_keeps_the_existing_name()
    {
        var extended = Calendar.WithExtraHolidays([new BankHoliday(new LocalDate(2023, 5, 8), "Coronation")]);

        Assert.Equal("Bank holiday for the coronation of King Charles III", extended.HolidayOn(new LocalDate(2023, 5, 8))?.Name);
        Assert.Equal(Calendar.BankHolidaysIn(2023), extended.BankHolidaysIn(2023));
        Assert.Empty(extended.ExtraHolidays);
    }

    [Fact]
    public void Extra_holidays_outside_1995_to_2100_or_null_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Calendar.WithExtraHolidays([new BankHoliday(new LocalDate(2101, 1, 5), "Too late")]));
        Assert.Throws<ArgumentNullException>(() => Calendar.WithExtraHolidays(null!));
        Assert.Throws<ArgumentNullException>(() => Calendar.WithExtraHolidays([null!]));
    }

    [Fact]
    public void A_bank_holiday_needs_a_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new BankHoliday(new LocalDate(2030, 1, 1), " "));
        Assert.Equal("Name", error.ParamName);
    }
}
