using System.Security.Cryptography;
using System.Text;
using ApprovalWorkflow.Orchestration;
using ApprovalWorkflow.Procedure;
using ApprovalWorkflow.Record;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalWorkflow.Http;

/// <summary>
/// Approval runs: Democratic Services starts, schedules and cancels; the clerk records what meetings
/// decided; the Executive responds and may withdraw; anyone with a role reads. Each handler makes the
/// cheap checks (role, shape) and hands the command to the run, which decides it by the rules.
/// </summary>
public static class RunsApi
{
    public static async Task<IResult> StartRun(HttpContext http)
    {
        var (caller, refused) = ApiRequests.Require(http, "start an approval run", Role.DemocraticServices);
        if (refused is not null) return refused;
        var (requestId, badKey) = ApiRequests.RequestId(http);
        if (badKey is not null) return badKey;
        var (body, bad) = await ApiRequests.ReadJsonAsync<StartRunRequest>(http);
        if (bad is not null) return bad;

        var errors = new FieldErrors();
        errors.Require(!string.IsNullOrWhiteSpace(body!.Title), "title", "Give the run a title, e.g. \"Community Safety Partnership Plan 2017-21\".");
        errors.Require(body.Title is null || body.Title.Length <= 300, "title", "The title must be at most 300 characters.");
        errors.Require(!string.IsNullOrWhiteSpace(body.Template) || body.Stages is { Count: > 0 }, "template",
            $"Name a stage template ({StageTemplates.PartnershipPlanName} or {StageTemplates.BudgetName}), or list the stages.");
        if (errors.Any) return errors.Problem();

        StageTemplate? template = body.Template is { Length: > 0 } name ? StageTemplates.Find(name) : null;
        if (body.Template is { Length: > 0 } && template is null)
        {
            return Problems.Unprocessable("Unknown stage template",
                $"There is no stage template '{body.Template}'. Use {StageTemplates.PartnershipPlanName} (CSP, CSP Executive, Executive consultation, Cabinet, Full Council) or {StageTemplates.BudgetName} (Executive consultation, Cabinet, Full Council), or list your own stages.");
        }

        if (body.Stages is { Count: > 0 } stages)
        {
            template = new StageTemplate(body.Template ?? "custom", stages);
        }

        VotingThreshold? threshold = null;
        if (body.InsistThreshold is { Length: > 0 } thresholdName)
        {
            try { threshold = VotingThreshold.FromName(thresholdName); }
            catch (ArgumentException)
            {
                return Problems.Unprocessable("Unknown insist threshold",
                    $"'{thresholdName}' is not a threshold. Use TwoThirdsOfPresentAndVoting (a directly elected Mayor; the default) or SimpleMajority.");
            }
        }

        var executive = body.Executive ?? ExecutiveArrangement.DirectlyElectedMayor;
        bool budget = template!.Name == StageTemplates.BudgetName;
        var rules = budget
            ? RunRules.ForBudget(executive, body.FinancialYearStarting ?? 0, threshold) with { FinancialYearStarting = body.FinancialYearStarting }
            : RunRules.ForPlan(executive, threshold);
        var problems = template.Problems().Concat(rules.Problems()).ToList();
        if (problems.Count > 0)
        {
            return Problems.Unprocessable("The run cannot start with these stages or rules", string.Join(" ", problems));
        }

        string runId = RunIdFor(http.Request.Headers.ContainsKey("Idempotency-Key") ? requestId! : null);
        var sender = RunCommandSender.For(http);
        var sent = await sender.StartAsync(runId, requestId!, caller!.Name, new StartRun(body.Title!.Trim(), template, rules), http.RequestAborted);
        return await Answer(http, runId, sent, created: true);
    }

    public static async Task<IResult> GetRun(HttpContext http, string runId)
    {
        var (_, refused) = ApiRequests.RequireReader(http, "read a run");
        if (refused is not null) return refused;
        var record = http.RequestServices.GetRequiredService<RunRecord>();
        var rows = await record.LoadAsync(runId, http.RequestAborted);
        if (rows.Count == 0) return UnknownRun(runId);
        return TypedResults.Json(RunView.From(runId, RunEvents.Fold(rows), rows[^1].Sequence), ProcedureJson.Options);
    }

    public static async Task<IResult> ListRuns(HttpContext http)
    {
        var (_, refused) = ApiRequests.RequireReader(http, "list runs");
        if (refused is not null) return refused;
        string? status = http.Request.Query["status"].FirstOrDefault();
        if (status is not null && !Enum.TryParse<RunStatus>(status, ignoreCase: true, out var parsed))
        {
            return Problems.Malformed($"status '{status}' is not a run status; use one of {string.Join(", ", Enum.GetNames<RunStatus>())}.");
        }
        else if (status is not null)
        {
            status = Enum.Parse<RunStatus>(status, ignoreCase: true).ToString();
        }

        var runs = await http.RequestServices.GetRequiredService<RunList>().ListAsync(status, 500, http.RequestAborted);
        return TypedResults.Json(new { runs }, ProcedureJson.Options);
    }

    public static async Task<IResult> GetTimeline(HttpContext http, string runId)
    {
        var (_, refused) = ApiRequests.RequireReader(http, "read a run's timeline");
        if (refused is not null) return refused;
        var rows = await http.RequestServices.GetRequiredService<RunRecord>().LoadAsync(runId, http.RequestAborted);
        if (rows.Count == 0) return UnknownRun(runId);
        var entries = rows.Select(r => new TimelineEntry(r.Sequence, r.Type, r.RecordedAt, r.Actor, r.RequestId, RunEvents.Deserialize(r)));
        // Emails are recorded beside the events, not through the decider: what was sent, to whom, when.
        var deliveries = await http.RequestServices.GetRequiredService<Notifications.DeliveryLog>().ListAsync(runId, http.RequestAborted);
        return TypedResults.Json(new { runId, events = entries, deliveries }, ProcedureJson.Options);
    }

    /// <summary>The answer to an earlier request that was still being decided (the Location of a 202).</summary>
    public static async Task<IResult> GetRequest(HttpContext http, string runId, string requestId)
    {
        var (_, refused) = ApiRequests.RequireReader(http, "read the answer to a request");
        if (refused is not null) return refused;
        var outcome = await http.RequestServices.GetRequiredService<RunRecord>().FindRequestAsync(runId, requestId, http.RequestAborted);
        if (outcome is not null)
        {
            return await Answer(http, runId, new SendOutcome.Answered(outcome), created: false);
        }

        // Not answered yet: still being decided if the run exists, otherwise there is nothing to wait for.
        return await EngineClient.For(http).GetInstanceAsync(runId, getInputsAndOutputs: false, http.RequestAborted) is null
            ? UnknownRun(runId)
            : Pending(runId, requestId);
    }

    public static Task<IResult> ScheduleMeeting(HttpContext http, string runId) =>
        Send<ScheduleMeetingRequest>(http, runId, "schedule a meeting", [Role.DemocraticServices], (body, errors) =>
        {
            errors.Require(body.MeetingId is { } id && ApiRequests.SafeId().IsMatch(id), "meetingId",
                "Give the meeting an id of lower-case letters, digits and '-', e.g. \"council-2012-06-18\".");
            errors.Require(!string.IsNullOrWhiteSpace(body.StageId), "stageId", "Name the stage the meeting is for, e.g. \"full-council\".");
            errors.Require(body.Date is not null, "date", "Give the meeting's date as yyyy-MM-dd.");
            return errors.Any ? null : new ScheduleMeeting(body.MeetingId!, body.StageId!, body.Date!.Value, body.StartsAt, body.Location);
        });

    public static Task<IResult> CancelMeeting(HttpContext http, string runId, string meetingId) =>
        Send<ReasonRequest>(http, runId, "cancel a meeting", [Role.DemocraticServices], (body, errors) =>
        {
            errors.Require(!string.IsNullOrWhiteSpace(body.Reason), "reason", "Say why the meeting is cancelled.");
            return errors.Any ? null : new CancelMeeting(meetingId, body.Reason!.Trim());
        });

    public static Task<IResult> RecordStageApproval(HttpContext http, string runId, string meetingId) =>
        Send<StageApprovalRequest>(http, runId, "record a board's decision", [Role.Clerk], (body, errors) =>
        {
            errors.Require(body.Approved is not null, "approved", "Say whether the board approved the draft: true or false.");
            return errors.Any ? null : new RecordStageApproval(meetingId, body.Approved!.Value, body.Vote?.ToVote(), body.Notes);
        });

    public static Task<IResult> RecordConsultation(HttpContext http, string runId) =>
        Send<ConsultationRequest>(http, runId, "record the consultation", [Role.Clerk], (body, errors) =>
        {
            errors.Require(body.MeetingId is not null || body.ConsultedOn is not null, "meetingId",
                "Give the meeting of Overview and Scrutiny (meetingId) or the date the consultation closed (consultedOn).");
            errors.Require(!string.IsNullOrWhiteSpace(body.Response), "response", "Give the Executive's response to the recommendations.");
            return errors.Any ? null : new RecordConsultation(body.MeetingId, body.ConsultedOn, body.Recommendations ?? [], body.Response!);
        });

    public static Task<IResult> RecordCabinetDecision(HttpContext http, string runId, string meetingId) =>
        Send<CabinetDecisionRequest>(http, runId, "record Cabinet's decision", [Role.Clerk], (body, errors) =>
        {
            errors.Require(body.Decision is not null, "decision", "Say what Cabinet decided: Recommend or SendBack.");
            return errors.Any ? null : new RecordCabinetDecision(meetingId, body.Decision!.Value, body.Vote?.ToVote(), body.Notes);
        });

    public static Task<IResult> RecordCouncilDecision(HttpContext http, string runId, string meetingId) =>
        Send<CouncilDecisionRequest>(http, runId, "record Full Council's decision", [Role.Clerk], (body, errors) =>
        {
            errors.Require(body.Vote is not null, "vote", "Give the vote: present, for, against, abstain (or the named votes).");
            string outcome = (body.Outcome ?? "").Trim().ToLowerInvariant();
            errors.Require(outcome is "adopt" or "refer-back" or "reject", "outcome",
                "Say what Council decided: adopt, refer-back (with the amendments) or reject.");
            errors.Require(outcome != "refer-back" || body.Amendments is { Count: > 0 }, "amendments",
                "A referral back lists the amendments Council agreed, each with number, mover, seconder and text.");
            if (errors.Any) return null;
            var vote = body.Vote!.ToVote();
            return outcome switch
            {
                "adopt" => new AdoptPlan(meetingId, vote),
                "reject" => new RejectPlan(meetingId, vote),
                _ => new ReferBackToExecutive(meetingId, vote, body.Amendments!, body.InstructionsReceivedOn, body.PeriodEndsOn),
            };
        });

    public static Task<IResult> RecordExecutiveResponse(HttpContext http, string runId) =>
        Send<ExecutiveResponseRequest>(http, runId, "respond to Council's amendments", [Role.Executive, Role.Clerk], (body, errors) =>
        {
            errors.Require(body.RespondedOn is not null, "respondedOn", "Give the date of the Executive's response as yyyy-MM-dd.");
            errors.Require(body.Responses is { Count: > 0 }, "responses",
                "Give a response per amendment: {\"amendmentNumber\": 1, \"response\": {\"type\": \"not-accepted\", \"reasons\": \"...\"}}.");
            return errors.Any ? null : new RecordExecutiveResponse(body.RespondedOn!.Value, body.Responses!, body.RevisedDraftNote);
        });

    public static Task<IResult> RecordInsistVote(HttpContext http, string runId, string meetingId) =>
        Send<InsistVoteRequest>(http, runId, "record an insist vote", [Role.Clerk], (body, errors) =>
        {
            errors.Require(body.AmendmentNumber is > 0, "amendmentNumber", "Give the number of the amendment Council voted on insisting on.");
            errors.Require(body.Vote is not null, "vote", "Give the vote: present, for, against, abstain (or the named votes).");
            return errors.Any ? null : new RecordInsistVote(meetingId, body.AmendmentNumber!.Value, body.Vote!.ToVote());
        });

    public static Task<IResult> RecordFinalDecision(HttpContext http, string runId, string meetingId) =>
        Send<FinalDecisionRequest>(http, runId, "record Council's final decision", [Role.Clerk], (body, errors) =>
        {
            errors.Require(body.Vote is not null, "vote", "Give the vote on adopting the plan: present, for, against, abstain (or the named votes).");
            return errors.Any ? null : new RecordFinalDecision(meetingId, body.Vote!.ToVote());
        });

    public static Task<IResult> WithdrawPlan(HttpContext http, string runId) =>
        Send<ReasonRequest>(http, runId, "withdraw the plan", [Role.Executive], (body, _) => new WithdrawPlan(body.Reason));

    public static Task<IResult> CancelRun(HttpContext http, string runId) =>
        Send<ReasonRequest>(http, runId, "cancel a run", [Role.DemocraticServices], (body, errors) =>
        {
            errors.Require(!string.IsNullOrWhiteSpace(body.Reason), "reason", "Say why the run is cancelled; the reason goes on the record and to everyone involved.");
            return errors.Any ? null : new CancelRun(body.Reason!.Trim());
        });

    /// <summary>The shared path of every command: role, key, body, command, send, answer.</summary>
    static async Task<IResult> Send<TBody>(
        HttpContext http, string runId, string action, Role[] roles, Func<TBody, FieldErrors, RunCommand?> toCommand) where TBody : class
    {
        var (caller, refused) = ApiRequests.Require(http, action, roles);
        if (refused is not null) return refused;
        var (requestId, badKey) = ApiRequests.RequestId(http);
        if (badKey is not null) return badKey;
        var (body, bad) = await ApiRequests.ReadJsonAsync<TBody>(http);
        if (bad is not null) return bad;
        var errors = new FieldErrors();
        RunCommand? command;
        try
        {
            command = toCommand(body!, errors);
        }
        catch (ArgumentException e)
        {
            // A value type refused what it was given (e.g. negative vote counts).
            return Problems.Unprocessable("The request's values are not possible", e.Message);
        }

        if (command is null) return errors.Problem();
        var sender = RunCommandSender.For(http);
        var sent = await sender.SendAsync(runId, requestId!, caller!.Name, command, http.RequestAborted);
        return await Answer(http, runId, sent, created: false);
    }

    static async Task<IResult> Answer(HttpContext http, string runId, SendOutcome sent, bool created)
    {
        switch (sent)
        {
            case SendOutcome.Answered { Outcome: { Accepted: true } outcome }:
                var rows = await http.RequestServices.GetRequiredService<RunRecord>().LoadAsync(runId, http.RequestAborted);
                var view = RunView.From(runId, RunEvents.Fold(rows), rows.Count == 0 ? 0 : rows[^1].Sequence, outcome.Warnings);
                http.Response.Headers["X-Request-Id"] = outcome.RequestId;
                return created
                    ? new Located(TypedResults.Json(view, ProcedureJson.Options, statusCode: StatusCodes.Status201Created), $"/api/runs/{runId}")
                    : TypedResults.Json(view, ProcedureJson.Options);
            case SendOutcome.Answered { Outcome: var refusal }:
                return refusal.RefusalKind == nameof(RefusalKind.BreaksRule)
                    ? Problems.BreaksRule(refusal.Reason ?? "", refusal.Expected ?? "")
                    : Problems.WrongStage(refusal.Reason ?? "", refusal.Expected ?? "");
            case SendOutcome.Pending pending:
                return Pending(runId, pending.RequestId);
            case SendOutcome.Ended ended:
                return Problems.WrongStage($"The run has ended ({ended.State.OutcomeInWords}); an ended run never changes.", "Nothing more can be recorded on it.");
            default:
                return UnknownRun(runId);
        }
    }

    static IResult Pending(string runId, string requestId)
    {
        string location = $"/api/runs/{runId}/requests/{requestId}";
        return new Located(
            TypedResults.Json(new { status = "pending", runId, requestId, location }, statusCode: StatusCodes.Status202Accepted),
            location, retryAfterSeconds: 1);
    }

    static IResult UnknownRun(string runId) =>
        Problems.NotFound("run", $"There is no approval run '{runId}'. List the runs with GET /api/runs.");

    /// <summary>A run's id: derived from the Idempotency-Key when there is one, so a retried start finds its run.</summary>
    static string RunIdFor(string? idempotencyKey)
    {
        byte[] bytes = idempotencyKey is null
            ? RandomNumberGenerator.GetBytes(8)
            : SHA256.HashData(Encoding.UTF8.GetBytes("start-run:" + idempotencyKey))[..8];
        return "run-" + Convert.ToHexStringLower(bytes);
    }

    /// <summary>A result with a Location header (and a Retry-After for a 202).</summary>
    sealed class Located(IResult inner, string location, int? retryAfterSeconds = null) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            if (retryAfterSeconds is int seconds)
            {
                httpContext.Response.Headers.RetryAfter = seconds.ToString();
            }

            return inner.ExecuteAsync(httpContext);
        }
    }
}

/// <summary>Field errors gathered before answering one 400 that names them all.</summary>
public sealed class FieldErrors
{
    readonly Dictionary<string, List<string>> errors = new();

    public bool Any => errors.Count > 0;

    public void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);
        }
    }

    public IResult Problem() => Problems.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
