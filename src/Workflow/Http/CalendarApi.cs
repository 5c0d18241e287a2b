using ApprovalWorkflow.Bodies;
using ApprovalWorkflow.Notifications;
using ApprovalWorkflow.Procedure;
using ApprovalWorkflow.Record;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalWorkflow.Http;

/// <summary>
/// A member's calendar feed: every date of every open run that concerns them, so a councillor subscribes
/// once and their calendar follows every run. The entries carry the same UIDs as the emails' attachments,
/// so an entry added from an email and the same entry in the feed are one.
/// </summary>
public static class CalendarApi
{
    /// <summary>The feed of Democratic Services' mailbox: every meeting's publication deadline.</summary>
    public const string DemocraticServicesFeed = "democratic-services";

    /// <summary>The feed of the Executive's mailbox: reconsideration periods and Council's final meetings.</summary>
    public const string ExecutiveFeed = "executive";

    /// <summary>
    /// The address a member subscribes to once: their feed with a token in it, since a calendar app can send
    /// no key. Any reader may ask for it (they may read the feed with their key anyway).
    /// </summary>
    public static async Task<IResult> GetMemberCalendarLink(HttpContext http, string memberId)
    {
        var (_, refused) = ApiRequests.RequireReader(http, "get a member's calendar link");
        if (refused is not null) return refused;
        string token = await http.RequestServices.GetRequiredService<CalendarFeedLinks>().TokenForAsync(memberId);
        string path = $"/api/members/{Uri.EscapeDataString(memberId)}/calendar.ics?token={token}";
        var request = http.Request;
        return TypedResults.Json(new
        {
            memberId,
            url = $"{request.Scheme}://{request.Host}{path}",
            webcal = $"webcal://{request.Host}{path}",
        });
    }

    public static async Task<IResult> GetMemberCalendar(HttpContext http, string memberId)
    {
        var services = http.RequestServices;
        string? token = http.Request.Query["token"].FirstOrDefault();
        if (token is null)
        {
            var (_, refused) = ApiRequests.RequireReader(http, "read a member's calendar");
            if (refused is not null) return refused;
        }
        else if (!await services.GetRequiredService<CalendarFeedLinks>().OpensAsync(memberId, token))
        {
            return Problems.Forbidden("the member's own link", "read this calendar: the token is not the one for this member. Ask Democratic Services for the link (GET /api/members/{memberId}/calendar-link)");
        }

        var bodies = await services.GetRequiredService<BodyRegister>().AllAsync(http.RequestAborted);
        var memberOf = bodies.Values.Where(b => b.HasMember(memberId)).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var member = bodies.Values.SelectMany(b => b.Members).FirstOrDefault(m => m.Id == memberId);
        bool democraticServices = memberId == DemocraticServicesFeed, executive = memberId == ExecutiveFeed;
        if (member is null && !democraticServices && !executive)
        {
            return Problems.NotFound("member",
                $"No registered body has a member '{memberId}'. Members are registered with their bodies (POST /api/bodies); " +
                $"the feeds '{DemocraticServicesFeed}' and '{ExecutiveFeed}' hold the deadlines of those mailboxes.");
        }

        var record = services.GetRequiredService<RunRecord>();
        var open = (await services.GetRequiredService<RunList>().ListAsync(null, 500, http.RequestAborted))
            .Where(r => !Enum.TryParse<RunStatus>(r.Status, out var status) || status is not (RunStatus.Adopted or RunStatus.NotAdopted or RunStatus.Withdrawn or RunStatus.Cancelled));
        var runs = await Task.WhenAll(open.Select(async r => (r.RunId, Rows: await record.LoadAsync(r.RunId, http.RequestAborted))));

        var entries = new List<CalendarEntry>();
        foreach (var (runId, rows) in runs.Where(r => r.Rows.Count > 0))
        {
            var state = RunEvents.Fold(rows);
            if (state.IsEnded) continue;
            int sequence = (int)rows[^1].Sequence;
            string? cabinet = state.Stages.FirstOrDefault(s => s.Kind == StageKind.Cabinet)?.BodyId;
            bool forExecutive = executive || (cabinet is not null && memberOf.Contains(cabinet));
            var final = state.OpenFinalMeeting();
            foreach (var meeting in state.Meetings.Where(m => !m.IsCancelled))
            {
                if (memberOf.Contains(meeting.BodyId) || (forExecutive && meeting.Id == final?.Id))
                {
                    entries.Add(RunCalendar.Meeting(runId, state, meeting, sequence));
                }

                if (democraticServices)
                {
                    entries.Add(RunCalendar.PapersDeadline(runId, state, meeting, sequence));
                }
            }

            if (forExecutive && state.Referral is { } referral)
            {
                entries.Add(RunCalendar.PeriodEnd(runId, state, referral, sequence));
            }
        }

        var settings = services.GetRequiredService<NotificationSettings>();
        string name = member?.Name ?? (democraticServices ? "Democratic Services" : "The Executive");
        string ics = RunCalendar.Write(entries, RunCalendar.Publish, services.GetRequiredService<WorkflowSettings>().TimeZone,
            DateTimeOffset.UtcNow, settings.FromEmail, settings.FromName, calendarName: $"{name}: council dates");
        http.Response.Headers.ContentDisposition = "inline; filename=\"calendar.ics\"";
        return TypedResults.Text(ics, "text/calendar; charset=utf-8");
    }
}
