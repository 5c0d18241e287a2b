using ApprovalWorkflow.Procedure;
using ApprovalWorkflow.Record;
using NodaTime;

namespace ApprovalWorkflow.Http;

/// <summary>
/// A run as a reader sees it: where it is, every date and deadline, and what is expected next,
/// from whom and by when. Built from the state folded over the record.
/// </summary>
public sealed record RunView(
    string RunId,
    string Title,
    string Template,
    string Status,
    StageView? CurrentStage,
    RunRules? Rules,
    LocalDate? StartedOn,
    LocalDate? EndedOn,
    string? Outcome,
    NextStepView? NextStep,
    IReadOnlyList<StageView> Stages,
    IReadOnlyList<ScheduledMeeting> Meetings,
    IReadOnlyList<Consultation> Consultations,
    IReadOnlyList<RecordedDecision> Decisions,
    Referral? Referral,
    IReadOnlyList<AmendmentView> Amendments,
    IReadOnlyList<AppliedAmendment> AmendmentsApplied,
    IReadOnlyList<RunDate> Dates,
    long LastSequence,
    IReadOnlyList<string>? Warnings = null)
{
    public static RunView From(string runId, RunState state, long lastSequence, IReadOnlyList<string>? warnings = null) => new(
        runId,
        state.Title,
        state.TemplateName,
        state.Status.ToString(),
        state.CurrentStage is { } current ? StageView.From(current, state) : null,
        state.Rules,
        state.StartedOn,
        state.EndedOn,
        state.IsEnded ? state.OutcomeInWords : null,
        state.NextStep is { } next ? new NextStepView(next.What, next.FromRole.ToString(), next.By, next.Sentence) : null,
        state.Stages.Select(s => StageView.From(s, state)).ToList(),
        state.Meetings,
        state.Consultations,
        state.Decisions,
        state.Referral,
        state.Amendments.Select(AmendmentView.From).ToList(),
        state.AmendmentsApplied,
        state.Dates(),
        lastSequence,
        warnings is { Count: > 0 } ? warnings : null);

    public static RunSummary Summarise(string runId, RunState state, long lastSequence, DateTimeOffset at) =>
        new(runId, state.Title, state.TemplateName, state.Status.ToString(), state.CurrentStage?.Id, lastSequence, at);

    /// <summary>The one line the orchestration shows as its custom status.</summary>
    public static string StatusLine(RunState state) =>
        state.IsEnded ? $"{state.Status}: {state.OutcomeInWords}" : $"{state.Status}: {state.NextStep?.Sentence}";
}

public sealed record StageView(string Id, string Name, string Kind, string BodyId, LocalDate? CompletedOn)
{
    public static StageView From(Stage stage, RunState state) =>
        new(stage.Id, stage.Name, stage.Kind.ToString(), stage.BodyId,
            state.CompletedStages.LastOrDefault(c => c.StageId == stage.Id)?.CompletedOn);
}

public sealed record NextStepView(string What, string FromRole, LocalDate? By, string Sentence);

public sealed record AmendmentView(
    int Number, string Mover, string Seconder, string Text, ExecutiveResponse? Response, LocalDate? RespondedOn,
    bool ResponseDeemed, InsistVote? Insist, AppliedAmendment? Applied)
{
    public static AmendmentView From(AmendmentRecord a) =>
        new(a.Number, a.Amendment.Mover, a.Amendment.Seconder, a.Amendment.Text, a.Response, a.RespondedOn, a.ResponseDeemed, a.Insist, a.Applied);
}

/// <summary>One line of a run's timeline: the record's row as a person reads it.</summary>
public sealed record TimelineEntry(long Sequence, string Type, DateTimeOffset RecordedAt, string Actor, string RequestId, RunEvent Event);
