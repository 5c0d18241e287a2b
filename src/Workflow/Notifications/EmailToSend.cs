namespace ApprovalWorkflow.Notifications;

/// <summary>
/// One email a run sends: who to, what it says, its calendar entry, and when (now, or at a reminder's moment).
/// Its <see cref="Id"/> is derived from the recorded event that caused it (<c>email-{runId}-{sequence}-{slot}</c>),
/// so planning the same event again gives the same id, and its delivery orchestration (whose instance id it
/// is) and its row on the record both exist at most once. Only plain types here: it travels through the
/// engine's history as JSON.
/// </summary>
/// <param name="Kind">What the email is about: one of <see cref="EmailKinds"/>.</param>
/// <param name="CausedBySequence">The sequence number, on the run's record, of the event that caused it.</param>
/// <param name="SendAtUtc">For a reminder, the moment it goes out; null to send at once.</param>
/// <param name="OnlyIf">For a reminder, what must still be true when it goes out (the meeting still stands, the period still runs).</param>
/// <param name="Policy">How often and how soon to try again after a 429, a 5xx or a timeout (carried here because the engine
/// makes orchestrators without the app's services).</param>
public sealed record EmailToSend(
    string Id,
    string RunId,
    string Kind,
    IReadOnlyList<Recipient> To,
    string Subject,
    string Text,
    string Html,
    IcsAttachment? Ics,
    DateTime? SendAtUtc,
    long CausedBySequence,
    StillDue? OnlyIf = null,
    DeliveryPolicy? Policy = null);

/// <summary>Up to <paramref name="Attempts"/> attempts; the wait after the first failed one is <paramref name="FirstRetrySeconds"/>, doubling.</summary>
public sealed record DeliveryPolicy(int Attempts, double FirstRetrySeconds)
{
    public static DeliveryPolicy Default { get; } = new(5, 2);
}

/// <summary>One addressee; each gets the email on its own, never seeing the others' addresses.</summary>
public sealed record Recipient(string Email, string? Name);

/// <summary>The iCalendar attachment: <paramref name="Method"/> is PUBLISH for a date, CANCEL when it no longer stands.</summary>
public sealed record IcsAttachment(string FileName, string Method, string Content);

/// <summary>
/// What a reminder checks on the run's record just before it goes out: <paramref name="What"/> is
/// <c>papers</c> (the meeting <paramref name="MeetingId"/> still stands, undecided, with papers due on
/// <paramref name="Deadline"/>) or <c>period</c> (the reconsideration period ending on <paramref name="Deadline"/>
/// still runs with an amendment unanswered). <paramref name="Deadline"/> is an ISO date.
/// </summary>
public sealed record StillDue(string What, string? MeetingId, string Deadline);

/// <summary>The kinds of email a run sends.</summary>
public static class EmailKinds
{
    /// <summary>To the body's members: a meeting of theirs is scheduled.</summary>
    public const string Meeting = "meeting";

    /// <summary>To Democratic Services: the deadline for publishing a meeting's papers.</summary>
    public const string PapersDeadline = "papers-deadline";

    /// <summary>To Democratic Services, before the publication deadline.</summary>
    public const string PapersReminder = "papers-reminder";

    /// <summary>To the body's members and Democratic Services: a meeting is cancelled.</summary>
    public const string MeetingCancelled = "meeting-cancelled";

    /// <summary>To the Executive: Council referred the plan back, with the amendments and the period.</summary>
    public const string Referral = "referral";

    /// <summary>To the Executive, before the reconsideration period ends.</summary>
    public const string PeriodEndReminder = "period-end-reminder";

    /// <summary>To all councillors (and the Executive): Council's meeting for its final decision, with the revised draft and the reasons.</summary>
    public const string ReconsiderationMeeting = "reconsideration-meeting";

    /// <summary>To everyone involved: the run's outcome.</summary>
    public const string Outcome = "outcome";
}

/// <summary>What became of one email, as its delivery orchestration reports it.</summary>
public static class DeliveryOutcomes
{
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Skipped = "skipped";

    /// <summary>Not on the record: the attempt met a 429, a 5xx or a timeout, and another attempt is due.</summary>
    public const string Retry = "retry";
}
