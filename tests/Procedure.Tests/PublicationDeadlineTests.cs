using ApprovalWorkflow.Procedure;

namespace ApprovalWorkflow.Procedure.Tests;

public sealed class PublicationDeadlineTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    [Theory]
    [InlineData("2012-07-11", "2012-07-03", "Council, Wednesday 11 July 2012: clear 4, 5, 6, 9, 10 July")]
    [InlineData("2012-07-04", "2012-06-26", "Cabinet, Wednesday 4 July 2012: clear 27, 28, 29 June, 2, 3 July")]
    [InlineData("2012-06-25", "2012-06-15", "a Monday meeting")]
    [InlineData("2012-07-14", "2012-07-06", "a meeting on a Saturday")]
    [InlineData("2012-06-11", "2012-05-30", "across the 2012 jubilee: clear 31 May, 1, 6, 7, 8 June")]
    [InlineData("2013-01-03", "2012-12-21", "across Christmas and New Year: clear 24, 27, 28, 31 December, 2 January")]
    [InlineData("2012-04-10", "2012-03-29", "across Easter 2012: clear 30 March, 2, 3, 4, 5 April")]
    [InlineData("2023-05-12", "2023-05-03", "across the coronation bank holiday: clear 4, 5, 9, 10, 11 May")]
    public void Papers_must_be_published_by_the_last_working_day_leaving_five_clear_working_days(
        string meeting, string publishBy, string why)
    {
        var deadline = PublicationDeadline.For(Dates.Iso(meeting), Calendar);

        Assert.Equal(Dates.Iso(meeting), deadline.Meeting);
        Assert.True(Dates.Iso(publishBy) == deadline.PublishBy, $"{why}: got {Dates.Words(deadline.PublishBy)}");
    }

    [Fact]
    public void Publishing_on_the_deadline_is_in_time_and_on_the_next_working_day_is_late()
    {
        var deadline = PublicationDeadline.For(new LocalDate(2012, 7, 11), Calendar);

        Assert.True(deadline.IsMetBy(new LocalDate(2012, 7, 3)));
        Assert.True(deadline.IsMetBy(new LocalDate(2012, 6, 1)));
        Assert.False(deadline.IsMetBy(new LocalDate(2012, 7, 4)));
        Assert.False(deadline.IsMetBy(new LocalDate(2012, 7, 11)));
    }

    [Fact]
    public void Publishing_on_the_weekend_straight_after_a_Friday_deadline_still_leaves_five_clear_days()
    {
        var deadline = PublicationDeadline.For(new LocalDate(2012, 6, 25), Calendar);

        Assert.Equal(new LocalDate(2012, 6, 15), deadline.PublishBy);
        Assert.True(deadline.IsMetBy(new LocalDate(2012, 6, 17)));
        Assert.False(deadline.IsMetBy(new LocalDate(2012, 6, 18)));
    }

    [Fact]
    public void Deadlines_with_the_same_dates_are_equal_whatever_calendar_instance_made_them()
    {
        Assert.Equal(
            PublicationDeadline.For(new LocalDate(2012, 7, 11), Calendar),
            PublicationDeadline.For(new LocalDate(2012, 7, 11), Calendar.WithExtraHolidays([])));
    }

    [Fact]
    public void A_calendar_is_required()
    {
        Assert.Throws<ArgumentNullException>(() => PublicationDeadline.For(new LocalDate(2012, 7, 11), null!));
    }
}
