using NodaTime;

namespace ApprovalWorkflow.Procedure;

/// <summary>Where an approval run is.</summary>
public enum RunStatus
{
    /// <summary>No <see cref="RunStarted"/> yet.</summary>
    NotStarted,

    /// <summary>Going through its stages, up to Full Council's first decision.</summary>
    InProgress,

    /// <summary>Full Council referred the plan back; the Executive's reconsideration period is running.</summary>
    ReferredBack,

    /// <summary>The reconsideration period has ended; Council's insist votes and final vote are due.</summary>
    AwaitingFinalDecision,

    /// <summary>Ended: Council adopted the plan.</summary>
    Adopted,

    /// <summary>Ended: Council voted against adopting the plan.</summary>
    NotAdopted,

    /// <summary>Ended: the Executive withdrew the plan.</summary>
    Withdrawn,

    /// <summary>Ended: Democratic Services cancelled the run.</summary>
    Cancelled,
}

/// <summary>Who is expected to act next.</summary>
public enum RunRole
{
    DemocraticServices,
    Clerk,
    Executive,
}

/// <summary>The motion a recorded decision answers; with the meeting (and amendment) it identifies the decision.</summary>
public enum Motion
{
    /// <summary>A partnership board's motion to approve the draft.</summary>
    ApproveDraft,

    /// <summary>Cabinet's motion to recommend the plan to Full Council.</summary>
    RecommendToCouncil,

    /// <summary>Full Council's decision on the plan at its first meeting: adopt, refer back, or not adopt.</summary>
    DecideOnPlan,

    /// <summary>Full Council's motion to insist on an amendment the Executive did not accept.</summary>
    InsistOnAmendment,

    /// <summary>Full Council's final motion to adopt the plan after reconsideration.</summary>
    AdoptRevisedPlan,
}

/// <summary>How a motion was decided.</summary>
public enum DecisionOutcome
{
    Approved,
    NotApproved,
    Recommended,
    SentBack,
    Adopted,
    ReferredBack,
    NotAdopted,
    Insisted,
    NotInsisted,
}

/// <summary>A meeting on the run's schedule. Its papers must be published by <paramref name="PublishPapersBy"/>.</summary>
public sealed record ScheduledMeeting(
    string Id, string StageId, string BodyId, LocalDate Date, LocalTime? StartsAt, string? Location, LocalDate PublishPapersBy)
{
    /// <summary>Why the meeting was cancelled; null while it stands.</summary>
    public string? CancellationReason { get; init; }

    /// <summary>The day it was cancelled; null while it stands.</summary>
    public LocalDate? CancelledOn { get; init; }

    public bool IsCancelled => CancelledOn is not null;
}

/// <summary>A stage whose decision moved the run on, and the date of that decision.</summary>
public sealed record CompletedStage(string StageId, LocalDate CompletedOn);

/// <summary>The Executive's consultation: Overview and Scrutiny's recommendations and the Executive's response.</summary>
public sealed record Consultation(string StageId, string? MeetingId, LocalDate ConsultedOn, IReadOnlyList<string> Recommendations, string Response);

/// <summary>A motion decided at a meeting: what, when, how, and by which vote.</summary>
public sealed record RecordedDecision(
    string StageId, string MeetingId, LocalDate DecidedOn, Motion Motion, DecisionOutcome Outcome, Vote? Vote, string? Notes, int? AmendmentNumber = null);

/// <summary>
/// Full Council's referral back to the Executive, with the reconsideration period's dates as recorded:
/// the period runs from <paramref name="PeriodFirstDay"/> to <paramref name="PeriodLastDay"/>, both included,
/// and Council may decide from <paramref name="CouncilMayDecideFrom"/>.
/// </summary>
public sealed record Referral(
    string MeetingId,
    LocalDate ReferredOn,
    LocalDate InstructionsReceivedOn,
    LocalDate PeriodFirstDay,
    LocalDate PeriodLastDay,
    IReadOnlyList<LocalDate> PeriodWorkingDays,
    LocalDate CouncilMayDecideFrom,
    bool PeriodSetByCouncil)
{
    /// <summary>True once the period has been recorded as ended.</summary>
    public bool PeriodEnded { get; init; }

    /// <summary>The Executive's notes on its revised draft, in the order given.</summary>
    public IReadOnlyList<string> RevisedDraftNotes { get; init; } = [];
}

/// <summary>Council's vote on insisting on an amendment, decided with the run's insist threshold.</summary>
public sealed record InsistVote(string MeetingId, LocalDate VotedOn, Vote Vote, string ThresholdName, bool Insisted, string Explanation);

/// <summary>One of Council's amendments with the Executive's response and Council's insist vote, as far as they go.</summary>
public sealed record AmendmentRecord(Amendment Amendment)
{
    /// <summary>The Executive's response; null while unanswered.</summary>
    public ExecutiveResponse? Response { get; init; }

    /// <summary>The date of the response (for a deemed response, the period's last day).</summary>
    public LocalDate? RespondedOn { get; init; }

    /// <summary>True when the amendment counts as not accepted because the period ended without a response.</summary>
    public bool ResponseDeemed { get; init; }

    /// <summary>True when the Executive's reasons arrived after the period had ended.</summary>
    public bool RespondedAfterPeriod { get; init; }

    /// <summary>Council's vote on insisting on it; only for an amendment not accepted.</summary>
    public InsistVote? Insist { get; init; }

    public int Number => Amendment.Number;

    public bool IsAnswered => Response is not null;

    /// <summary>Not accepted (or deemed so) and Council has not yet voted on insisting on it.</summary>
    public bool AwaitsInsistVote => Response is ExecutiveResponse.NotAccepted && Insist is null;

    /// <summary>The amendment as the final decision would apply it, or null if it would not be applied.</summary>
    public AppliedAmendment? Applied => Response switch
    {
        ExecutiveResponse.Accepted => new AppliedAmendment(Number, Amendment.Text, AppliedBecause.AcceptedByExecutive),
        ExecutiveResponse.AcceptedWithModification modified => new AppliedAmendment(Number, modified.ModifiedText, AppliedBecause.AcceptedWithModification),
        ExecutiveResponse.NotAccepted when Insist is { Insisted: true } => new AppliedAmendment(Number, Amendment.Text, AppliedBecause.InsistedOnByCouncil),
        _ => null,
    };
}

/// <summary>What the run waits for, from whom, and by when.</summary>
public sealed record ExpectedStep(string What, RunRole FromRole, LocalDate? By)
{
    /// <summary>"The run is waiting for the Executive to respond to amendment 1 ... by 25 June 2012."</summary>
    public string Sentence =>
        $"The run is waiting for {RoleInWords(FromRole)} to {ClerkText.LowerFirst(What)}" +
        (By is LocalDate by ? $" by {ClerkText.Date(by)}." : ".");

    internal static string RoleInWords(RunRole role) => role switch
    {
        RunRole.DemocraticServices => "Democratic Services",
        RunRole.Clerk => "the clerk",
        RunRole.Executive => "the Executive",
        _ => role.ToString(),
    };
}

/// <summary>Kinds of dates a run tells people about.</summary>
public enum RunDateKind
{
    Meeting,
    PapersPublishBy,
    InstructionsReceived,
    ReconsiderationPeriodStarts,
    ReconsiderationPeriodEnds,
    CouncilMayDecideFrom,
    CouncilTaxSettingDeadline,
    RunEnded,
}

/// <summary>A date or deadline of the run, for emails and the calendar feed.</summary>
public sealed record RunDate(RunDateKind Kind, LocalDate Date, string Description, string? MeetingId = null);

/// <summary>
/// The state of one approval run: <see cref="ApprovalRun.Apply"/> folded over its events from <see cref="Initial"/>.
/// </summary>
public sealed record RunState
{
    private RunState() { }

    /// <summary>The state before any event: not started.</summary>
    public static RunState Initial { get; } = new();

    /// <summary>The state after these events, in order.</summary>
    public static RunState Fold(IEnumerable<RunEvent> events) => events.Aggregate(Initial, ApprovalRun.Apply);

    public RunStatus Status { get; init; } = RunStatus.NotStarted;

    public string Title { get; init; } = "";

    public string TemplateName { get; init; } = "";

    public IReadOnlyList<Stage> Stages { get; init; } = [];

    /// <summary>The run's rules; null before it starts.</summary>
    public RunRules? Rules { get; init; }

    public LocalDate? StartedOn { get; init; }

    /// <summary>The index in <see cref="Stages"/> of the stage waiting for its decision.</summary>
    public int CurrentStageIndex { get; init; }

    public IReadOnlyList<CompletedStage> CompletedStages { get; init; } = [];

    public IReadOnlyList<ScheduledMeeting> Meetings { get; init; } = [];

    public IReadOnlyList<Consultation> Consultations { get; init; } = [];

    /// <summary>Every motion decided, in the order recorded.</summary>
    public IReadOnlyList<RecordedDecision> Decisions { get; init; } = [];

    /// <summary>Council's amendments, in the order agreed, with responses and insist votes.</summary>
    public IReadOnlyList<AmendmentRecord> Amendments { get; init; } = [];

    /// <summary>Full Council's referral back to the Executive, when there is one.</summary>
    public Referral? Referral { get; init; }

    /// <summary>The amendments in the plan as adopted; empty unless adopted with amendments.</summary>
    public IReadOnlyList<AppliedAmendment> AmendmentsApplied { get; init; } = [];

    /// <summary>The day the run ended; null while it runs.</summary>
    public LocalDate? EndedOn { get; init; }

    /// <summary>The reason given for a withdrawal or a cancellation.</summary>
    public string? EndReason { get; init; }

    /// <summary>Every version of every document, in the order recorded; none is ever replaced.</summary>
    public IReadOnlyList<DocumentVersion> Documents { get; init; } = [];

    public bool IsStarted => Status != RunStatus.NotStarted;

    /// <summary>Adopted, not adopted, withdrawn or cancelled: the run never changes again.</summary>
    public bool IsEnded => Status is RunStatus.Adopted or RunStatus.NotAdopted or RunStatus.Withdrawn or RunStatus.Cancelled;

    /// <summary>The stage waiting for its decision; null before the start and after the end.</summary>
    public Stage? CurrentStage => IsStarted && !IsEnded && CurrentStageIndex < Stages.Count ? Stages[CurrentStageIndex] : null;

    /// <summary>The Full Council stage; null before the start.</summary>
    public Stage? FullCouncilStage => Stages.FirstOrDefault(s => s.Kind == StageKind.FullCouncil);

    public ScheduledMeeting? FindMeeting(string meetingId) => Meetings.FirstOrDefault(m => m.Id == meetingId);

    public Stage? FindStage(string stageId) => Stages.FirstOrDefault(s => s.Id == stageId);

    public AmendmentRecord? FindAmendment(int number) => Amendments.FirstOrDefault(a => a.Number == number);

    /// <summary>The decision on <paramref name="motion"/> recorded at this meeting (for this amendment), or null.</summary>
    public RecordedDecision? DecisionOn(string meetingId, Motion motion, int? amendmentNumber = null) =>
        Decisions.FirstOrDefault(d => d.MeetingId == meetingId && d.Motion == motion && d.AmendmentNumber == amendmentNumber);

    /// <summary>Council's final decision is due: referred back, with every amendment answered or the period ended.</summary>
    public bool FinalDecisionDue =>
        Status == RunStatus.AwaitingFinalDecision
        || (Status == RunStatus.ReferredBack && Amendments.All(a => a.IsAnswered));

    /// <summary>What the run waits for now; null once it has ended.</summary>
    public ExpectedStep? NextStep
    {
        get
        {
            if (!IsStarted) return new ExpectedStep("Start the approval run", RunRole.DemocraticServices, null);
            if (IsEnded) return null;
            if (Referral is { } referral)
            {
                var unanswered = Amendments.Where(a => !a.IsAnswered).Select(a => a.Number).ToList();
                if (Status == RunStatus.ReferredBack && unanswered.Count > 0)
                {
                    return new ExpectedStep(
                        $"Respond to {AmendmentWords(unanswered)} (accept, accept with modification, or not accept with reasons)",
                        RunRole.Executive, referral.PeriodLastDay);
                }
                var final = OpenFinalMeeting();
                if (final is null)
                {
                    return new ExpectedStep(
                        $"Schedule Full Council's meeting for its final decision, on or after {ClerkText.Date(referral.CouncilMayDecideFrom)}",
                        RunRole.DemocraticServices, null);
                }
                var awaiting = Amendments.Where(a => a.AwaitsInsistVote).Select(a => a.Number).ToList();
                return awaiting.Count > 0
                    ? new ExpectedStep($"Record Council's vote on insisting on {AmendmentWords([awaiting[0]])} at its meeting on {ClerkText.Date(final.Date)}", RunRole.Clerk, final.Date)
                    : new ExpectedStep($"Record Council's final vote on adopting the plan at its meeting on {ClerkText.Date(final.Date)}", RunRole.Clerk, final.Date);
            }
            if (CurrentStage is not { } stage) return null;
            var meeting = OpenMeetingFor(stage);
            if (stage.Kind == StageKind.ExecutiveConsultation)
            {
                return new ExpectedStep(
                    "Record the consultation on the draft: Overview and Scrutiny's recommendations and the Executive's response",
                    RunRole.Clerk, meeting?.Date);
            }
            if (meeting is null) return new ExpectedStep($"Schedule a meeting of {stage.Name}", RunRole.DemocraticServices, null);
            var on = ClerkText.Date(meeting.Date);
            var what = stage.Kind switch
            {
                StageKind.Cabinet => $"Record Cabinet's decision (recommend the plan to Full Council, or send it back) at its meeting on {on}",
                StageKind.FullCouncil => $"Record Full Council's decision on the plan (adopt it, refer it back to the Executive with amendments, or not adopt it) at its meeting on {on}",
                _ => $"Record whether {stage.Name} approved the draft at its meeting on {on}",
            };
            return new ExpectedStep(what, RunRole.Clerk, meeting.Date);
        }
    }

    /// <summary>Every date and deadline of the run, in date order, for emails and the calendar feed.</summary>
    public IReadOnlyList<RunDate> Dates()
    {
        var dates = new List<RunDate>();
        foreach (var meeting in Meetings.Where(m => !m.IsCancelled))
        {
            var name = FindStage(meeting.StageId)?.Name ?? meeting.StageId;
            dates.Add(new RunDate(RunDateKind.Meeting, meeting.Date, $"{name} meets on {ClerkText.Date(meeting.Date)}", meeting.Id));
            dates.Add(new RunDate(RunDateKind.PapersPublishBy, meeting.PublishPapersBy,
                $"Papers for {name} on {ClerkText.Date(meeting.Date)} must be published by {ClerkText.Date(meeting.PublishPapersBy)} (five clear working days before)",
                meeting.Id));
        }
        if (Referral is { } referral)
        {
            dates.Add(new RunDate(RunDateKind.InstructionsReceived, referral.InstructionsReceivedOn,
                $"The Executive received Council's instructions to reconsider the plan on {ClerkText.Date(referral.InstructionsReceivedOn)}"));
            dates.Add(new RunDate(RunDateKind.ReconsiderationPeriodStarts, referral.PeriodFirstDay,
                $"The Executive's reconsideration period starts on {ClerkText.Date(referral.PeriodFirstDay)}"));
            dates.Add(new RunDate(RunDateKind.ReconsiderationPeriodEnds, referral.PeriodLastDay,
                $"The reconsideration period ends at the end of {ClerkText.Date(referral.PeriodLastDay)}; an amendment not answered by then counts as not accepted"));
            dates.Add(new RunDate(RunDateKind.CouncilMayDecideFrom, referral.CouncilMayDecideFrom,
                $"Council may take its final decision from {ClerkText.Date(referral.CouncilMayDecideFrom)}"));
        }
        if (Rules?.CouncilTaxSettingDeadline is LocalDate taxDeadline)
        {
            dates.Add(new RunDate(RunDateKind.CouncilTaxSettingDeadline, taxDeadline,
                $"The council tax for the financial year starting 1 April {taxDeadline.Year} must be set before {ClerkText.Date(taxDeadline)}"));
        }
        if (EndedOn is LocalDate ended)
        {
            dates.Add(new RunDate(RunDateKind.RunEnded, ended, $"The run ended on {ClerkText.Date(ended)}: {OutcomeInWords}"));
        }
        return dates.OrderBy(d => d.Date).ThenBy(d => d.Kind).ToList();
    }

    /// <summary>"adopted", "not adopted", "withdrawn by the Executive", ...; empty while running.</summary>
    public string OutcomeInWords => Status switch
    {
        RunStatus.Adopted => AmendmentsApplied.Count == 0
            ? "the plan was adopted"
            : $"the plan was adopted with {AmendmentWords(AmendmentsApplied.Select(a => a.Number).ToList())}",
        RunStatus.NotAdopted => "Council did not adopt the plan",
        RunStatus.Withdrawn => "the Executive withdrew the plan" + (string.IsNullOrWhiteSpace(EndReason) ? "" : $" ({EndReason})"),
        RunStatus.Cancelled => $"Democratic Services cancelled the run ({EndReason})",
        _ => "",
    };

    /// <summary>The earliest standing meeting of this stage at which its decision is still to be taken.</summary>
    internal ScheduledMeeting? OpenMeetingFor(Stage stage) =>
        Meetings
            .Where(m => m.StageId == stage.Id && !m.IsCancelled && !Decisions.Any(d => d.MeetingId == m.Id))
            .Where(m => CompletedStages.Count == 0 || m.Date >= CompletedStages[^1].CompletedOn)
            .OrderBy(m => m.Date)
            .FirstOrDefault();

    /// <summary>The earliest standing Full Council meeting on or after the day Council may decide from, without a final decision.</summary>
    internal ScheduledMeeting? OpenFinalMeeting() =>
        Referral is { } referral && FullCouncilStage is { } council
            ? Meetings
                .Where(m => m.StageId == council.Id && !m.IsCancelled && m.Date >= referral.CouncilMayDecideFrom)
                .Where(m => DecisionOn(m.Id, Motion.AdoptRevisedPlan) is null)
                .OrderBy(m => m.Date)
                .FirstOrDefault()
            : null;

    internal static string AmendmentWords(IReadOnlyCollection<int> numbers) =>
        (numbers.Count == 1 ? "amendment " : "amendments ") + ClerkText.Numbers(numbers);
}
