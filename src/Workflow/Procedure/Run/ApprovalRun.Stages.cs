using NodaTime;

namespace ApprovalWorkflow.Procedure;

public static partial class ApprovalRun
{
    private static Decision StageApproval(RunState state, RecordStageApproval c, DecisionContext context)
    {
        var outcome = c.Approved ? DecisionOutcome.Approved : DecisionOutcome.NotApproved;
        if (state.DecisionOn(c.MeetingId, Motion.ApproveDraft) is { } recorded)
        {
            if (recorded.Outcome == outcome && SameVote(recorded.Vote, c.Vote) && recorded.Notes == Trimmed(c.Notes)) return NothingNew;
            if (state.IsEnded) return Ended(state);
            return AlreadyDecided(state, recorded);
        }
        if (state.IsEnded) return Ended(state);
        if (state.CurrentStage is not { Kind: StageKind.PartnershipBoard or StageKind.PartnershipExecutive } stage || state.Referral is not null)
            return WrongStage(state, $"A partnership board's approval is not what the run needs now: it is at {CurrentStageInWords(state)}.");
        if (CheckMeeting(state, c.MeetingId, stage, context, out var meeting) is { } badMeeting) return badMeeting;
        if (c.Vote is { } vote)
        {
            if (CheckVote(state, stage, vote, context) is { } badVote) return badVote;
            if (Count(state, VotingThreshold.SimpleMajority, vote, "the motion to approve the draft", out var counted) is { } badCount) return badCount;
            if ((counted.Result == VoteResult.Carried) != c.Approved)
            {
                return BreaksRule(state,
                    $"The motion to approve the draft was {(counted.Result == VoteResult.Carried ? "carried" : "lost")} ({ClerkText.Counts(vote)}), " +
                    $"but the decision is recorded as {(c.Approved ? "approved" : "not approved")}.");
            }
        }
        RunEvent decided = c.Approved
            ? new StageApproved(stage.Id, meeting.Id, meeting.Date, c.Vote, Trimmed(c.Notes))
            : new StageNotApproved(stage.Id, meeting.Id, meeting.Date, c.Vote, Trimmed(c.Notes));
        return Record(decided);
    }

    private static Decision Consult(RunState state, RecordConsultation c, DecisionContext context)
    {
        var recommendations = (c.Recommendations ?? []).Select(r => r?.Trim() ?? "").ToList();
        var response = Trimmed(c.Response);
        var recorded = state.Consultations.FirstOrDefault(x =>
            c.MeetingId is not null ? x.MeetingId == c.MeetingId : x.MeetingId is null && x.ConsultedOn == c.ConsultedOn);
        if (recorded is not null)
        {
            if (recorded.Recommendations.SequenceEqual(recommendations) && recorded.Response == response) return NothingNew;
            if (state.IsEnded) return Ended(state);
            return BreaksRule(state,
                $"The consultation of {ClerkText.Date(recorded.ConsultedOn)} is already recorded with other recommendations or another response; a recorded consultation is not changed.");
        }
        if (state.IsEnded) return Ended(state);
        if (state.CurrentStage is not { Kind: StageKind.ExecutiveConsultation } stage)
            return WrongStage(state, $"A consultation is not what the run needs now: it is at {CurrentStageInWords(state)}.");
        if (recommendations.Any(string.IsNullOrEmpty))
            return BreaksRule(state, "Every recommendation of Overview and Scrutiny needs its text.");
        if (response is null)
            return BreaksRule(state, "The Executive's report to Council must show its response to Overview and Scrutiny's recommendations: record that response (or that there were none).");

        LocalDate consultedOn;
        if (c.MeetingId is not null)
        {
            if (CheckMeeting(state, c.MeetingId, stage, context, out var meeting) is { } badMeeting) return badMeeting;
            if (c.ConsultedOn is LocalDate given && given != meeting.Date)
                return BreaksRule(state, $"The consultation meeting was on {ClerkText.Date(meeting.Date)}, not {ClerkText.Date(given)}.");
            consultedOn = meeting.Date;
        }
        else if (c.ConsultedOn is LocalDate on)
        {
            if (on > context.Today)
                return BreaksRule(state, $"The consultation cannot be recorded as closed on {ClerkText.Date(on)}: that is after today ({ClerkText.Date(context.Today)}).");
            if (state.CompletedStages.Count > 0 && on < state.CompletedStages[^1].CompletedOn)
            {
                var previous = state.CompletedStages[^1];
                return BreaksRule(state,
                    $"The consultation cannot have closed on {ClerkText.Date(on)}, before {StageName(state, previous.StageId)} decided on {ClerkText.Date(previous.CompletedOn)}.");
            }
            consultedOn = on;
        }
        else
        {
            return BreaksRule(state, "Give the consultation meeting, or the date the consultation closed.");
        }
        return Record(new ConsultationRecorded(stage.Id, c.MeetingId, consultedOn, recommendations, response));
    }

    private static Decision Cabinet(RunState state, RecordCabinetDecision c, DecisionContext context)
    {
        var outcome = c.Decision == CabinetDecision.Recommend ? DecisionOutcome.Recommended : DecisionOutcome.SentBack;
        if (state.DecisionOn(c.MeetingId, Motion.RecommendToCouncil) is { } recorded)
        {
            if (recorded.Outcome == outcome && SameVote(recorded.Vote, c.Vote) && recorded.Notes == Trimmed(c.Notes)) return NothingNew;
            if (state.IsEnded) return Ended(state);
            return AlreadyDecided(state, recorded);
        }
        if (state.IsEnded) return Ended(state);
        if (state.CurrentStage is not { Kind: StageKind.Cabinet } stage)
            return WrongStage(state, $"Cabinet's decision is not what the run needs now: it is at {CurrentStageInWords(state)}.");
        if (CheckMeeting(state, c.MeetingId, stage, context, out var meeting) is { } badMeeting) return badMeeting;
        if (c.Vote is null && NamedVotesRequired(state, stage))
            return BreaksRule(state, "A budget run records Cabinet's decision with a named vote: record who voted for, against and abstained.");
        if (c.Vote is { } vote)
        {
            if (CheckVote(state, stage, vote, context) is { } badVote) return badVote;
            if (Count(state, VotingThreshold.SimpleMajority, vote, "the motion to recommend the plan to Full Council", out var counted) is { } badCount) return badCount;
            var recommended = counted.Result == VoteResult.Carried;
            if (recommended != (c.Decision == CabinetDecision.Recommend))
            {
                return BreaksRule(state,
                    $"The motion to recommend the plan to Full Council was {(recommended ? "carried" : "lost")} ({ClerkText.Counts(vote)}), " +
                    $"but the decision is recorded as {(recommended ? "sending it back" : "recommending it")}.");
            }
        }
        RunEvent decided = c.Decision == CabinetDecision.Recommend
            ? new RecommendedToCouncil(stage.Id, meeting.Id, meeting.Date, c.Vote, Trimmed(c.Notes))
            : new SentBackForRevision(stage.Id, meeting.Id, meeting.Date, c.Vote, Trimmed(c.Notes));
        return Record(decided);
    }

    private static Decision.Refused AlreadyDecided(RunState state, RecordedDecision recorded) =>
        DecidedAlready(state,
            $"{StageName(state, recorded.StageId)}'s decision at its meeting on {ClerkText.Date(recorded.DecidedOn)} is already recorded: " +
            $"{OutcomeWords(recorded.Outcome)}{(recorded.Vote is { } v ? $" ({ClerkText.Counts(v)})" : "")}. " +
            "A different decision or vote for a motion already decided cannot be recorded.");

    private static string OutcomeWords(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approved => "approved",
        DecisionOutcome.NotApproved => "not approved",
        DecisionOutcome.Recommended => "recommended to Full Council",
        DecisionOutcome.SentBack => "sent back for revision",
        DecisionOutcome.Adopted => "adopted",
        DecisionOutcome.ReferredBack => "referred back to the Executive",
        DecisionOutcome.NotAdopted => "not adopted",
        DecisionOutcome.Insisted => "Council insisted on the amendment",
        DecisionOutcome.NotInsisted => "Council did not insist on the amendment",
        _ => outcome.ToString(),
    };

    private static string CurrentStageInWords(RunState state) => state.Status switch
    {
        RunStatus.ReferredBack => "the Executive's reconsideration after Full Council referred the plan back",
        RunStatus.AwaitingFinalDecision => "Full Council's final decision after the reconsideration period",
        _ => state.CurrentStage?.Name ?? "no stage",
    };
}
