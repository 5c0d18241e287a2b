using System.Text.Json.Serialization;
using NodaTime;

namespace ApprovalWorkflow.Procedure;

/// <summary>
/// What a person (or a timer) asks of an approval run: a closed set of imperative records, decided by
/// <see cref="ApprovalRun.Decide"/>. The JSON property "type" names the command.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StartRun), "start-run")]
[JsonDerivedType(typeof(ScheduleMeeting), "schedule-meeting")]
[JsonDerivedType(typeof(CancelMeeting), "cancel-meeting")]
[JsonDerivedType(typeof(RecordStageApproval), "record-stage-approval")]
[JsonDerivedType(typeof(RecordConsultation), "record-consultation")]
[JsonDerivedType(typeof(RecordCabinetDecision), "record-cabinet-decision")]
[JsonDerivedType(typeof(AdoptPlan), "adopt-plan")]
[JsonDerivedType(typeof(ReferBackToExecutive), "refer-back-to-executive")]
[JsonDerivedType(typeof(RejectPlan), "reject-plan")]
[JsonDerivedType(typeof(RecordExecutiveResponse), "record-executive-response")]
[JsonDerivedType(typeof(EndReconsiderationPeriod), "end-reconsideration-period")]
[JsonDerivedType(typeof(RecordInsistVote), "record-insist-vote")]
[JsonDerivedType(typeof(RecordFinalDecision), "record-final-decision")]
[JsonDerivedType(typeof(WithdrawPlan), "withdraw-plan")]
[JsonDerivedType(typeof(CancelRun), "cancel-run")]
[JsonDerivedType(typeof(AddDocumentVersion), "add-document-version")]
public abstract record RunCommand
{
    private protected RunCommand() { }
}

/// <summary>Democratic Services starts a run for one plan or budget through these stages, under these rules.</summary>
public sealed record StartRun(string Title, StageTemplate Template, RunRules Rules) : RunCommand;

/// <summary>Democratic Services schedules a meeting of the body of stage <paramref name="StageId"/>.</summary>
public sealed record ScheduleMeeting(string MeetingId, string StageId, LocalDate Date, LocalTime? StartsAt = null, string? Location = null) : RunCommand;

/// <summary>Democratic Services cancels a meeting at which nothing has been decided.</summary>
public sealed record CancelMeeting(string MeetingId, string Reason) : RunCommand;

/// <summary>
/// The clerk records whether a partnership board (or its executive) approved the draft at a meeting.
/// A vote, when given, is on the motion to approve: carried for <paramref name="Approved"/>, lost otherwise.
/// </summary>
public sealed record RecordStageApproval(string MeetingId, bool Approved, Vote? Vote = null, string? Notes = null) : RunCommand;

/// <summary>
/// The clerk records the Executive's consultation, including Overview and Scrutiny: its recommendations and the
/// Executive's response to them. Either at a scheduled meeting of the consultation stage
/// (<paramref name="MeetingId"/>), or, with no meeting, on the date the consultation closed (<paramref name="ConsultedOn"/>).
/// </summary>
public sealed record RecordConsultation(string? MeetingId, LocalDate? ConsultedOn, IReadOnlyList<string> Recommendations, string Response) : RunCommand;

/// <summary>
/// The clerk records Cabinet's decision. A vote, when given, is on the motion to recommend the plan to Full
/// Council: carried for <see cref="CabinetDecision.Recommend"/>, lost for <see cref="CabinetDecision.SendBack"/>.
/// </summary>
public sealed record RecordCabinetDecision(string MeetingId, CabinetDecision Decision, Vote? Vote = null, string? Notes = null) : RunCommand;

/// <summary>The clerk records that Full Council, at its first meeting on the plan, adopted it as proposed (simple majority).</summary>
public sealed record AdoptPlan(string MeetingId, Vote Vote) : RunCommand;

/// <summary>
/// The clerk records that Full Council agreed amendments and, by this vote, referred the plan back to the
/// Executive. The Executive received the instructions on <paramref name="InstructionsReceivedOn"/> (by default
/// the day of the meeting); Council may set a period longer than five working days ending on
/// <paramref name="PeriodEndsOn"/>.
/// </summary>
public sealed record ReferBackToExecutive(
    string MeetingId,
    Vote Vote,
    IReadOnlyList<Amendment> Amendments,
    LocalDate? InstructionsReceivedOn = null,
    LocalDate? PeriodEndsOn = null) : RunCommand;

/// <summary>The clerk records that Full Council, at its first meeting on the plan, voted against adopting it.</summary>
public sealed record RejectPlan(string MeetingId, Vote Vote) : RunCommand;

/// <summary>
/// The Executive responds to Council's amendments (some or all), and may note its revised draft.
/// Each amendment gets one response.
/// </summary>
public sealed record RecordExecutiveResponse(LocalDate RespondedOn, IReadOnlyList<AmendmentResponse> Responses, string? RevisedDraftNote = null) : RunCommand;

/// <summary>Sent by the run's timer after the reconsideration period's last day: unanswered amendments count as not accepted.</summary>
public sealed record EndReconsiderationPeriod : RunCommand;

/// <summary>The clerk records Council's vote, at its reconsideration meeting, on insisting on an amendment the Executive did not accept.</summary>
public sealed record RecordInsistVote(string MeetingId, int AmendmentNumber, Vote Vote) : RunCommand;

/// <summary>The clerk records Council's final vote on adopting the plan, with the accepted and insisted amendments.</summary>
public sealed record RecordFinalDecision(string MeetingId, Vote Vote) : RunCommand;

/// <summary>The Executive withdraws the plan; possible at any time before the run ends.</summary>
public sealed record WithdrawPlan(string? Reason) : RunCommand;

/// <summary>Democratic Services cancels the run, giving a reason.</summary>
public sealed record CancelRun(string Reason) : RunCommand;
