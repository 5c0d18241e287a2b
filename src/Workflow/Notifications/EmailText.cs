using System.Globalization;
using System.Net;
using System.Text;
using ApprovalWorkflow.Procedure;
using NodaTime;
using NodaTime.Text;

namespace ApprovalWorkflow.Notifications;

/// <summary>
/// An email's body built once and written twice, as plain text and as HTML: a greeting, paragraphs,
/// labelled facts, a list, and the one thing the reader must do. Everything written into the HTML is encoded.
/// </summary>
internal sealed class EmailText
{
    static readonly LocalDatePattern WithDay = LocalDatePattern.Create("dddd d MMMM uuuu", CultureInfo.InvariantCulture);

    readonly StringBuilder text = new();
    readonly StringBuilder html = new();

    /// <summary>"Monday 25 June 2012".</summary>
    public static string DateWithDay(LocalDate date) => WithDay.Format(date);

    /// <summary>"19:00".</summary>
    public static string Time(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public EmailText Greeting(string to)
    {
        text.Append("Dear ").Append(to).Append(",\n\n");
        html.Append("<p>Dear ").Append(Encode(to)).Append(",</p>\n");
        return this;
    }

    public EmailText Paragraph(string sentence)
    {
        text.Append(sentence).Append("\n\n");
        html.Append("<p>").Append(Encode(sentence)).Append("</p>\n");
        return this;
    }

    /// <summary>Label and value pairs, e.g. "Date: Wednesday 11 July 2012"; null values are left out.</summary>
    public EmailText Facts(params (string Label, string? Value)[] facts)
    {
        html.Append("<table style=\"border-collapse:collapse\">\n");
        foreach (var (label, value) in facts.Where(f => f.Value is not null))
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
            html.Append("<tr><th style=\"text-align:left;padding:2px 12px 2px 0;vertical-align:top\">").Append(Encode(label))
                .Append("</th><td style=\"padding:2px 0\">").Append(Encode(value!)).Append("</td></tr>\n");
        }

        text.Append('\n');
        html.Append("</table>\n");
        return this;
    }

    public EmailText Heading(string heading)
    {
        text.Append(heading).Append('\n').Append(new string('-', heading.Length)).Append('\n');
        html.Append("<h3>").Append(Encode(heading)).Append("</h3>\n");
        return this;
    }

    public EmailText List(IEnumerable<string> items)
    {
        html.Append("<ul>\n");
        foreach (var item in items)
        {
            text.Append("- ").Append(item.ReplaceLineEndings("\n  ")).Append('\n');
            html.Append("<li>").Append(Encode(item)).Append("</li>\n");
        }

        text.Append('\n');
        html.Append("</ul>\n");
        return this;
    }

    /// <summary>What the reader must do, set apart so it cannot be missed.</summary>
    public EmailText ToDo(string action)
    {
        text.Append("What you need to do: ").Append(action).Append("\n\n");
        html.Append("<p style=\"border-left:4px solid #1d70b8;padding:8px 12px;background:#f3f2f1\"><strong>What you need to do:</strong> ")
            .Append(Encode(action)).Append("</p>\n");
        return this;
    }

    public EmailText Footer(string runId, string title, string fromName)
    {
        string line = $"Sent by {fromName} for the approval run \"{title}\" ({runId}). The attached calendar entry keeps your calendar up to date; a later email about the same date replaces it.";
        text.Append("--\n").Append(line).Append('\n');
        html.Append("<hr><p style=\"color:#505a5f;font-size:smaller\">").Append(Encode(line)).Append("</p>\n");
        return this;
    }

    public string Text => text.ToString().TrimEnd() + "\n";

    public string Html => "<!DOCTYPE html>\n<html><body style=\"font-family:Arial,sans-serif;font-size:15px\">\n" + html + "</body></html>\n";

    static string Encode(string value) => WebUtility.HtmlEncode(value).Replace("\n", "<br>");

    /// <summary>"Wednesday 11 July 2012 at 19:00, Council Chamber".</summary>
    public static string MeetingWhen(ScheduledMeeting meeting) =>
        DateWithDay(meeting.Date) + $" at {Time(meeting.StartsAt ?? RunCalendar.DefaultMeetingStart)}" +
        (meeting.StartsAt is null ? " (time to be confirmed)" : "") +
        (meeting.Location is { Length: > 0 } where ? $", {where}" : "");

    /// <summary>"Amendment 1, moved by ..., seconded by ...: text".</summary>
    public static string AmendmentLine(Amendment amendment) =>
        $"Amendment {amendment.Number}, moved by {amendment.Mover} and seconded by {amendment.Seconder}: {amendment.Text}";

    /// <summary>"Amendment 1: not accepted. Reasons: ..." as far as the Executive has answered.</summary>
    public static string ResponseLine(AmendmentRecord record)
    {
        string answer = record.Response switch
        {
            ExecutiveResponse.Accepted => "accepted by the Executive; it is part of the revised draft",
            ExecutiveResponse.AcceptedWithModification m => $"accepted by the Executive with a modification, now reading: {m.ModifiedText}",
            ExecutiveResponse.NotAccepted when record.ResponseDeemed => "not answered within the reconsideration period, so it counts as not accepted",
            ExecutiveResponse.NotAccepted n => $"not accepted by the Executive. Reasons: {n.Reasons}",
            _ => "not yet answered by the Executive",
        };
        return $"Amendment {record.Number} ({record.Amendment.Mover}): {answer}";
    }
}
