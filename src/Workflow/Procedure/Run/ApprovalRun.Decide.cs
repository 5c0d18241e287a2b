using NodaTime;

namespace ApprovalWorkflow.Procedure;

/// <summary>
/// The approval run as a decider: <see cref="Decide"/> turns a command into events or a refusal, and
/// <see cref="Apply"/> folds an event into the state. Pure: no clock (today comes in the
/// <see cref="DecisionContext"/>), no I/O.
/// </summary>
/// <remarks>
/// Legal checks use the recorded dates of meetings and decisions; today is only compared with the date of a
/// meeting whose decision is recorded (it must have happened), with dates given as facts (not in the future),
/// and with the end of the reconsideration period for the timer's <see cref="EndReconsiderationPeriod"/>.
/// A command that repeats what is already recorded is accepted with no events, even once the run has ended;
/// anything else sent to an ended run is refused with <see cref="RefusalKind.RunEnded"/>.
/// </remarks>
public static partial class ApprovalRun
{
    /// <summary>The events <paramref name="command"/> records in <paramref name="state"/>, or why it is refused.</summary>
    public static Decision Decide(RunState state, RunCommand command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (!state.IsStarted && command is not StartRun)
            return WrongStage(state, "The run has not started yet.");
        return WithDocuments(state, command switch
        {
            StartRun c => Start(state, c, context),
            ScheduleMeeting c => Schedule(state, c, context),
            CancelMeeting c => Cancel(state, c, context),
            RecordStageApproval c => StageApproval(state, c, context),
            RecordConsultation c => Consult(state, c, context),
            RecordCabinetDecision c => Cabinet(state, c, context),
            AdoptPlan c => FirstCouncilDecision(state, c.MeetingId, c.Vote, FirstDecision.Adopt, null, context),
            RejectPlan c => FirstCouncilDecision(state, c.MeetingId, c.Vote, FirstDecision.Reject, null, context),
            ReferBackToExecutive c => FirstCouncilDecision(state, c.MeetingId, c.Vote, FirstDecision.ReferBack, c, context),
            RecordExecutiveResponse c => Respond(state, c, context),
            EndReconsiderationPeriod => EndPeriod(state, context),
            RecordInsistVote c => Insist(state, c, context),
            RecordFinalDecision c => FinalDecision(state, c, context),
            WithdrawPlan c => Withdraw(state, c, context),
            CancelRun c => CancelTheRun(state, c, context),
            AddDocumentVersion c => AddDocument(state, c, context),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Not a command of an approval run."),
        });
    }

    private static Decision Start(RunState state, StartRun c, DecisionContext context)
    {
        if (state.IsStarted)
        {
            var same = state.Title == c.Title?.Trim()
                && state.TemplateName == c.Template?.Name
                && c.Template is not null && state.Stages.SequenceEqual(c.Template.Stages)
                && Equals(state.Rules, c.Rules);
            if (same) return NothingNew;
            if (state.IsEnded) return Ended(state);
            return WrongStage(state, $"The run \"{state.Title}\" has already started (on {ClerkText.Date(state.StartedOn!.Value)}).");
        }
        if (string.IsNullOrWhiteSpace(c.Title))
            return BreaksRule(state, "The run needs a title, such as \"Community Safety Partnership Plan 2017-21\".");
        if (c.Template is null)
            return BreaksRule(state, "The run needs its stages: the \"partnership-plan\" or \"budget\" template, or a list of stages.");
        var templateProblems = c.Template.Problems();
        if (templateProblems.Count > 0) return BreaksRule(state, ClerkText.Sentences(templateProblems));
        if (c.Rules is null) return BreaksRule(state, "The run needs its rules: the executive arrangement and whether it is a budget.");
        var ruleProblems = c.Rules.Problems();
        if (ruleProblems.Count > 0) return BreaksRule(state, ClerkText.Sentences(ruleProblems));

        var warnings = new List<string>();
        foreach (var bodyId in c.Template.Stages.Select(s => s.BodyId).Distinct())
        {
            if (!context.Bodies.ContainsKey(bodyId))
                warnings.Add($"No body \"{bodyId}\" is registered yet: register it and its members before its meetings, so that they hear of them and their votes can be checked.");
        }
        if (c.Rules.Executive == ExecutiveArrangement.LeaderAndCabinet && c.Rules.InsistThreshold.Name != VotingThreshold.SimpleMajority.Name)
            warnings.Add($"In a Leader and Cabinet authority the law asks a simple majority to insist on an amendment; this run's rules ask {c.Rules.InsistThreshold.Name}.");
        return Record([new RunStarted(c.Title.Trim(), c.Template, c.Rules, context.Today)], warnings);
    }

    private static Decision Schedule(RunState state, ScheduleMeeting c, DecisionContext context)
    {
        if (state.FindMeeting(c.MeetingId) is { } existing)
        {
            var same = !existing.IsCancelled && existing.StageId == c.StageId && existing.Date == c.Date
                && existing.StartsAt == c.StartsAt && existing.Location == Trimmed(c.Location);
            if (same) return NothingNew;
            if (state.IsEnded) return Ended(state);
            return BreaksRule(state,
                $"Meeting \"{c.MeetingId}\" is already on the schedule ({StageName(state, existing.StageId)} on {ClerkText.Date(existing.Date)}" +
                (existing.IsCancelled ? ", cancelled" : "") + "). Schedule a new meeting with its own id, and cancel this one if it does not take place.");
        }
        if (state.IsEnded) return Ended(state);
        if (string.IsNullOrWhiteSpace(c.MeetingId)) return BreaksRule(state, "A meeting needs an id.");
        var stage = state.FindStage(c.StageId);
        if (stage is null)
            return BreaksRule(state, $"The run has no stage \"{c.StageId}\"; its stages are {ClerkText.List(state.Stages.Select(s => $"\"{s.Id}\""))}.");
        var index = state.Stages.ToList().IndexOf(stage);
        if (index < state.CurrentStageIndex)
            return WrongStage(state, $"{stage.Name} has already decided; the run is now at {state.CurrentStage?.Name}.");
        if (stage.Kind == StageKind.FullCouncil && state.Referral is { } referral && c.Date < referral.CouncilMayDecideFrom)
        {
            return BreaksRule(state,
                $"The reconsideration period ends on {ClerkText.Date(referral.PeriodLastDay)}; Council may decide from {ClerkText.Date(referral.CouncilMayDecideFrom)}. " +
                $"A Full Council meeting on {ClerkText.Date(c.Date)} would be too early for Council's final decision.");
        }

        if (OutsideCalendar(state, c.Date) is { } outside) return outside;
        var deadline = PublicationDeadline.For(c.Date, context.Calendar);
        var warnings = new List<string>();
        if (!context.Bodies.ContainsKey(stage.BodyId))
            warnings.Add($"No body \"{stage.BodyId}\" is registered: its members will not hear of this meeting until it is registered.");
        if (deadline.PublishBy < context.Today && c.Date >= context.Today)
            warnings.Add($"The papers for a meeting on {ClerkText.Date(c.Date)} had to be published by {ClerkText.Date(deadline.PublishBy)} to give five clear working days.");
        if (stage.Kind == StageKind.FullCouncil && LateForCouncilTax(state, c.Date) is { } late) warnings.Add(late);
        return Record(
            [new MeetingScheduled(c.MeetingId, stage.Id, stage.BodyId, c.Date, c.StartsAt, Trimmed(c.Location), deadline.PublishBy)],
            warnings);
    }

    private static Decision Cancel(RunState state, CancelMeeting c, DecisionContext context)
    {
        var meeting = state.FindMeeting(c.MeetingId);
        if (meeting is { IsCancelled: true } && meeting.CancellationReason == Trimmed(c.Reason)) return NothingNew;
        if (state.IsEnded) return Ended(state);
        if (meeting is null) return BreaksRule(state, $"No meeting \"{c.MeetingId}\" is on the run's schedule.");
        if (meeting.IsCancelled)
            return BreaksRule(state, $"The meeting on {ClerkText.Date(meeting.Date)} was already cancelled on {ClerkText.Date(meeting.CancelledOn!.Value)} ({meeting.CancellationReason}).");
        if (string.IsNullOrWhiteSpace(c.Reason)) return BreaksRule(state, "Cancelling a meeting needs a reason that its members will read.");
        if (state.Decisions.Any(d => d.MeetingId == meeting.Id) || state.Consultations.Any(x => x.MeetingId == meeting.Id))
            return BreaksRule(state, $"Decisions of the meeting on {ClerkText.Date(meeting.Date)} are on the record; a meeting that has decided cannot be cancelled.");
        return Record(new MeetingCancelled(meeting.Id, c.Reason.Trim(), context.Today));
    }

    private static Decision Withdraw(RunState state, WithdrawPlan c, DecisionContext context)
    {
        if (state.Status == RunStatus.Withdrawn && state.EndReason == Trimmed(c.Reason)) return NothingNew;
        if (state.IsEnded) return Ended(state);
        return Record(new PlanWithdrawn(Trimmed(c.Reason), context.Today));
    }

    private static Decision CancelTheRun(RunState state, CancelRun c, DecisionContext context)
    {
        if (state.Status == RunStatus.Cancelled && state.EndReason == Trimmed(c.Reason)) return NothingNew;
        if (state.IsEnded) return Ended(state);
        if (string.IsNullOrWhiteSpace(c.Reason))
            return BreaksRule(state, "Cancelling a run needs a reason: everyone involved reads it.");
        return Record(new RunCancelled(c.Reason.Trim(), context.Today));
    }

    // ---- shared checks -------------------------------------------------------------------------

    /// <summary>
    /// A meeting at which <paramref name="stage"/>'s decision may be recorded: on the schedule, of that stage,
    /// not cancelled, already held (not after today), and not before the previous stage decided.
    /// </summary>
    private static Decision.Refused? CheckMeeting(RunState state, string meetingId, Stage stage, DecisionContext context, out ScheduledMeeting meeting)
    {
        meeting = state.FindMeeting(meetingId)!;
        if (meeting is null)
            return BreaksRule(state, $"No meeting \"{meetingId}\" is on the run's schedule: schedule it first.");
        if (meeting.StageId != stage.Id)
            return WrongStage(state, $"The meeting on {ClerkText.Date(meeting.Date)} is a meeting of {StageName(state, meeting.StageId)}; this decision belongs to {stage.Name}.");
        if (meeting.IsCancelled)
            return BreaksRule(state, $"The meeting on {ClerkText.Date(meeting.Date)} was cancelled ({meeting.CancellationReason}).");
        if (meeting.Date > context.Today)
            return BreaksRule(state, $"The meeting on {ClerkText.Date(meeting.Date)} has not taken place yet (today is {ClerkText.Date(context.Today)}); record its decision after it.");
        if (state.CompletedStages.Count > 0 && meeting.Date < state.CompletedStages[^1].CompletedOn)
        {
            var previous = state.CompletedStages[^1];
            return BreaksRule(state,
                $"The meeting on {ClerkText.Date(meeting.Date)} is before {StageName(state, previous.StageId)} decided on {ClerkText.Date(previous.CompletedOn)}; each stage decides after the one before it.");
        }
        return null;
    }

    /// <summary>A vote the body's members could have cast: the body registered and <see cref="Vote.ProblemsFor"/> empty.</summary>
    private static Decision.Refused? CheckVote(RunState state, Stage stage, Vote vote, DecisionContext context)
    {
        if (!context.Bodies.TryGetValue(stage.BodyId, out var body))
            return BreaksRule(state, $"The body \"{stage.BodyId}\" ({stage.Name}) is not registered: register it and its members before recording its votes.");
        var namedRequired = NamedVotesRequired(state, stage);
        var problems = vote.ProblemsFor(body, namedRequired);
        if (problems.Count > 0)
            return BreaksRule(state, $"The vote cannot be recorded for {stage.Name}: {ClerkText.Sentences(problems)}");
        return null;
    }

    /// <summary>Counts a checked vote: no casting vote except under a simple majority, and a tie needs the casting vote.</summary>
    private static Decision.Refused? Count(RunState state, VotingThreshold threshold, Vote vote, string motion, out VoteOutcome outcome)
    {
        outcome = null!;
        if (vote.CastingVote is not null && threshold.Name != VotingThreshold.SimpleMajority.Name)
            return BreaksRule(state, $"No casting vote applies to {motion}, which needs {threshold.Name}; record the vote without one.");
        outcome = threshold.Decide(vote);
        if (outcome.Result == VoteResult.TiedNeedsCastingVote)
            return BreaksRule(state, $"The vote on {motion} is tied ({ClerkText.Counts(vote)}) and no casting vote is recorded: record the chair's casting vote.");
        return null;
    }

    /// <summary>A date the working-day calendar cannot count from (a year of margin on either side of its range).</summary>
    private static Decision.Refused? OutsideCalendar(RunState state, LocalDate date) =>
        date.Year > WorkingDayCalendar.FirstSupportedYear && date.Year < WorkingDayCalendar.LastSupportedYear
            ? null
            : BreaksRule(state, $"{ClerkText.Date(date)} is outside the years the working-day calendar counts " +
                $"({WorkingDayCalendar.FirstSupportedYear + 1} to {WorkingDayCalendar.LastSupportedYear - 1}).");

    private static bool NamedVotesRequired(RunState state, Stage stage) =>
        state.Rules is { NamedVotesRequired: true } && stage.Kind is StageKind.Cabinet or StageKind.FullCouncil;

    /// <summary>The 11 March warning of a budget run (never a refusal: a late setting is still valid).</summary>
    private static string? LateForCouncilTax(RunState state, LocalDate councilDecidesOn) =>
        state.Rules?.CouncilTaxSettingDeadline is LocalDate deadline && councilDecidesOn >= deadline
            ? $"The council tax for the financial year starting 1 April {deadline.Year} must be set before {ClerkText.Date(deadline)}; " +
              $"Full Council deciding on {ClerkText.Date(councilDecidesOn)} would set it late (still valid, but late)."
            : null;

    /// <summary>The same vote: counts, casting vote and the same names with the same choices, in any order.</summary>
    internal static bool SameVote(Vote? a, Vote? b) => Equals(a, b);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string StageName(RunState state, string stageId) => state.FindStage(stageId)?.Name ?? stageId;

    private static string Expected(RunState state) =>
        state.NextStep?.Sentence
        ?? (state.EndedOn is LocalDate ended
            ? $"Nothing: the run ended on {ClerkText.Date(ended)} ({state.OutcomeInWords})."
            : "Nothing.");

    private static readonly Decision NothingNew = new Decision.Accepted([], []);

    private static Decision.Accepted Record(params RunEvent[] events) => new(events, []);

    private static Decision.Accepted Record(IReadOnlyList<RunEvent> events, IReadOnlyList<string> warnings) => new(events, warnings);

    private static Decision.Refused WrongStage(RunState state, string reason) =>
        new(new Refusal(RefusalKind.WrongStage, reason, Expected(state)));

    private static Decision.Refused BreaksRule(RunState state, string reason) =>
        new(new Refusal(RefusalKind.BreaksRule, reason, Expected(state)));

    private static Decision.Refused DecidedAlready(RunState state, string reason) =>
        new(new Refusal(RefusalKind.AlreadyDecided, reason, Expected(state)));

    private static Decision.Refused Ended(RunState state) =>
        new(new Refusal(RefusalKind.RunEnded,
            $"The run has ended: {state.OutcomeInWords} on {ClerkText.Date(state.EndedOn!.Value)}. An ended run never changes.",
            Expected(state)));
}
