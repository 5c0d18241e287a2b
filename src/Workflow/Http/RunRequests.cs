using ApprovalWorkflow.Procedure;
using NodaTime;

namespace ApprovalWorkflow.Http;

// The bodies of the API's requests: what a clerk or officer sends. Every field is nullable so that a
// missing one is reported by name (400), never as a deserialisation crash.

public sealed record StartRunRequest(
    string? Title, string? Template, IReadOnlyList<Stage>? Stages, ExecutiveArrangement? Executive,
    string? InsistThreshold, int? FinancialYearStarting);

public sealed record RegisterBodyRequest(string? Id, string? Name, IReadOnlyList<Member>? Members, QuorumRequest? Quorum);

public sealed record QuorumRequest(int Numerator, int Denominator);

public sealed record ScheduleMeetingRequest(string? MeetingId, string? StageId, LocalDate? Date, LocalTime? StartsAt, string? Location);

public sealed record ReasonRequest(string? Reason);

/// <summary>A vote as the clerk records it: counts, or named votes from which the counts follow.</summary>
public sealed record VoteRequest(int? Present, int? For, int? Against, int? Abstain, VoteChoice? CastingVote, IReadOnlyList<NamedVote>? Named)
{
    public Vote ToVote() =>
        Named is { Count: > 0 } && For is null && Against is null && Abstain is null
            ? Vote.FromNames(Present ?? Named.Count, Named, CastingVote)
            : new Vote(Present ?? 0, For ?? 0, Against ?? 0, Abstain ?? 0, CastingVote, Named is { Count: > 0 } ? Named : null);
}

public sealed record StageApprovalRequest(bool? Approved, VoteRequest? Vote, string? Notes);

public sealed record ConsultationRequest(string? MeetingId, LocalDate? ConsultedOn, IReadOnlyList<string>? Recommendations, string? Response);

public sealed record CabinetDecisionRequest(CabinetDecision? Decision, VoteRequest? Vote, string? Notes);

/// <summary>Full Council's decision at its first meeting on the plan.</summary>
public sealed record CouncilDecisionRequest(
    string? Outcome, VoteRequest? Vote, IReadOnlyList<Amendment>? Amendments, LocalDate? InstructionsReceivedOn, LocalDate? PeriodEndsOn);

public sealed record ExecutiveResponseRequest(LocalDate? RespondedOn, IReadOnlyList<AmendmentResponse>? Responses, string? RevisedDraftNote);

public sealed record InsistVoteRequest(int? AmendmentNumber, VoteRequest? Vote);

public sealed record FinalDecisionRequest(VoteRequest? Vote);
