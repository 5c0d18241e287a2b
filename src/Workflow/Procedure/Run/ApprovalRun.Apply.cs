using NodaTime;

namespace ApprovalWorkflow.Procedure;

public static partial class ApprovalRun
{
    /// <summary>
    /// The state after <paramref name="event"/>: a pure function, the same for the same inputs, that trusts the event
    /// (the decider made it) and never refuses. Every change is built with <c>with</c>.
    /// </summary>
    public static RunState Apply(RunState state, RunEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(@event);
        return @event switch
        {
            RunStarted e => state with
            {
                Status = RunStatus.InProgress,
                Title = e.Title,
                TemplateName = e.Template.Name,
                Stages = e.Template.Stages,
                Rules = e.Rules,
                StartedOn = e.StartedOn,
                CurrentStageIndex = 0,
            },
            MeetingScheduled e => state with
            {
                Meetings = [.. state.Meetings, new ScheduledMeeting(e.MeetingId, e.StageId, e.BodyId, e.Date, e.StartsAt, e.Location, e.PublishPapersBy)],
            },
            MeetingCancelled e => state with
            {
                Meetings = Replace(state.Meetings, m => m.Id == e.MeetingId, m => m with { CancellationReason = e.Reason, CancelledOn = e.CancelledOn }),
            },
            StageApproved e => CompleteStage(
                Decided(state, e.StageId, e.MeetingId, e.ApprovedOn, Motion.ApproveDraft, DecisionOutcome.Approved, e.Vote, e.Notes),
                e.StageId, e.ApprovedOn),
            StageNotApproved e =>
                Decided(state, e.StageId, e.MeetingId, e.DecidedOn, Motion.ApproveDraft, DecisionOutcome.NotApproved, e.Vote, e.Notes),
            ConsultationRecorded e => CompleteStage(
                state with { Consultations = [.. state.Consultations, new Consultation(e.StageId, e.MeetingId, e.ConsultedOn, e.Recommendations, e.Response)] },
                e.StageId, e.ConsultedOn),
            RecommendedToCouncil e => CompleteStage(
                Decided(state, e.StageId, e.MeetingId, e.RecommendedOn, Motion.RecommendToCouncil, DecisionOutcome.Recommended, e.Vote, e.Notes),
                e.StageId, e.RecommendedOn),
            SentBackForRevision e =>
                Decided(state, e.StageId, e.MeetingId, e.SentBackOn, Motion.RecommendToCouncil, DecisionOutcome.SentBack, e.Vote, e.Notes),
            AmendmentAgreed e => state with { Amendments = [.. state.Amendments, new AmendmentRecord(e.Amendment)] },
            ReferredBackToExecutive e =>
                Decided(state, CouncilStageId(state), e.MeetingId, e.ReferredOn, Motion.DecideOnPlan, DecisionOutcome.ReferredBack, e.Vote, null) with
                {
                    Status = RunStatus.ReferredBack,
                    Referral = new Referral(
                        e.MeetingId, e.ReferredOn, e.InstructionsReceivedOn, e.PeriodFirstDay, e.PeriodLastDay,
                        e.PeriodWorkingDays, e.CouncilMayDecideFrom, e.PeriodSetByCouncil),
                },
            ExecutiveResponseRecorded e => state with
            {
                Amendments = state.Amendments
                    .Select(a => e.Responses.FirstOrDefault(r => r.AmendmentNumber == a.Number) is { } r
                        ? a with { Response = r.Response, RespondedOn = e.RespondedOn, ResponseDeemed = false, RespondedAfterPeriod = e.AfterPeriod }
                        : a)
                    .ToList(),
                Referral = e.RevisedDraftNote is { } note && state.Referral is { } referral
                    ? referral with { RevisedDraftNotes = [.. referral.RevisedDraftNotes, note] }
                    : state.Referral,
            },
            ReconsiderationPeriodEnded e => state with
            {
                Status = RunStatus.AwaitingFinalDecision,
                Referral = state.Referral is { } referral ? referral with { PeriodEnded = true } : null,
                Amendments = state.Amendments
                    .Select(a => e.DeemedNotAccepted.Contains(a.Number)
                        ? a with { Response = new ExecutiveResponse.NotAccepted(NoResponseReason), RespondedOn = e.LastDay, ResponseDeemed = true }
                        : a)
                    .ToList(),
            },
            InsistVoteRecorded e =>
                Decided(state, CouncilStageId(state), e.MeetingId, e.VotedOn, Motion.InsistOnAmendment,
                    e.Insisted ? DecisionOutcome.Insisted : DecisionOutcome.NotInsisted, e.Vote, null, e.AmendmentNumber) with
                {
                    Amendments = Replace(state.Amendments, a => a.Number == e.AmendmentNumber,
                        a => a with { Insist = new InsistVote(e.MeetingId, e.VotedOn, e.Vote, e.Threshold.Name, e.Insisted, e.Explanation) }),
                },
            PlanAdopted e => CompleteStage(
                Decided(state, CouncilStageId(state), e.MeetingId, e.AdoptedOn,
                    e.AfterReconsideration ? Motion.AdoptRevisedPlan : Motion.DecideOnPlan, DecisionOutcome.Adopted, e.Vote, null),
                CouncilStageId(state), e.AdoptedOn) with
                {
                    Status = RunStatus.Adopted,
                    AmendmentsApplied = e.AmendmentsApplied,
                    EndedOn = e.AdoptedOn,
                },
            PlanNotAdopted e => CompleteStage(
                Decided(state, CouncilStageId(state), e.MeetingId, e.DecidedOn,
                    e.AfterReconsideration ? Motion.AdoptRevisedPlan : Motion.DecideOnPlan, DecisionOutcome.NotAdopted, e.Vote, null),
                CouncilStageId(state), e.DecidedOn) with
                {
                    Status = RunStatus.NotAdopted,
                    EndedOn = e.DecidedOn,
                },
            PlanWithdrawn e => state with { Status = RunStatus.Withdrawn, EndedOn = e.WithdrawnOn, EndReason = e.Reason },
            RunCancelled e => state with { Status = RunStatus.Cancelled, EndedOn = e.CancelledOn, EndReason = e.Reason },
            DocumentVersionAdded e => AddDocument(state, e),
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Not an event of an approval run."),
        };
    }

    /// <summary>The reasons recorded for an amendment that had no response by the end of the period.</summary>
    public const string NoResponseReason = "No response by the end of the period.";

    private static RunState Decided(
        RunState state, string stageId, string meetingId, LocalDate on, Motion motion, DecisionOutcome outcome, Vote? vote, string? notes, int? amendment = null) =>
        state with { Decisions = [.. state.Decisions, new RecordedDecision(stageId, meetingId, on, motion, outcome, vote, notes, amendment)] };

    private static RunState CompleteStage(RunState state, string stageId, LocalDate on)
    {
        var index = state.Stages.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.Id == stageId, (null!, -1)).Item2;
        return state with
        {
            CompletedStages = [.. state.CompletedStages, new CompletedStage(stageId, on)],
            CurrentStageIndex = Math.Max(state.CurrentStageIndex, Math.Min(index + 1, state.Stages.Count - 1)),
        };
    }

    private static string CouncilStageId(RunState state) => state.FullCouncilStage?.Id ?? "full-council";

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, Func<T, bool> match, Func<T, T> change) =>
        items.Select(item => match(item) ? change(item) : item).ToList();
}
