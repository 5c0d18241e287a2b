using NodaTime;

namespace ApprovalWorkflow.Procedure;

/// <summary>
/// What the decider needs besides the run: today's date in Europe/London (from the orchestration's clock),
/// the working-day calendar, and the registered bodies by id.
/// </summary>
public sealed record DecisionContext(LocalDate Today, WorkingDayCalendar Calendar, IReadOnlyDictionary<string, Body> Bodies);

/// <summary>Why a command was refused, and so which HTTP status answers it.</summary>
public enum RefusalKind
{
    /// <summary>The command is not one the run's current stage takes (HTTP 409).</summary>
    WrongStage,

    /// <summary>A vote, date or value the rules refuse (HTTP 422).</summary>
    BreaksRule,

    /// <summary>The run has ended and never changes again (HTTP 409).</summary>
    RunEnded,

    /// <summary>
    /// A different decision or vote for a motion already decided (HTTP 409): someone recorded it first,
    /// e.g. two clerks racing on one run; the recorded one stands.
    /// </summary>
    AlreadyDecided,
}

/// <summary>
/// A refusal a clerk can act on: <paramref name="Reason"/> says why in a sentence with real dates;
/// <paramref name="Expected"/> says what the run accepts now.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Reason, string Expected);

/// <summary>The outcome of <see cref="ApprovalRun.Decide"/>: a closed set.</summary>
public abstract record Decision
{
    private Decision() { }

    /// <summary>
    /// The command is accepted: record <paramref name="Events"/> in order (none when the command repeats
    /// something already recorded) and show <paramref name="Warnings"/> (e.g. the 11 March budget deadline).
    /// </summary>
    public sealed record Accepted(IReadOnlyList<RunEvent> Events, IReadOnlyList<string> Warnings) : Decision;

    /// <summary>The command is refused; nothing is recorded.</summary>
    public sealed record Refused(Refusal Refusal) : Decision;
}
