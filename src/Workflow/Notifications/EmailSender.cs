using System.Text;
using ApprovalWorkflow.Procedure;
using ApprovalWorkflow.Record;
using Microsoft.Extensions.Logging;
using NodaTime.Text;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace ApprovalWorkflow.Notifications;

/// <summary>One attempt at an email: its number of the most there may be, and why to skip it instead (a reminder whose moment had passed).</summary>
public sealed record SendEmailAttempt(EmailToSend Email, int Attempt, int MaxAttempts, string? SkipBecause = null);

/// <summary>What the attempt came to: sent, failed or skipped (all on the record), or retry (not on the record).</summary>
public sealed record SendEmailResult(string Outcome, int? HttpStatus, string? MessageId, string? Error);

/// <summary>
/// The send activity's work, shared by both hosts: one attempt at one email through the SendGrid client.
/// An email already on the record is never sent again. SendGrid's 2xx is recorded sent with its
/// <c>X-Message-Id</c>; a 429, a 5xx or a timeout asks for another attempt until the last, which is recorded
/// failed; any other answer (a 4xx: the message or the key is wrong) is recorded failed at once, with
/// SendGrid's status and error body. A reminder that is no longer due (its meeting cancelled, the period
/// over, the run ended) is recorded skipped.
/// </summary>
public sealed class EmailSender
{
    readonly SendGridClient? client;
    readonly DeliveryLog log;
    readonly RunRecord record;
    readonly NotificationSettings settings;
    readonly ILogger<EmailSender> logger;

    public EmailSender(DeliveryLog log, RunRecord record, NotificationSettings settings, ILogger<EmailSender> logger)
    {
        this.log = log;
        this.record = record;
        this.settings = settings;
        this.logger = logger;
        if (settings.SendGridApiKey.Length > 0)
        {
            var options = new SendGridClientOptions { ApiKey = settings.SendGridApiKey };
            if (settings.SendGridHost is { } host)
            {
                options.Host = host;
            }

            client = new SendGridClient(new HttpClient { Timeout = settings.SendTimeout }, options);
        }
    }

    public async Task<SendEmailResult> AttemptAsync(SendEmailAttempt attempt, CancellationToken cancellationToken = default)
    {
        var email = attempt.Email;
        if (await log.FindAsync(email.RunId, email.Id, cancellationToken) is { } done)
        {
            return Result(done);
        }

        if (attempt.SkipBecause is { } skip)
        {
            return Result(await RecordAsync(email, DeliveryOutcomes.Skipped, attempt.Attempt - 1, null, null, skip, cancellationToken));
        }

        if (email.OnlyIf is { } condition && await NoLongerDueAsync(email.RunId, condition, cancellationToken) is { } gone)
        {
            return Result(await RecordAsync(email, DeliveryOutcomes.Skipped, attempt.Attempt - 1, null, null, gone, cancellationToken));
        }

        if (client is null)
        {
            return Result(await RecordAsync(email, DeliveryOutcomes.Failed, attempt.Attempt - 1, null, null,
                "No SendGrid API key is configured (setting SendGrid:ApiKey).", cancellationToken));
        }

        Response response;
        try
        {
            response = await client.SendEmailAsync(Message(email), cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            string what = e is TaskCanceledException ? $"SendGrid did not answer within {settings.SendTimeout.TotalSeconds:0.#} s" : $"SendGrid could not be reached: {e.Message}";
            return await TransientAsync(attempt, null, what, cancellationToken);
        }

        int status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            string? messageId = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
            logger.LogInformation("Email {EmailId} ({Kind}) sent to {Count} recipient(s), message {MessageId}", email.Id, email.Kind, email.To.Count, messageId);
            return Result(await RecordAsync(email, DeliveryOutcomes.Sent, attempt.Attempt, status, messageId, null, cancellationToken));
        }

        string body = await response.Body.ReadAsStringAsync(cancellationToken);
        if (status == 429 || status >= 500)
        {
            return await TransientAsync(attempt, status, body, cancellationToken);
        }

        logger.LogWarning("Email {EmailId} refused by SendGrid with {Status}: {Body}", email.Id, status, body);
        return Result(await RecordAsync(email, DeliveryOutcomes.Failed, attempt.Attempt, status, null, body, cancellationToken));
    }

    async Task<SendEmailResult> TransientAsync(SendEmailAttempt attempt, int? status, string error, CancellationToken cancellationToken)
    {
        if (attempt.Attempt < attempt.MaxAttempts)
        {
            logger.LogInformation("Email {EmailId}: attempt {Attempt} met {Status} {Error}; trying again", attempt.Email.Id, attempt.Attempt, status, error);
            return new SendEmailResult(DeliveryOutcomes.Retry, status, null, error);
        }

        logger.LogWarning("Email {EmailId}: gave up after {Attempts} attempts; last answer {Status} {Error}", attempt.Email.Id, attempt.Attempt, status, error);
        return Result(await RecordAsync(attempt.Email, DeliveryOutcomes.Failed, attempt.Attempt, status, null,
            $"Gave up after {attempt.Attempt} attempts. Last answer: {error}", cancellationToken));
    }

    /// <summary>Why the reminder is no longer due, or null when it still is.</summary>
    async Task<string?> NoLongerDueAsync(string runId, StillDue condition, CancellationToken cancellationToken)
    {
        var state = RunEvents.Fold(await record.LoadAsync(runId, cancellationToken));
        var deadline = LocalDatePattern.Iso.Parse(condition.Deadline).GetValueOrThrow();
        if (state.IsEnded)
        {
            return $"The run has ended: {state.OutcomeInWords}.";
        }

        switch (condition.What)
        {
            case "papers":
                var meeting = condition.MeetingId is null ? null : state.FindMeeting(condition.MeetingId);
                if (meeting is null || meeting.IsCancelled) return "The meeting was cancelled.";
                if (meeting.PublishPapersBy != deadline) return $"The papers are now due by {ClerkText.Date(meeting.PublishPapersBy)}.";
                if (state.Decisions.Any(d => d.MeetingId == meeting.Id)) return "The meeting has taken place.";
                return null;
            case "period":
                if (state.Referral is not { } referral || referral.PeriodEnded) return "The reconsideration period has ended.";
                if (referral.PeriodLastDay != deadline) return $"The period now ends on {ClerkText.Date(referral.PeriodLastDay)}.";
                if (state.Amendments.All(a => a.IsAnswered)) return "The Executive has answered every amendment.";
                return null;
            default:
                return null;
        }
    }

    SendGridMessage Message(EmailToSend email)
    {
        var message = MailHelper.CreateSingleEmailToMultipleRecipients(
            new EmailAddress(settings.FromEmail, settings.FromName),
            email.To.Select(r => new EmailAddress(r.Email, r.Name)).ToList(),
            email.Subject, email.Text, email.Html,
            showAllRecipients: false);
        if (email.Ics is { } ics)
        {
            message.AddAttachment(ics.FileName, Convert.ToBase64String(Encoding.UTF8.GetBytes(ics.Content)),
                $"text/calendar; charset=utf-8; method={ics.Method}", "attachment");
        }

        message.CustomArgs = new Dictionary<string, string> { ["email_id"] = email.Id, ["run_id"] = email.RunId, ["kind"] = email.Kind };
        return message;
    }

    Task<EmailDelivery> RecordAsync(
        EmailToSend email, string outcome, int attempts, int? status, string? messageId, string? error, CancellationToken cancellationToken) =>
        log.RecordAsync(email.RunId, new EmailDelivery(
            email.Id, email.Kind, outcome, email.To.Select(r => r.Email).ToList(), email.Subject, attempts, status, messageId,
            error is { Length: > 2000 } ? error[..2000] : error, email.SendAtUtc, email.CausedBySequence, DateTimeOffset.UtcNow), cancellationToken);

    static SendEmailResult Result(EmailDelivery delivery) => new(delivery.Outcome, delivery.HttpStatus, delivery.MessageId, delivery.Error);
}
