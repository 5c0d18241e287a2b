using System.Text.Json.Serialization;
using NodaTime;

namespace ApprovalWorkflow.Procedure;

/// <summary>
/// What happened in an approval run: a closed set of past-tense records, each carrying its dates as facts,
/// folded by <see cref="ApprovalRun.Apply"/>. The JSON property "type" names the event.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RunStarted), "run-started")]
[JsonDerivedType(typeof(MeetingScheduled), "meeting-scheduled")]
[JsonDerivedType(typeof(MeetingCancelled), "meeting-cancelled")]
[JsonDerivedType(typeof(StageApproved), "stage-approved")]
[JsonDerivedType(typeof(StageNotApproved), "stage-not-approved")]
[JsonDerivedType(typeof(ConsultationRecorded), "consultation-recorded")]
[JsonDerivedType(typeof(RecommendedToCouncil), "recommended-to-council")]
[JsonDerivedType(typeof(SentBackForRevision), "sent-back-for-revision")]
[JsonDerivedType(typeof(AmendmentAgreed), "amendment-agreed")]
[JsonDerivedType(typeof(ReferredBackToExecutive), "referred-back-to-executive")]
[JsonDerivedType(typeof(ExecutiveResponseRecorded), "executive-response-recorded")]
[JsonDerivedType(typeof(ReconsiderationPeriodEnded), "reconsideration-period-ended")]
[JsonDerivedType(typeof(InsistVoteRecorded), "insist-vote-recorded")]
[JsonDerivedType(typeof(PlanAdopted), "plan-adopted")]
[JsonDerivedType(typeof(PlanNotAdopted), "plan-not-adopted")]
[JsonDerivedType(typeof(PlanWithdrawn), "plan-withdrawn")]
[JsonDerivedType(typeof(RunCancelled), "run-cancelled")]
[JsonDerivedType(typeof(DocumentVersionAdded), "document-version-added")]
public abstract record RunEvent
{
    private protected RunEvent() { }
}

/// <summary>The run started on <paramref name="StartedOn"/>.</summary>
public sealed record RunStarted(string Title, StageTemplate Template, RunRules Rules, LocalDate StartedOn) : RunEvent;

/// <summary>A meeting of <paramref name="BodyId"/> was scheduled; its papers must be published by <paramref name="PublishPapersBy"/> (five clear working days before).</summary>
public sealed record MeetingScheduled(
    string MeetingId, string StageId, string BodyId, LocalDate Date, LocalTime? StartsAt, string? Location, LocalDate PublishPapersBy) : RunEvent;

/// <summary>A meeting was cancelled on <paramref name="CancelledOn"/>.</summary>
public sealed record MeetingCancelled(string MeetingId, string Reason, LocalDate CancelledOn) : RunEvent;

/// <summary>A partnership board approved the draft at its meeting on <paramref name="ApprovedOn"/>.</summary>
public sealed record StageApproved(string StageId, string MeetingId, LocalDate ApprovedOn, Vote? Vote, string? Notes) : RunEvent;

/// <summary>A partnership board did not approve the draft at its meeting on <paramref name="DecidedOn"/>; the stage waits for another meeting.</summary>
public sealed record StageNotApproved(string StageId, string MeetingId, LocalDate DecidedOn, Vote? Vote, string? Notes) : RunEvent;

/// <summary>The Executive's consultation closed on <paramref name="ConsultedOn"/> with these recommendations and its response.</summary>
public sealed record ConsultationRecorded(
    string StageId, string? MeetingId, LocalDate ConsultedOn, IReadOnlyList<string> Recommendations, string Response) : RunEvent;

/// <summary>Cabinet recommended the plan to Full Council on <paramref name="RecommendedOn"/>.</summary>
public sealed record RecommendedToCouncil(string StageId, string MeetingId, LocalDate RecommendedOn, Vote? Vote, string? Notes) : RunEvent;

/// <summary>Cabinet sent the plan back for revision on <paramref name="SentBackOn"/>; the stage waits for another Cabinet meeting.</summary>
public sealed record SentBackForRevision(string StageId, string MeetingId, LocalDate SentBackOn, Vote? Vote, string? Notes) : RunEvent;

/// <summary>Full Council agreed an amendment (an objection) at its meeting on <paramref name="AgreedOn"/>.</summary>
public sealed record AmendmentAgreed(string MeetingId, LocalDate AgreedOn, Amendment Amendment) : RunEvent;

/// <summary>
/// Full Council referred the plan back to the Executive on <paramref name="ReferredOn"/> with the amendments agreed
/// before it. The Executive received the instructions on <paramref name="InstructionsReceivedOn"/>; its
/// reconsideration period runs from <paramref name="PeriodFirstDay"/> to <paramref name="PeriodLastDay"/> (both
/// included; <paramref name="PeriodWorkingDays"/> are its working days); Council may decide from
/// <paramref name="CouncilMayDecideFrom"/>. <paramref name="PeriodSetByCouncil"/> when Council set a longer period.
/// </summary>
public sealed record ReferredBackToExecutive(
    string MeetingId,
    LocalDate ReferredOn,
    Vote Vote,
    LocalDate InstructionsReceivedOn,
    LocalDate PeriodFirstDay,
    LocalDate PeriodLastDay,
    IReadOnlyList<LocalDate> PeriodWorkingDays,
    LocalDate CouncilMayDecideFrom,
    bool PeriodSetByCouncil) : RunEvent;

/// <summary>
/// The Executive responded on <paramref name="RespondedOn"/> to these amendments (and noted its revised draft).
/// <paramref name="AfterPeriod"/> when it came after the period's last day: then only reasons for not accepting count.
/// </summary>
public sealed record ExecutiveResponseRecorded(
    LocalDate RespondedOn, IReadOnlyList<AmendmentResponse> Responses, string? RevisedDraftNote, bool AfterPeriod) : RunEvent;

/// <summary>
/// The reconsideration period ended with its last day <paramref name="LastDay"/>; the amendments
/// <paramref name="DeemedNotAccepted"/> had no response and count as not accepted.
/// </summary>
public sealed record ReconsiderationPeriodEnded(LocalDate LastDay, IReadOnlyList<int> DeemedNotAccepted) : RunEvent;

/// <summary>Council voted on <paramref name="VotedOn"/> on insisting on an amendment the Executive did not accept.</summary>
public sealed record InsistVoteRecorded(
    string MeetingId, int AmendmentNumber, LocalDate VotedOn, Vote Vote, VotingThreshold Threshold, bool Insisted, string Explanation) : RunEvent;

/// <summary>
/// Council adopted the plan on <paramref name="AdoptedOn"/>, with <paramref name="AmendmentsApplied"/> (empty when
/// adopted as proposed at the first meeting). <paramref name="AfterReconsideration"/> for the final decision after a referral.
/// <paramref name="AdoptedVersion"/> names the document adopted (the latest draft plan or revised draft); null on runs recorded without one.
/// </summary>
public sealed record PlanAdopted(
    string MeetingId, LocalDate AdoptedOn, Vote Vote, IReadOnlyList<AppliedAmendment> AmendmentsApplied, bool AfterReconsideration,
    DocumentRef? AdoptedVersion = null) : RunEvent;

/// <summary>Council voted against adopting the plan on <paramref name="DecidedOn"/>.</summary>
public sealed record PlanNotAdopted(string MeetingId, LocalDate DecidedOn, Vote Vote, bool AfterReconsideration) : RunEvent;

/// <summary>The Executive withdrew the plan on <paramref name="WithdrawnOn"/>.</summary>
public sealed record PlanWithdrawn(string? Reason, LocalDate WithdrawnOn) : RunEvent;

/// <summary>Democratic Services cancelled the run on <paramref name="CancelledOn"/>.</summary>
public sealed record RunCancelled(string Reason, LocalDate CancelledOn) : RunEvent;
