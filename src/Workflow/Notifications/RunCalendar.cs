using ApprovalWorkflow.Procedure;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using Duration = NodaTime.Duration;

namespace ApprovalWorkflow.Notifications;

/// <summary>
/// One date of a run as a calendar entry. A meeting is timed (<paramref name="StartsAt"/> for
/// <paramref name="Length"/>, in the council's zone); a deadline is an all-day entry. The <paramref name="Uid"/> is the
/// same in every email and in the member's feed, so a calendar keeps one entry per date and a higher
/// <paramref name="Sequence"/> replaces the earlier one.
/// </summary>
public sealed record CalendarEntry(
    string Uid, string Summary, string Description, LocalDate Date, LocalTime? StartsAt, Duration Length, string? Location, int Sequence, bool Cancelled = false)
{
    public bool IsTimed => StartsAt is not null;

    public CalendarEntry AsCancelled(int sequence) => this with { Cancelled = true, Sequence = sequence };
}

/// <summary>
/// The calendar entries of a run's dates, and the iCalendar text made from them with Ical.Net: a timed
/// meeting carries the council's zone as a VTIMEZONE; METHOD:CANCEL with STATUS:CANCELLED takes an entry out.
/// </summary>
public static class RunCalendar
{
    /// <summary>A meeting with no time recorded is shown from 19:00, the usual start of an evening council meeting.</summary>
    public static readonly LocalTime DefaultMeetingStart = new(19, 0);

    public static readonly Duration MeetingLength = Duration.FromHours(2);

    public const string Publish = "PUBLISH";
    public const string Cancel = "CANCEL";

    public static string MeetingUid(string runId, string meetingId) => $"{runId}-meeting-{meetingId}@approvalworkflow";

    public static string PapersUid(string runId, string meetingId) => $"{runId}-papers-{meetingId}@approvalworkflow";

    public static string PeriodEndUid(string runId, LocalDate lastDay) => $"{runId}-period-end-{lastDay:yyyy-MM-dd}@approvalworkflow";

    /// <summary>The meeting as a timed entry (from 19:00 when no time is recorded, for two hours).</summary>
    public static CalendarEntry Meeting(string runId, RunState state, ScheduledMeeting meeting, int sequence)
    {
        string stage = StageName(state, meeting.StageId);
        string when = EmailText.DateWithDay(meeting.Date) + (meeting.StartsAt is { } at ? $" at {EmailText.Time(at)}" : "");
        return new CalendarEntry(
            MeetingUid(runId, meeting.Id),
            $"{stage}: {state.Title}",
            $"{stage} meets on {when} to consider the {state.Title}. Papers are published by {EmailText.DateWithDay(meeting.PublishPapersBy)}. Approval run {runId}.",
            meeting.Date, meeting.StartsAt ?? DefaultMeetingStart, MeetingLength, meeting.Location, sequence,
            Cancelled: meeting.IsCancelled);
    }

    /// <summary>The last day to publish the meeting's papers (five clear working days before it), all day.</summary>
    public static CalendarEntry PapersDeadline(string runId, RunState state, ScheduledMeeting meeting, int sequence)
    {
        string stage = StageName(state, meeting.StageId);
        return new CalendarEntry(
            PapersUid(runId, meeting.Id),
            $"Publish papers: {stage} on {ClerkText.Date(meeting.Date)} ({state.Title})",
            $"Last day to publish the papers for {stage} on {EmailText.DateWithDay(meeting.Date)} (five clear working days before the meeting). Approval run {runId}.",
            meeting.PublishPapersBy, null, Duration.FromDays(1), null, sequence,
            Cancelled: meeting.IsCancelled);
    }

    /// <summary>The reconsideration period's last day, all day.</summary>
    public static CalendarEntry PeriodEnd(string runId, RunState state, Referral referral, int sequence) => new(
        PeriodEndUid(runId, referral.PeriodLastDay),
        $"Reconsideration period ends: {state.Title}",
        $"The Executive's reconsideration period ends at the end of {EmailText.DateWithDay(referral.PeriodLastDay)}; " +
        $"an amendment not answered by then counts as not accepted. Council may take its final decision from {EmailText.DateWithDay(referral.CouncilMayDecideFrom)}. Approval run {runId}.",
        referral.PeriodLastDay, null, Duration.FromDays(1), null, sequence);

    /// <summary>
    /// The iCalendar text of these entries with <paramref name="method"/> (PUBLISH or CANCEL; null for a
    /// subscribed feed), stamped <paramref name="stamp"/>, organised by <paramref name="organizerEmail"/>.
    /// </summary>
    public static string Write(
        IReadOnlyCollection<CalendarEntry> entries, string? method, DateTimeZone zone, DateTimeOffset stamp,
        string organizerEmail, string organizerName, string? calendarName = null)
    {
        var calendar = new Calendar { ProductId = "-//ApprovalWorkflow//Notifications//EN" };
        if (method is not null)
        {
            calendar.Method = method;
        }

        if (calendarName is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", calendarName);
            calendar.AddProperty("X-WR-TIMEZONE", zone.Id);
        }

        var timed = entries.Where(e => e.IsTimed).ToList();
        if (timed.Count > 0)
        {
            // The zone's rules from the year of the earliest meeting, so a replayed 2012 run still resolves.
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Id, new DateTime(timed.Min(e => e.Date).Year, 1, 1), includeHistoricalData: false));
        }

        var stampUtc = new CalDateTime(stamp.UtcDateTime, "UTC", hasTime: true);
        foreach (var entry in entries)
        {
            var e = new CalendarEvent
            {
                Uid = entry.Uid,
                Sequence = entry.Sequence,
                Summary = entry.Summary,
                Description = entry.Description,
                DtStamp = stampUtc,
                Organizer = new Organizer($"mailto:{organizerEmail}") { CommonName = organizerName },
            };
            if (entry.Location is { Length: > 0 } location)
            {
                e.Location = location;
            }

            if (entry.StartsAt is LocalTime startsAt)
            {
                var start = entry.Date + startsAt;
                var end = start.PlusMinutes((long)entry.Length.TotalMinutes);
                e.DtStart = new CalDateTime(ToDate(start.Date), ToTime(start.TimeOfDay), zone.Id);
                e.DtEnd = new CalDateTime(ToDate(end.Date), ToTime(end.TimeOfDay), zone.Id);
            }
            else
            {
                e.DtStart = new CalDateTime(ToDate(entry.Date));
                e.DtEnd = new CalDateTime(ToDate(entry.Date.PlusDays(Math.Max(1, (int)entry.Length.TotalDays))));
                e.Transparency = "TRANSPARENT";
            }

            if (entry.Cancelled)
            {
                e.Status = "CANCELLED";
            }

            calendar.Events.Add(e);
        }

        return new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net wrote no calendar.");
    }

    /// <summary>An attachment for an email: PUBLISH unless every entry is cancelled.</summary>
    public static IcsAttachment Attachment(
        string fileName, IReadOnlyCollection<CalendarEntry> entries, DateTimeZone zone, DateTimeOffset stamp, NotificationSettings settings)
    {
        string method = entries.All(e => e.Cancelled) ? Cancel : Publish;
        return new IcsAttachment(fileName, method, Write(entries, method, zone, stamp, settings.FromEmail, settings.FromName));
    }

    internal static string StageName(RunState state, string stageId) => state.FindStage(stageId)?.Name ?? stageId;

    static DateOnly ToDate(LocalDate date) => new(date.Year, date.Month, date.Day);

    static TimeOnly ToTime(LocalTime time) => new(time.Hour, time.Minute, time.Second);
}
