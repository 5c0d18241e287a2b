using ApprovalWorkflow.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ApprovalWorkflow.Functions;

/// <summary>
/// One HTTP trigger per row of <see cref="ApiRoutes.All"/>, same method, same route, same handler.
/// Authorization is App Service authentication's (Entra ID app roles), so the function level is anonymous.
/// </summary>
public sealed class HttpTriggers
{
    const AuthorizationLevel Open = AuthorizationLevel.Anonymous;

    [Function(nameof(HealthApi.GetHealth))]
    public Task<IActionResult> GetHealth([HttpTrigger(Open, "get", Route = "health")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, HealthApi.GetHealth);

    [Function(nameof(OpenApiDocument.GetOpenApiDocument))]
    public Task<IActionResult> GetOpenApiDocument([HttpTrigger(Open, "get", Route = "openapi.json")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, OpenApiDocument.GetOpenApiDocument);

    [Function(nameof(DeadlinesApi.Reconsideration))]
    public Task<IActionResult> Reconsideration([HttpTrigger(Open, "get", Route = "deadlines/reconsideration")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, DeadlinesApi.Reconsideration);

    [Function(nameof(DeadlinesApi.Publication))]
    public Task<IActionResult> Publication([HttpTrigger(Open, "get", Route = "deadlines/publication")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, DeadlinesApi.Publication);

    [Function(nameof(BodiesApi.RegisterBody))]
    public Task<IActionResult> RegisterBody([HttpTrigger(Open, "post", Route = "bodies")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, BodiesApi.RegisterBody);

    [Function(nameof(BodiesApi.ListBodies))]
    public Task<IActionResult> ListBodies([HttpTrigger(Open, "get", Route = "bodies")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, BodiesApi.ListBodies);

    [Function(nameof(BodiesApi.GetBody))]
    public Task<IActionResult> GetBody([HttpTrigger(Open, "get", Route = "bodies/{bodyId}")] HttpRequest req, string bodyId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => BodiesApi.GetBody(http, bodyId));

    [Function(nameof(CalendarApi.GetMemberCalendarLink))]
    public Task<IActionResult> GetMemberCalendarLink([HttpTrigger(Open, "get", Route = "members/{memberId}/calendar-link")] HttpRequest req, string memberId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => CalendarApi.GetMemberCalendarLink(http, memberId));

    [Function(nameof(CalendarApi.GetMemberCalendar))]
    public Task<IActionResult> GetMemberCalendar([HttpTrigger(Open, "get", Route = "members/{memberId}/calendar.ics")] HttpRequest req, string memberId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => CalendarApi.GetMemberCalendar(http, memberId));

    [Function(nameof(RunsApi.StartRun))]
    public Task<IActionResult> StartRun([HttpTrigger(Open, "post", Route = "runs")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, RunsApi.StartRun);

    [Function(nameof(RunsApi.ListRuns))]
    public Task<IActionResult> ListRuns([HttpTrigger(Open, "get", Route = "runs")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, RunsApi.ListRuns);

    [Function(nameof(RunsApi.GetRun))]
    public Task<IActionResult> GetRun([HttpTrigger(Open, "get", Route = "runs/{runId}")] HttpRequest req, string runId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => RunsApi.GetRun(http, runId));

    [Function(nameof(RunsApi.GetTimeline))]
    public Task<IActionResult> GetTimeline([HttpTrigger(Open, "get", Route = "runs/{runId}/timeline")] HttpRequest req, string runId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => RunsApi.GetTimeline(http, runId));

    [Function(nameof(RunsApi.GetRequest))]
    public Task<IActionResult> GetRequest([HttpTrigger(Open, "get", Route = "runs/{runId}/requests/{requestId}")] HttpRequest req, string runId, string requestId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => RunsApi.GetRequest(http, runId, requestId));

    [Function(nameof(RunsApi.ScheduleMeeting))]
    public Task<IActionResult> ScheduleMeeting([HttpTrigger(Open, "post", Route = "runs/{runId}/meetings")] HttpRequest req, string runId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => RunsApi.ScheduleMeeting(http, runId));

    [Function(nameof(RunsApi.CancelMeeting))]
    public Task<IActionResult> CancelMeeting([HttpTrigger(Open, "post", Route = "runs/{runId}/meetings/{meetingId}/cancellation")] HttpRequest req, string runId, string meetingId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => RunsApi.CancelMeeting(http, runId, meetingId));

    [Function(nameof(RunsApi.RecordStageApproval))]
    public Task<IActionResult> RecordStageApproval([HttpTrigger(Open, "post", Route = "runs/{runId}/meetings/{meetingId}/stage-approval")] HttpRequest req, string runId, string meetingId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => RunsApi.RecordStageApproval(http, runId, meetingId));

    [Function(nameof(RunsApi.RecordConsultation))]
    public Task<IActionResult> RecordConsultation([HttpTrigger(Open, "post", Route = "runs/{runId}/consultation")] HttpRequest req, string runId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => RunsApi.RecordConsultation(http, runId));

    [Function(nameof(RunsApi.RecordCabinetDecision))]
    public Task<IActionResult> RecordCabinetDecision([HttpTrigger(Open, "post", Route = "runs/{runId}/meetings/{meetingId}/cabinet-decision")] HttpRequest req, string runId, string meetingId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => RunsApi.RecordCabinetDecision(http, runId, meetingId));

    [Function(nameof(RunsApi.RecordCouncilDecision))]
    public Task<IActionResult> RecordCouncilDecision([HttpTrigger(Open, "post", Route = "runs/{runId}/meetings/{meetingId}/council-decision")] HttpRequest req, string runId, string meetingId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => RunsApi.RecordCouncilDecision(http, runId, meetingId));

    [Function(nameof(RunsApi.RecordExecutiveResponse))]
    public Task<IActionResult> RecordExecutiveResponse([HttpTrigger(Open, "post", Route = "runs/{runId}/executive-response")] HttpRequest req, string runId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => RunsApi.RecordExecutiveResponse(http, runId));

    [Function(nameof(RunsApi.RecordInsistVote))]
    public Task<IActionResult> RecordInsistVote([HttpTrigger(Open, "post", Route = "runs/{runId}/meetings/{meetingId}/insist-votes")] HttpRequest req, string runId, string meetingId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => RunsApi.RecordInsistVote(http, runId, meetingId));

    [Function(nameof(RunsApi.RecordFinalDecision))]
    public Task<IActionResult> RecordFinalDecision([HttpTrigger(Open, "post", Route = "runs/{runId}/meetings/{meetingId}/final-decision")] HttpRequest req, string runId, string meetingId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => RunsApi.RecordFinalDecision(http, runId, meetingId));

    [Function(nameof(RunsApi.WithdrawPlan))]
    public Task<IActionResult> WithdrawPlan([HttpTrigger(Open, "post", Route = "runs/{runId}/withdrawal")] HttpRequest req, string runId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => RunsApi.WithdrawPlan(http, runId));

    [Function(nameof(RunsApi.CancelRun))]
    public Task<IActionResult> CancelRun([HttpTrigger(Open, "post", Route = "runs/{runId}/cancellation")] HttpRequest req, string runId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => RunsApi.CancelRun(http, runId));

    [Function(nameof(DocumentsApi.UploadDocument))]
    public Task<IActionResult> UploadDocument([HttpTrigger(Open, "post", Route = "runs/{runId}/documents/{kind}")] HttpRequest req, string runId, string kind, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => DocumentsApi.UploadDocument(http, runId, kind));

    [Function(nameof(DocumentsApi.ListDocuments))]
    public Task<IActionResult> ListDocuments([HttpTrigger(Open, "get", Route = "runs/{runId}/documents")] HttpRequest req, string runId, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => DocumentsApi.ListDocuments(http, runId));

    [Function(nameof(DocumentsApi.GetDocument))]
    public Task<IActionResult> GetDocument([HttpTrigger(Open, "get", Route = "runs/{runId}/documents/{kind}/{version}")] HttpRequest req, string runId, string kind, string version, [DurableClient] DurableTaskClient client) =>
        Trigger.Run(req, client, http => DocumentsApi.GetDocument(http, runId, kind, version));
}
