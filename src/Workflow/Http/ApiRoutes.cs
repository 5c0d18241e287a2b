using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ApprovalWorkflow.Http;

/// <summary>One route of the API: method, pattern under /api, handler, who may call it and what it takes.</summary>
public sealed record ApiRoute(string Method, string Pattern, string Name, Delegate Handler, string Roles, string Summary, Type? Body = null);

/// <summary>
/// Every route of the API in one table. The LocalHost maps it; the Functions app has one trigger per row
/// (a test checks the two agree from the compiled assemblies); the OpenAPI document is made from it.
/// </summary>
public static class ApiRoutes
{
    const string Anyone = "anyone";
    const string Readers = "Member, Clerk, Executive, DemocraticServices";

    public static readonly IReadOnlyList<ApiRoute> All =
    [
        new("GET", "health", nameof(HealthApi.GetHealth), HealthApi.GetHealth, Anyone, "Whether storage and the orchestration engine answer."),
        new("GET", "openapi.json", nameof(OpenApiDocument.GetOpenApiDocument), OpenApiDocument.GetOpenApiDocument, Anyone, "This API's OpenAPI document."),
        new("GET", "deadlines/reconsideration", nameof(DeadlinesApi.Reconsideration), DeadlinesApi.Reconsideration, Anyone,
            "The Executive's reconsideration period for instructions received on ?instructionsReceived=yyyy-MM-dd."),
        new("GET", "deadlines/publication", nameof(DeadlinesApi.Publication), DeadlinesApi.Publication, Anyone,
            "The last day to publish papers for a meeting on ?meeting=yyyy-MM-dd (five clear working days)."),

        new("POST", "bodies", nameof(BodiesApi.RegisterBody), BodiesApi.RegisterBody, "DemocraticServices",
            "Register a body (Full Council, Cabinet, ...) and its members, or replace its membership.", typeof(RegisterBodyRequest)),
        new("GET", "bodies", nameof(BodiesApi.ListBodies), BodiesApi.ListBodies, Readers, "The registered bodies and their members."),
        new("GET", "bodies/{bodyId}", nameof(BodiesApi.GetBody), BodiesApi.GetBody, Readers, "One body and its members."),
        new("GET", "members/{memberId}/calendar-link", nameof(CalendarApi.GetMemberCalendarLink), CalendarApi.GetMemberCalendarLink, Readers,
            "The address a member subscribes to once in a calendar app: their feed with a token, no key needed."),
        new("GET", "members/{memberId}/calendar.ics", nameof(CalendarApi.GetMemberCalendar), CalendarApi.GetMemberCalendar, Readers + ", or the member's link token",
            "A member's calendar feed (text/calendar): every meeting of their bodies in every open run, and the deadlines that fall to them; 'democratic-services' and 'executive' are the mailboxes' feeds."),

        new("POST", "runs", nameof(RunsApi.StartRun), RunsApi.StartRun, "DemocraticServices",
            "Start an approval run for a plan or budget from a stage template.", typeof(StartRunRequest)),
        new("GET", "runs", nameof(RunsApi.ListRuns), RunsApi.ListRuns, Readers, "The runs, newest first; filter with ?status=ReferredBack."),
        new("GET", "runs/{runId}", nameof(RunsApi.GetRun), RunsApi.GetRun, Readers,
            "One run: stage, status, every date and deadline, what is expected next, from whom and by when."),
        new("GET", "runs/{runId}/timeline", nameof(RunsApi.GetTimeline), RunsApi.GetTimeline, Readers,
            "The run's record: every event, who recorded it, when and from which request; and every email (deliveries): sent, failed or skipped, to whom and when."),
        new("GET", "runs/{runId}/requests/{requestId}", nameof(RunsApi.GetRequest), RunsApi.GetRequest, Readers,
            "The answer to a request that was still being decided (the Location of a 202)."),
        new("POST", "runs/{runId}/meetings", nameof(RunsApi.ScheduleMeeting), RunsApi.ScheduleMeeting, "DemocraticServices",
            "Schedule a meeting of a stage's body.", typeof(ScheduleMeetingRequest)),
        new("POST", "runs/{runId}/meetings/{meetingId}/cancellation", nameof(RunsApi.CancelMeeting), RunsApi.CancelMeeting, "DemocraticServices",
            "Cancel a meeting, with a reason.", typeof(ReasonRequest)),
        new("POST", "runs/{runId}/meetings/{meetingId}/stage-approval", nameof(RunsApi.RecordStageApproval), RunsApi.RecordStageApproval, "Clerk",
            "Record whether a partnership board approved the draft.", typeof(StageApprovalRequest)),
        new("POST", "runs/{runId}/consultation", nameof(RunsApi.RecordConsultation), RunsApi.RecordConsultation, "Clerk",
            "Record the Executive's consultation: Overview and Scrutiny's recommendations and the response.", typeof(ConsultationRequest)),
        new("POST", "runs/{runId}/meetings/{meetingId}/cabinet-decision", nameof(RunsApi.RecordCabinetDecision), RunsApi.RecordCabinetDecision, "Clerk",
            "Record Cabinet's decision: Recommend to Full Council or SendBack.", typeof(CabinetDecisionRequest)),
        new("POST", "runs/{runId}/meetings/{meetingId}/council-decision", nameof(RunsApi.RecordCouncilDecision), RunsApi.RecordCouncilDecision, "Clerk",
            "Record Full Council's first decision: adopt, refer-back with amendments (and the period), or reject.", typeof(CouncilDecisionRequest)),
        new("POST", "runs/{runId}/executive-response", nameof(RunsApi.RecordExecutiveResponse), RunsApi.RecordExecutiveResponse, "Executive, Clerk",
            "Record the Executive's response to each amendment.", typeof(ExecutiveResponseRequest)),
        new("POST", "runs/{runId}/meetings/{meetingId}/insist-votes", nameof(RunsApi.RecordInsistVote), RunsApi.RecordInsistVote, "Clerk",
            "Record Council's vote on insisting on an amendment the Executive did not accept.", typeof(InsistVoteRequest)),
        new("POST", "runs/{runId}/meetings/{meetingId}/final-decision", nameof(RunsApi.RecordFinalDecision), RunsApi.RecordFinalDecision, "Clerk",
            "Record Council's final vote on adopting the plan.", typeof(FinalDecisionRequest)),
        new("POST", "runs/{runId}/withdrawal", nameof(RunsApi.WithdrawPlan), RunsApi.WithdrawPlan, "Executive",
            "The Executive withdraws the plan.", typeof(ReasonRequest)),
        new("POST", "runs/{runId}/cancellation", nameof(RunsApi.CancelRun), RunsApi.CancelRun, "DemocraticServices",
            "Cancel the run, with a reason.", typeof(ReasonRequest)),
        new("POST", "runs/{runId}/documents/{kind}", nameof(DocumentsApi.UploadDocument), DocumentsApi.UploadDocument, "DemocraticServices, Clerk, Executive",
            "Upload a new version of a document (draft-plan, cabinet-report, ...): the raw content as the body, its type as Content-Type, optional X-File-Name."),
        new("GET", "runs/{runId}/documents", nameof(DocumentsApi.ListDocuments), DocumentsApi.ListDocuments, Readers,
            "The run's documents by kind, every version with its size, type, SHA-256, who uploaded it and when."),
        new("GET", "runs/{runId}/documents/{kind}/{version}", nameof(DocumentsApi.GetDocument), DocumentsApi.GetDocument, Readers,
            "One version's content (or \"latest\"), with its SHA-256 as ETag and Repr-Digest; supports Range and If-None-Match."),
    ];

    /// <summary>Maps every route under /api, as the Functions app's triggers do.</summary>
    public static IEndpointRouteBuilder MapApprovalWorkflowApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        foreach (var route in All)
        {
            api.MapMethods("/" + route.Pattern, [route.Method], route.Handler).WithName(route.Name);
        }

        return app;
    }
}
