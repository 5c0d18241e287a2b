using ApprovalWorkflow.Procedure;
using CsCheck;

namespace ApprovalWorkflow.Procedure.Tests;

/// <summary>Properties of the calendar, the reconsideration period and the publication deadline over random dates.</summary>
public sealed class CalendarProperties
{
    private const int Iterations = 2_000;
    private const int Threads = 1; // the build machine's cores are shared

    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    /// <summary>A date from 1 January <paramref name="fromYear"/> to 31 December <paramref name="toYear"/>.</summary>
    private static Gen<LocalDate> DateIn(int fromYear, int toYear)
    {
        var first = new LocalDate(fromYear, 1, 1);
        int days = Period.Between(first, new LocalDate(toYear, 12, 31), PeriodUnits.Days).Days;
        return Gen.Int[0, days].Select(first.PlusDays);
    }

    [Fact]
    public void A_period_not_extended_holds_exactly_five_working_days_starts_the_day_after_and_ends_on_a_working_day()
    {
        DateIn(1995, 2099).Sample(received =>
        {
            var period = ReconsiderationPeriod.StartingAfter(received, Calendar);

            Assert.Equal(received.PlusDays(1), period.FirstDay);
            Assert.Equal(ReconsiderationPeriod.MinimumWorkingDays, period.WorkingDays.Count);
            Assert.True(Calendar.IsWorkingDay(period.LastDay));
            Assert.Equal(period.EarliestLastDay, period.LastDay);
            Assert.Equal(period.LastDay, period.WorkingDays[^1]);
            Assert.Equal(period.LastDay.PlusDays(1), period.CouncilMayDecideFrom);
            Assert.All(period.WorkingDays, day => Assert.True(Calendar.IsWorkingDay(day) && period.Contains(day)));
            Assert.Equal(4, Calendar.ClearWorkingDaysBetween(received, period.LastDay));
            Assert.False(period.Contains(received));
            Assert.False(period.MayEndOn(period.EarliestLastDay.PlusDays(-1)));
        }, iter: Iterations, threads: Threads, print: Dates.Words);
    }

    [Fact]
    public void A_period_Council_extends_still_holds_at_least_five_working_days_and_ends_where_Council_said()
    {
        Gen.Select(DateIn(1995, 2099), Gen.Int[0, 60]).Sample((received, extraDays) =>
        {
            var shortest = ReconsiderationPeriod.StartingAfter(received, Calendar);
            var lastDay = shortest.EarliestLastDay.PlusDays(extraDays);

            var period = shortest.EndingOn(lastDay);

            Assert.Equal(lastDay, period.LastDay);
            Assert.Equal(shortest.EarliestLastDay, period.EarliestLastDay);
            Assert.Equal(5 + Calendar.ClearWorkingDaysBetween(shortest.EarliestLastDay, lastDay.PlusDays(1)), period.WorkingDays.Count);
            Assert.True(period.Contains(lastDay));
            Assert.False(period.Contains(period.CouncilMayDecideFrom));
        }, iter: Iterations, threads: Threads);
    }

    [Fact]
    public void Publish_by_is_the_last_working_day_leaving_exactly_five_clear_working_days()
    {
        DateIn(1995, 2099).Where(meeting => meeting >= new LocalDate(1995, 2, 1)).Sample(meeting =>
        {
            var deadline = PublicationDeadline.For(meeting, Calendar);
            var nextWorkingDay = Calendar.NextWorkingDayAfter(deadline.PublishBy);

            Assert.True(Calendar.IsWorkingDay(deadline.PublishBy));
            Assert.True(deadline.PublishBy < meeting);
            Assert.Equal(PublicationDeadline.ClearWorkingDays, Calendar.ClearWorkingDaysBetween(deadline.PublishBy, meeting));
            Assert.True(Calendar.ClearWorkingDaysBetween(nextWorkingDay, meeting) < PublicationDeadline.ClearWorkingDays);
            Assert.True(deadline.IsMetBy(deadline.PublishBy));
            Assert.False(deadline.IsMetBy(nextWorkingDay));
        }, iter: Iterations, threads: Threads, print: Dates.Words);
    }

    [Fact]
    public void Next_working_day_after_is_the_first_working_day_strictly_after()
    {
        // Stepping back from early January 1995 would leave the calendar's years (2 January 1995 is a holiday).
        DateIn(1995, 2099).Where(date => date >= new LocalDate(1995, 1, 10)).Sample(date =>
        {
            var next = Calendar.NextWorkingDayAfter(date);

            Assert.True(next > date && Calendar.IsWorkingDay(next));
            for (var day = date.PlusDays(1); day < next; day = day.PlusDays(1)) Assert.False(Calendar.IsWorkingDay(day));
            Assert.Equal(Calendar.IsWorkingDay(date) ? date : next, Calendar.NextWorkingDayOnOrAfter(date));
            Assert.True(Calendar.PreviousWorkingDayBefore(next) <= date);
        }, iter: Iterations, threads: Threads, print: Dates.Words);
    }

    [Fact]
    public void Adding_n_working_days_leaves_n_minus_one_clear_working_days_between()
    {
        Gen.Select(DateIn(1995, 2099), Gen.Int[1, 30]).Sample((date, count) =>
        {
            var later = Calendar.AddWorkingDays(date, count);

            Assert.True(Calendar.IsWorkingDay(later));
            Assert.Equal(count - 1, Calendar.ClearWorkingDaysBetween(date, later));
        }, iter: Iterations, threads: Threads);
    }
}
