using System.Globalization;
using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Text;

namespace ApprovalWorkflow.Notifications;

/// <summary>
/// Who the emails come from and go to beyond the registered members, when reminders go out, and how a
/// send is retried. Read and checked once at start, like <see cref="WorkflowSettings"/>: a malformed
/// value stops the app with a message naming the setting.
/// </summary>
public sealed class NotificationSettings
{
    /// <summary>SendGrid's API key (<c>SendGrid:ApiKey</c>); empty means emails are planned and recorded as failed to send.</summary>
    public required string SendGridApiKey { get; init; }

    /// <summary>SendGrid's base address (<c>SendGrid:Host</c>); empty for SendGrid's own (https://api.sendgrid.com).</summary>
    public required string? SendGridHost { get; init; }

    public required string FromEmail { get; init; }

    public required string FromName { get; init; }

    /// <summary>Democratic Services' shared mailbox (<c>Notifications:DemocraticServicesEmail</c>): publication deadlines and their reminders.</summary>
    public required string? DemocraticServicesEmail { get; init; }

    /// <summary>The Executive's mailbox (<c>Notifications:ExecutiveEmail</c>), e.g. the Mayor's office; with the Cabinet body's members.</summary>
    public required string? ExecutiveEmail { get; init; }

    /// <summary>Working days before the publication deadline that Democratic Services is reminded (0: no reminder).</summary>
    public required int PublicationDeadlineReminderWorkingDays { get; init; }

    /// <summary>Working days before the reconsideration period's last day that the Executive is reminded (0: no reminder).</summary>
    public required int PeriodEndReminderWorkingDays { get; init; }

    /// <summary>The time of day (in the council's zone) a reminder goes out; 09:00 unless <c>Reminders:TimeOfDay</c> says otherwise.</summary>
    public required LocalTime ReminderTimeOfDay { get; init; }

    /// <summary>Attempts at one email when SendGrid answers 429, 5xx or times out (<c>Notifications:SendAttempts</c>, 5).</summary>
    public required int SendAttempts { get; init; }

    /// <summary>The wait after the first failed attempt, doubling each time (<c>Notifications:FirstRetrySeconds</c>, 2).</summary>
    public required TimeSpan FirstRetryInterval { get; init; }

    /// <summary>How long one call to SendGrid may take before it counts as timed out (<c>SendGrid:TimeoutSeconds</c>, 30).</summary>
    public required TimeSpan SendTimeout { get; init; }

    public static NotificationSettings From(IConfiguration configuration)
    {
        var sendGrid = configuration.GetSection("SendGrid");
        var notifications = configuration.GetSection("Notifications");
        var reminders = configuration.GetSection("Reminders");

        string timeText = reminders["TimeOfDay"] is { Length: > 0 } t ? t : "09:00";
        var time = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(timeText);
        if (!time.Success)
        {
            throw new InvalidOperationException($"Setting Reminders:TimeOfDay is '{timeText}': it must be a time of day as HH:mm, e.g. 09:00.");
        }

        string? host = sendGrid["Host"] is { Length: > 0 } h ? h : null;
        if (host is not null && !Uri.TryCreate(host, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"Setting SendGrid:Host is '{host}': it must be an absolute URL such as https://api.sendgrid.com.");
        }

        return new NotificationSettings
        {
            SendGridApiKey = sendGrid["ApiKey"] ?? "",
            SendGridHost = host,
            FromEmail = Email(sendGrid, "FromEmail", "democratic.services@example.gov.uk")!,
            FromName = sendGrid["FromName"] is { Length: > 0 } name ? name : "Democratic Services",
            DemocraticServicesEmail = Email(notifications, "DemocraticServicesEmail", null),
            ExecutiveEmail = Email(notifications, "ExecutiveEmail", null),
            PublicationDeadlineReminderWorkingDays = SettingValues.Whole(reminders, "PublicationDeadlineWorkingDays", 2, 0, 20),
            PeriodEndReminderWorkingDays = SettingValues.Whole(reminders, "PeriodEndWorkingDays", 2, 0, 20),
            ReminderTimeOfDay = time.Value,
            SendAttempts = SettingValues.Whole(notifications, "SendAttempts", 5, 1, 20),
            FirstRetryInterval = TimeSpan.FromSeconds(SettingValues.Seconds(notifications, "FirstRetrySeconds", 2, 0.01, 600)),
            SendTimeout = TimeSpan.FromSeconds(SettingValues.Seconds(sendGrid, "TimeoutSeconds", 30, 1, 300)),
        };
    }

    static string? Email(IConfigurationSection section, string key, string? fallback)
    {
        string? value = section[key] is { Length: > 0 } v ? v.Trim() : fallback;
        if (value is not null && (!value.Contains('@') || value.Contains(' ')))
        {
            throw new InvalidOperationException($"Setting {section.Path}:{key} is '{value}': it must be an email address.");
        }

        return value;
    }
}
