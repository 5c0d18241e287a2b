using NodaTime;

namespace ApprovalWorkflow.Procedure;

public static partial class ApprovalRun
{
    private enum FirstDecision { Adopt, Reject, ReferBack }

    /// <summary>Full Council's decision at its first meeting on the plan: adopt as proposed, refer back with amendments, or not adopt.</summary>
    private static Decision FirstCouncilDecision(
        RunState state, string meetingId, Vote vote, FirstDecision decision, ReferBackToExecutive? referBack, DecisionContext context)
    {
        var outcome = decision switch
        {
            FirstDecision.Adopt => DecisionOutcome.Adopted,
            FirstDecision.Reject => DecisionOutcome.NotAdopted,
            _ => DecisionOutcome.ReferredBack,
        };
        if (state.DecisionOn(meetingId, Motion.DecideOnPlan) is { } recorded)
        {
            if (recorded.Outcome == outcome && SameVote(recorded.Vote, vote) && (referBack is null || SameReferral(state, referBack, recorded)))
                return NothingNew;
            if (state.IsEnded) return Ended(state);
            return AlreadyDecided(state, recorded);
        }
        if (state.IsEnded) return Ended(state);
        if (state.Referral is { } referral)
        {
            return WrongStage(state,
                $"Full Council referred the plan back to the Executive on {ClerkText.Date(referral.ReferredOn)}; " +
                "what remains is Council's vote on insisting on each amendment the Executive did not accept, then its final vote on adopting the plan.");
        }
        if (state.CurrentStage is not { Kind: StageKind.FullCouncil } stage)
            return WrongStage(state, $"Full Council decides after Cabinet has recommended the plan; the run is at {CurrentStageInWords(state)}.");
        if (CheckMeeting(state, meetingId, stage, context, out var meeting) is { } badMeeting) return badMeeting;
        if (vote is null) return BreaksRule(state, "Full Council's decision needs its vote.");
        if (CheckVote(state, stage, vote, context) is { } badVote) return badVote;

        var motion = decision == FirstDecision.ReferBack
            ? "the motion to refer the plan back to the Executive"
            : "the motion to adopt the plan";
        if (Count(state, VotingThreshold.SimpleMajority, vote, motion, out var counted) is { } badCount) return badCount;
        var carried = counted.Result == VoteResult.Carried;
        var warnings = new List<string>();
        switch (decision)
        {
            case FirstDecision.Adopt when !carried:
                return BreaksRule(state, $"The motion to adopt the plan was lost ({ClerkText.Counts(vote)}): record that Council did not adopt it.");
            case FirstDecision.Adopt:
                if (LateForCouncilTax(state, meeting.Date) is { } lateAdoption) warnings.Add(lateAdoption);
                return Record([new PlanAdopted(meeting.Id, meeting.Date, vote, [], AfterReconsideration: false)], warnings);
            case FirstDecision.Reject when carried:
                return BreaksRule(state, $"The motion to adopt the plan was carried ({ClerkText.Counts(vote)}): record that Council adopted it.");
            case FirstDecision.Reject:
                return Record(new PlanNotAdopted(meeting.Id, meeting.Date, vote, AfterReconsideration: false));
        }

        // Referral back: the amendments are Council's objections; it may not adopt a modified plan now.
        if (!carried)
            return BreaksRule(state, $"The motion to refer the plan back to the Executive was lost ({ClerkText.Counts(vote)}): Council did not refer it back.");
        var amendments = referBack!.Amendments ?? [];
        if (AmendmentProblems(amendments) is { Count: > 0 } problems) return BreaksRule(state, ClerkText.Sentences(problems));
        var received = referBack.InstructionsReceivedOn ?? meeting.Date;
        if (received < meeting.Date)
        {
            return BreaksRule(state,
                $"The Executive cannot have received Council's instructions on {ClerkText.Date(received)}, before the meeting that gave them on {ClerkText.Date(meeting.Date)}.");
        }
        if (received > context.Today)
            return BreaksRule(state, $"The instructions cannot be recorded as received on {ClerkText.Date(received)}: that is after today ({ClerkText.Date(context.Today)}).");
        if (OutsideCalendar(state, received) is { } outside) return outside;
        var period = ReconsiderationPeriod.StartingAfter(received, context.Calendar);
        if (referBack.PeriodEndsOn is LocalDate endsOn)
        {
            if (!period.MayEndOn(endsOn))
            {
                return BreaksRule(state,
                    $"The reconsideration period must hold at least {ReconsiderationPeriod.MinimumWorkingDays} working days after the instructions were received on {ClerkText.Date(received)}: " +
                    $"it may end no earlier than {ClerkText.Date(period.EarliestLastDay)}, not on {ClerkText.Date(endsOn)}.");
            }
            if (OutsideCalendar(state, endsOn) is { } outsideEnd) return outsideEnd;
            period = period.EndingOn(endsOn);
        }

        if (LateForCouncilTax(state, period.CouncilMayDecideFrom) is { } late) warnings.Add(late);
        foreach (var tooEarly in state.Meetings.Where(m => m.StageId == stage.Id && !m.IsCancelled && m.Date > meeting.Date && m.Date < period.CouncilMayDecideFrom))
        {
            warnings.Add($"Full Council's meeting on {ClerkText.Date(tooEarly.Date)} falls before {ClerkText.Date(period.CouncilMayDecideFrom)} and cannot take the final decision.");
        }
        var events = new List<RunEvent>();
        events.AddRange(amendments.Select(a => new AmendmentAgreed(meeting.Id, meeting.Date, Clean(a))));
        events.Add(new ReferredBackToExecutive(
            meeting.Id, meeting.Date, vote, received, period.FirstDay, period.LastDay, period.WorkingDays.ToList(),
            period.CouncilMayDecideFrom, PeriodSetByCouncil: referBack.PeriodEndsOn is not null));
        return Record(events, warnings);
    }

    private static Amendment Clean(Amendment a) => a with { Mover = a.Mover.Trim(), Seconder = a.Seconder.Trim(), Text = a.Text.Trim() };

    private static List<string> AmendmentProblems(IReadOnlyList<Amendment> amendments)
    {
        var problems = new List<string>();
        if (amendments.Count == 0)
        {
            problems.Add("Council refers a plan back because of its objections: record at least one amendment, with its mover, seconder and text " +
                "(Council may not adopt a modified plan at this meeting).");
            return problems;
        }
        foreach (var a in amendments)
        {
            if (a is null) { problems.Add("An amendment is missing."); continue; }
            if (a.Number < 1) problems.Add($"Amendment numbers start at 1, not {a.Number}.");
            if (string.IsNullOrWhiteSpace(a.Mover) || string.IsNullOrWhiteSpace(a.Seconder))
                problems.Add($"Amendment {a.Number} needs the member who moved it and the member who seconded it.");
            else if (string.Equals(a.Mover.Trim(), a.Seconder.Trim(), StringComparison.OrdinalIgnoreCase))
                problems.Add($"Amendment {a.Number} was moved and seconded by the same member ({a.Mover.Trim()}).");
            if (string.IsNullOrWhiteSpace(a.Text)) problems.Add($"Amendment {a.Number} needs its text.");
        }
        foreach (var duplicate in amendments.Where(a => a is not null).GroupBy(a => a.Number).Where(g => g.Count() > 1))
            problems.Add($"Amendment number {duplicate.Key} is used {duplicate.Count()} times.");
        return problems;
    }

    private static bool SameReferral(RunState state, ReferBackToExecutive c, RecordedDecision recorded) =>
        state.Referral is { } referral
        && referral.MeetingId == recorded.MeetingId
        && referral.InstructionsReceivedOn == (c.InstructionsReceivedOn ?? recorded.DecidedOn)
        && (c.PeriodEndsOn is null ? !referral.PeriodSetByCouncil : referral.PeriodLastDay == c.PeriodEndsOn)
        && state.Amendments.Select(a => a.Amendment).SequenceEqual((c.Amendments ?? []).Where(a => a is not null).Select(Clean));

    /// <summary>
    /// The Executive's response to Council's amendments. One response per amendment: the same again records nothing,
    /// a different one is refused. After the period's last day an amendment already counts as not accepted: the
    /// Executive may still give its reasons for not accepting it (recorded as after the period), but can no longer accept it.
    /// </summary>
    private static Decision Respond(RunState state, RecordExecutiveResponse c, DecisionContext context)
    {
        if (state.Referral is not { } referral)
        {
            if (state.IsEnded) return Ended(state);
            return WrongStage(state, $"The Executive responds to Council's amendments after Full Council refers the plan back; the run is at {CurrentStageInWords(state)}.");
        }
        var responses = (c.Responses ?? []).Where(r => r is not null).ToList();
        foreach (var duplicate in responses.GroupBy(r => r.AmendmentNumber).Where(g => g.Count() > 1))
            return BreaksRule(state, $"Amendment {duplicate.Key} has more than one response in this command; give one.");
        var fresh = new List<AmendmentResponse>();
        foreach (var response in responses)
        {
            var amendment = state.FindAmendment(response.AmendmentNumber);
            if (amendment is null)
            {
                if (state.IsEnded) return Ended(state);
                return BreaksRule(state,
                    $"Council agreed {RunState.AmendmentWords(state.Amendments.Select(a => a.Number).ToList())}; there is no amendment {response.AmendmentNumber}.");
            }
            if (response.Response is null) return BreaksRule(state, $"The response to amendment {response.AmendmentNumber} is missing.");
            var cleaned = Clean(response.Response);
            if (amendment.Response is null || (amendment.ResponseDeemed && !Equals(amendment.Response, cleaned)))
            {
                fresh.Add(response with { Response = cleaned });
                continue;
            }
            if (Equals(amendment.Response, cleaned)) continue;
            if (state.IsEnded) return Ended(state);
            return BreaksRule(state,
                $"The Executive already responded to amendment {amendment.Number} on {ClerkText.Date(amendment.RespondedOn!.Value)}: {ResponseWords(amendment.Response)}. " +
                "A different response cannot be recorded.");
        }
        var note = Trimmed(c.RevisedDraftNote);
        if (note is not null && referral.RevisedDraftNotes.Contains(note)) note = null;
        if (fresh.Count == 0 && note is null)
        {
            if (responses.Count > 0 || c.RevisedDraftNote is not null) return NothingNew;
            return BreaksRule(state, "The response is empty: give the Executive's response to at least one amendment, or a note on its revised draft.");
        }
        if (state.IsEnded) return Ended(state);

        var finalVoting = state.Decisions.FirstOrDefault(d => d.Motion is Motion.InsistOnAmendment or Motion.AdoptRevisedPlan);
        if (finalVoting is not null)
            return WrongStage(state, $"Council began its final decision on {ClerkText.Date(finalVoting.DecidedOn)}; the Executive's response can no longer be recorded.");
        if (c.RespondedOn > context.Today)
            return BreaksRule(state, $"A response cannot be recorded as given on {ClerkText.Date(c.RespondedOn)}: that is after today ({ClerkText.Date(context.Today)}).");
        if (c.RespondedOn < referral.InstructionsReceivedOn)
        {
            return BreaksRule(state,
                $"The Executive received Council's instructions on {ClerkText.Date(referral.InstructionsReceivedOn)}; it cannot have responded on {ClerkText.Date(c.RespondedOn)}.");
        }
        foreach (var response in fresh)
        {
            switch (response.Response)
            {
                case ExecutiveResponse.AcceptedWithModification { ModifiedText: var text } when string.IsNullOrWhiteSpace(text):
                    return BreaksRule(state, $"Accepting amendment {response.AmendmentNumber} with a modification needs the modified text.");
                case ExecutiveResponse.NotAccepted { Reasons: var reasons } when string.IsNullOrWhiteSpace(reasons):
                    return BreaksRule(state, $"Not accepting amendment {response.AmendmentNumber} needs the Executive's reasons, which Council must take into account.");
            }
        }

        var afterPeriod = c.RespondedOn > referral.PeriodLastDay;
        var events = new List<RunEvent>();
        var warnings = new List<string>();
        if (afterPeriod)
        {
            var accepting = fresh.Where(r => r.Response is not ExecutiveResponse.NotAccepted).Select(r => r.AmendmentNumber).ToList();
            if (accepting.Count > 0)
            {
                return BreaksRule(state,
                    $"The reconsideration period ended on {ClerkText.Date(referral.PeriodLastDay)}; {RunState.AmendmentWords(accepting)} had no response by then and " +
                    $"{(accepting.Count == 1 ? "counts" : "count")} as not accepted. After the period the Executive may still give reasons for not accepting an amendment, but can no longer accept one.");
            }
            if (!referral.PeriodEnded)
                events.Add(new ReconsiderationPeriodEnded(referral.PeriodLastDay, state.Amendments.Where(a => !a.IsAnswered).Select(a => a.Number).ToList()));
            if (fresh.Count > 0)
            {
                warnings.Add($"The Executive responded on {ClerkText.Date(c.RespondedOn)}, after the reconsideration period ended on {ClerkText.Date(referral.PeriodLastDay)}: " +
                    $"{RunState.AmendmentWords(fresh.Select(r => r.AmendmentNumber).ToList())} {(fresh.Count == 1 ? "counts" : "count")} as not accepted, and Council will have its reasons.");
            }
        }
        events.Add(new ExecutiveResponseRecorded(c.RespondedOn, fresh, note, afterPeriod));
        return Record(events, warnings);
    }

    private static ExecutiveResponse Clean(ExecutiveResponse response) => response switch
    {
        ExecutiveResponse.AcceptedWithModification m => m with { ModifiedText = m.ModifiedText?.Trim() ?? "" },
        ExecutiveResponse.NotAccepted n => n with { Reasons = n.Reasons?.Trim() ?? "" },
        _ => response,
    };

    private static string ResponseWords(ExecutiveResponse response) => response switch
    {
        ExecutiveResponse.Accepted => "accepted",
        ExecutiveResponse.AcceptedWithModification => "accepted with a modification",
        ExecutiveResponse.NotAccepted n => $"not accepted ({n.Reasons})",
        _ => response.ToString(),
    };

    /// <summary>The timer's command after the period's last day: unanswered amendments count as not accepted.</summary>
    private static Decision EndPeriod(RunState state, DecisionContext context)
    {
        if (state.Referral is { PeriodEnded: true }) return NothingNew;
        if (state.IsEnded) return Ended(state);
        if (state.Referral is not { } referral)
            return WrongStage(state, $"No reconsideration period is running: the plan has not been referred back. The run is at {CurrentStageInWords(state)}.");
        if (context.Today <= referral.PeriodLastDay)
        {
            return BreaksRule(state,
                $"The reconsideration period runs until the end of {ClerkText.Date(referral.PeriodLastDay)}; it can be ended from {ClerkText.Date(referral.CouncilMayDecideFrom)}.");
        }
        return Record(new ReconsiderationPeriodEnded(referral.PeriodLastDay, state.Amendments.Where(a => !a.IsAnswered).Select(a => a.Number).ToList()));
    }

    /// <summary>
    /// A meeting for Council's final decision: a Full Council meeting that may record a decision, held on or after the day
    /// Council may decide from. Returns the state with the period ended (the meeting's date proves it is over) and the
    /// event that ends it, when the timer has not already.
    /// </summary>
    private static Decision.Refused? CheckFinalMeeting(
        RunState state, string meetingId, DecisionContext context, out ScheduledMeeting meeting, out RunState after, out List<RunEvent> events)
    {
        after = state;
        events = [];
        meeting = null!;
        var referral = state.Referral!;
        var council = state.FullCouncilStage!;
        if (CheckMeeting(state, meetingId, council, context, out meeting) is { } bad) return bad;
        if (meeting.Date < referral.CouncilMayDecideFrom)
        {
            return BreaksRule(state,
                $"The reconsideration period ends on {ClerkText.Date(referral.PeriodLastDay)}; Council may decide from {ClerkText.Date(referral.CouncilMayDecideFrom)}. " +
                $"The meeting on {ClerkText.Date(meeting.Date)} is too early for Council's final decision.");
        }
        if (!referral.PeriodEnded)
        {
            var ended = new ReconsiderationPeriodEnded(referral.PeriodLastDay, state.Amendments.Where(a => !a.IsAnswered).Select(a => a.Number).ToList());
            events.Add(ended);
            after = Apply(state, ended);
        }
        return null;
    }

    private static Decision Insist(RunState state, RecordInsistVote c, DecisionContext context)
    {
        if (state.DecisionOn(c.MeetingId, Motion.InsistOnAmendment, c.AmendmentNumber) is { } recorded)
        {
            if (SameVote(recorded.Vote, c.Vote)) return NothingNew;
            if (state.IsEnded) return Ended(state);
            return DecidedAlready(state,
                $"Council's vote on insisting on amendment {c.AmendmentNumber} at its meeting on {ClerkText.Date(recorded.DecidedOn)} is already recorded: " +
                $"{OutcomeWords(recorded.Outcome)} ({ClerkText.Counts(recorded.Vote!)}). A different vote for a motion already decided cannot be recorded.");
        }
        if (state.IsEnded) return Ended(state);
        if (state.Referral is null)
            return WrongStage(state, $"Council votes on insisting on an amendment only after referring the plan back and the reconsideration period; the run is at {CurrentStageInWords(state)}.");
        if (CheckFinalMeeting(state, c.MeetingId, context, out var meeting, out var after, out var events) is { } badMeeting) return badMeeting;
        var amendment = after.FindAmendment(c.AmendmentNumber);
        if (amendment is null)
            return BreaksRule(state, $"Council agreed {RunState.AmendmentWords(after.Amendments.Select(a => a.Number).ToList())}; there is no amendment {c.AmendmentNumber}.");
        if (amendment.Response is not ExecutiveResponse.NotAccepted)
        {
            return BreaksRule(state,
                $"The Executive {ResponseWords(amendment.Response!)} amendment {amendment.Number}: it is part of the revised draft, and Council votes on insisting only on an amendment the Executive did not accept.");
        }
        if (amendment.Insist is { } earlier)
        {
            return BreaksRule(state,
                $"Council already voted on insisting on amendment {amendment.Number} on {ClerkText.Date(earlier.VotedOn)} ({(earlier.Insisted ? "insisted" : "did not insist")}).");
        }
        var council = after.FullCouncilStage!;
        if (c.Vote is null) return BreaksRule(state, "The insist vote needs its counts.");
        if (CheckVote(state, council, c.Vote, context) is { } badVote) return badVote;
        var threshold = after.Rules!.InsistThreshold;
        if (Count(state, threshold, c.Vote, $"insisting on amendment {amendment.Number}", out var counted) is { } badCount) return badCount;
        events.Add(new InsistVoteRecorded(meeting.Id, amendment.Number, meeting.Date, c.Vote, threshold, counted.Result == VoteResult.Carried, counted.Explanation));
        return Record(events, []);
    }

    private static Decision FinalDecision(RunState state, RecordFinalDecision c, DecisionContext context)
    {
        if (state.DecisionOn(c.MeetingId, Motion.AdoptRevisedPlan) is { } recorded)
        {
            if (SameVote(recorded.Vote, c.Vote)) return NothingNew;
            if (state.IsEnded) return Ended(state);
            return AlreadyDecided(state, recorded);
        }
        if (state.IsEnded) return Ended(state);
        if (state.Referral is null)
        {
            return WrongStage(state,
                "Council's final decision follows a referral back to the Executive; at its first meeting on the plan Council adopts it, refers it back, or does not adopt it. " +
                $"The run is at {CurrentStageInWords(state)}.");
        }
        if (CheckFinalMeeting(state, c.MeetingId, context, out var meeting, out var after, out var events) is { } badMeeting) return badMeeting;
        var awaiting = after.Amendments.Where(a => a.AwaitsInsistVote).Select(a => a.Number).ToList();
        if (awaiting.Count > 0)
        {
            return new Decision.Refused(new Refusal(RefusalKind.WrongStage,
                $"Council has not yet voted on insisting on {RunState.AmendmentWords(awaiting)}, which the Executive did not accept; those votes come before the final vote.",
                Expected(after)));
        }
        var council = after.FullCouncilStage!;
        if (c.Vote is null) return BreaksRule(state, "The final decision needs its vote.");
        if (CheckVote(state, council, c.Vote, context) is { } badVote) return badVote;
        if (Count(state, VotingThreshold.SimpleMajority, c.Vote, "the motion to adopt the plan", out var counted) is { } badCount) return badCount;
        var warnings = new List<string>();
        if (counted.Result == VoteResult.Carried)
        {
            var applied = after.Amendments.Select(a => a.Applied).OfType<AppliedAmendment>().OrderBy(a => a.Number).ToList();
            events.Add(new PlanAdopted(meeting.Id, meeting.Date, c.Vote, applied, AfterReconsideration: true));
            if (LateForCouncilTax(state, meeting.Date) is { } late) warnings.Add(late);
        }
        else
        {
            events.Add(new PlanNotAdopted(meeting.Id, meeting.Date, c.Vote, AfterReconsideration: true));
        }
        return Record(events, warnings);
    }
}
