using ApprovalWorkflow.Procedure;

namespace ApprovalWorkflow.Procedure.Tests;

public sealed class ReconsiderationPeriodTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    private static ReconsiderationPeriod After(string received) =>
        ReconsiderationPeriod.StartingAfter(Dates.Iso(received), Calendar);

    [Fact]
    public void Period_after_instructions_received_on_18_June_2012_ends_on_25_June()
    {
        var period = After("2012-06-18");

        Assert.Equal(new LocalDate(2012, 6, 18), period.InstructionsReceived);
        Assert.Equal(new LocalDate(2012, 6, 19), period.FirstDay);
        Assert.Equal(Dates.IsoList("2012-06-19 2012-06-20 2012-06-21 2012-06-22 2012-06-25"), period.WorkingDays);
        Assert.Equal(new LocalDate(2012, 6, 25), period.EarliestLastDay);
        Assert.Equal(new LocalDate(2012, 6, 25), period.LastDay);
        Assert.Equal(new LocalDate(2012, 6, 26), period.CouncilMayDecideFrom);
    }

    [Theory]
    [InlineData("2012-06-22", "2012-06-23", "2012-06-25 2012-06-26 2012-06-27 2012-06-28 2012-06-29", "received on a Friday: the period starts on the Saturday")]
    [InlineData("2012-06-23", "2012-06-24", "2012-06-25 2012-06-26 2012-06-27 2012-06-28 2012-06-29", "received on a Saturday")]
    [InlineData("2012-06-24", "2012-06-25", "2012-06-25 2012-06-26 2012-06-27 2012-06-28 2012-06-29", "received on a Sunday")]
    [InlineData("2012-06-01", "2012-06-02", "2012-06-06 2012-06-07 2012-06-08 2012-06-11 2012-06-12", "2012 jubilee weekend inside the period")]
    [InlineData("2012-05-31", "2012-06-01", "2012-06-01 2012-06-06 2012-06-07 2012-06-08 2012-06-11", "2012 jubilee days after the first working day")]
    [InlineData("2012-08-27", "2012-08-28", "2012-08-28 2012-08-29 2012-08-30 2012-08-31 2012-09-03", "received on a bank holiday")]
    [InlineData("2012-12-21", "2012-12-22", "2012-12-24 2012-12-27 2012-12-28 2012-12-31 2013-01-02", "across Christmas and New Year 2012")]
    [InlineData("2022-12-23", "2022-12-24", "2022-12-28 2022-12-29 2022-12-30 2023-01-03 2023-01-04", "across Christmas 2022 with substitute days")]
    [InlineData("2012-04-05", "2012-04-06", "2012-04-10 2012-04-11 2012-04-12 2012-04-13 2012-04-16", "across Easter 2012")]
    public void Period_begins_the_day_after_receipt_and_holds_five_working_days(
        string received, string firstDay, string workingDays, string why)
    {
        var period = After(received);
        var expected = Dates.IsoList(workingDays);

        Assert.True(Dates.Iso(firstDay) == period.FirstDay, why);
        Assert.Equal(expected, period.WorkingDays);
        Assert.Equal(expected[^1], period.EarliestLastDay);
        Assert.Equal(expected[^1], period.LastDay);
        Assert.Equal(expected[^1].PlusDays(1), period.CouncilMayDecideFrom);
    }

    [Fact]
    public void Council_may_set_a_later_end_and_the_extra_working_days_join_the_period()
    {
        var period = After("2012-06-18").EndingOn(new LocalDate(2012, 7, 2));

        Assert.Equal(new LocalDate(2012, 7, 2), period.LastDay);
        Assert.Equal(new LocalDate(2012, 6, 25), period.EarliestLastDay);
        Assert.Equal(new LocalDate(2012, 7, 3), period.CouncilMayDecideFrom);
        Assert.Equal(10, period.WorkingDays.Count);
        Assert.Equal(new LocalDate(2012, 7, 2), period.WorkingDays[^1]);
    }

    [Fact]
    public void Council_may_end_the_period_on_a_weekend_day()
    {
        var period = After("2012-06-18").EndingOn(new LocalDate(2012, 6, 30));

        Assert.Equal(new LocalDate(2012, 7, 1), period.CouncilMayDecideFrom);
        Assert.Equal(new LocalDate(2012, 6, 29), period.WorkingDays[^1]);
    }

    [Fact]
    public void Council_may_not_end_the_period_before_25_June_2012_and_the_refusal_names_that_date()
    {
        var period = After("2012-06-18");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => period.EndingOn(new LocalDate(2012, 6, 22)));

        Assert.Equal("lastDay", error.ParamName);
        Assert.Contains(
            "the period must hold at least five working days after 18 June 2012: it may end no earlier than 25 June 2012",
            error.Message);
    }

    [Fact]
    public void A_later_end_can_be_brought_back_to_the_earliest_but_not_before_it()
    {
        var extended = After("2012-06-18").EndingOn(new LocalDate(2012, 7, 2));

        Assert.Equal(After("2012-06-18"), extended.EndingOn(new LocalDate(2012, 6, 25)));
        Assert.Throws<ArgumentOutOfRangeException>(() => extended.EndingOn(new LocalDate(2012, 6, 24)));
    }

    [Theory]
    [InlineData("2012-06-22", false)]
    [InlineData("2012-06-24", false)]
    [InlineData("2012-06-25", true)]
    [InlineData("2012-06-26", true)]
    public void The_period_may_end_on_the_fifth_working_day_or_later(string lastDay, bool allowed)
    {
        Assert.Equal(allowed, After("2012-06-18").MayEndOn(Dates.Iso(lastDay)));
    }

    [Theory]
    [InlineData("2012-06-18", false, "the day of receipt does not count")]
    [InlineData("2012-06-19", true, "the first day")]
    [InlineData("2012-06-23", true, "a weekend inside the period")]
    [InlineData("2012-06-25", true, "the last day is included")]
    [InlineData("2012-06-26", false, "the day Council may decide")]
    public void The_period_contains_its_first_and_last_days_but_not_the_day_of_receipt(string date, bool inside, string why)
    {
        Assert.True(inside == After("2012-06-18").Contains(Dates.Iso(date)), why);
    }

    [Fact]
    public void A_proclaimed_extra_holiday_inside_the_period_pushes_the_end_back()
    {
        var calendar = Calendar.WithExtraHolidays([new BankHoliday(new LocalDate(2012, 6, 20), "Proclaimed day")]);

        var period = ReconsiderationPeriod.StartingAfter(new LocalDate(2012, 6, 18), calendar);

        Assert.Equal(Dates.IsoList("2012-06-19 2012-06-21 2012-06-22 2012-06-25 2012-06-26"), period.WorkingDays);
    }

    [Fact]
    public void Periods_with_the_same_dates_are_equal_whatever_calendar_instance_made_them()
    {
        var other = ReconsiderationPeriod.StartingAfter(new LocalDate(2012, 6, 18), Calendar.WithExtraHolidays([]));

        Assert.Equal(After("2012-06-18"), other);
        Assert.Equal(After("2012-06-18").GetHashCode(), other.GetHashCode());
        Assert.NotEqual(After("2012-06-18"), After("2012-06-18").EndingOn(new LocalDate(2012, 6, 26)));
    }

    [Fact]
    public void A_calendar_is_required()
    {
        Assert.Throws<ArgumentNullException>(() => ReconsiderationPeriod.StartingAfter(new LocalDate(2012, 6, 18), null!));
    }
}
