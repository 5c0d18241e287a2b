using System.Net;
using System.Text;
using System.Text.Json;

namespace ApprovalWorkflow.LocalHost.SendGridStandIn;

/// <summary>
/// Maps the stand-in on the LocalHost's own Kestrel, under <c>/sendgrid</c>:
/// <c>POST /sendgrid/v3/mail/send</c> (SendGrid's API), <c>GET /sendgrid/</c> (a page of the captured mail),
/// <c>GET /sendgrid/messages</c> (JSON; filter with ?runId=, ?emailId=, ?kind=, ?to=), an attachment's download, the log
/// of every request (<c>GET /sendgrid/requests</c>) and fault injection (<c>POST /sendgrid/faults</c>
/// with <c>{"statuses":[500,500],"to":"optional@address"}</c>; <c>DELETE</c> clears). When no
/// <c>SendGrid:ApiKey</c> is configured the workflow's SendGrid client is pointed here with the stand-in's key.
/// </summary>
public static class SendGridStandInEndpoints
{
    /// <summary>The stand-in's key unless <c>SendGridStandIn:ApiKey</c> sets another.</summary>
    public const string DefaultApiKey = "SG.local-stand-in.key";

    public static WebApplicationBuilder AddSendGridStandIn(this WebApplicationBuilder builder, int apiPort)
    {
        var configuration = builder.Configuration;
        string key = configuration["SendGridStandIn:ApiKey"] is { Length: > 0 } configured ? configured : DefaultApiKey;
        if (string.IsNullOrEmpty(configuration["SendGrid:ApiKey"]))
        {
            // No real SendGrid: the workflow's SendGrid client talks to the stand-in on this host.
            configuration["SendGrid:ApiKey"] = key;
            configuration["SendGrid:Host"] = $"http://127.0.0.1:{apiPort}/sendgrid/";
        }

        builder.Services.AddSingleton(new SendGridStandIn(key));
        return builder;
    }

    public static WebApplication MapSendGridStandIn(this WebApplication app)
    {
        var group = app.MapGroup("/sendgrid");
        group.MapPost("/v3/mail/send", MailSend);
        group.MapGet("/", Page);
        group.MapGet("/messages", Messages);
        group.MapGet("/messages/{messageId}/attachments/{index:int}", Attachment);
        group.MapGet("/requests", Requests);
        group.MapPost("/faults", AddFaults);
        group.MapGet("/faults", (SendGridStandIn standIn) => Results.Json(new { pending = standIn.PendingFaults() }));
        group.MapDelete("/faults", ClearFaults);
        return app;
    }

    static async Task<IResult> MailSend(HttpContext http, SendGridStandIn standIn)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        string body = await reader.ReadToEndAsync(http.RequestAborted);
        var (status, messageId, answer) = standIn.Receive(http.Request.Headers.Authorization.ToString(), body);
        if (messageId is not null)
        {
            http.Response.Headers["X-Message-Id"] = messageId;
        }

        return answer is null ? Results.StatusCode(status) : Results.Content(answer, "application/json", Encoding.UTF8, status);
    }

    static IResult Messages(HttpContext http, SendGridStandIn standIn)
    {
        var query = http.Request.Query;
        string? runId = query["runId"].FirstOrDefault(), kind = query["kind"].FirstOrDefault(), to = query["to"].FirstOrDefault();
        string? emailId = query["emailId"].FirstOrDefault();
        var messages = standIn.Mail
            .Where(m => runId is null || m.CustomArgs.GetValueOrDefault("run_id") == runId)
            .Where(m => emailId is null || m.CustomArgs.GetValueOrDefault("email_id") == emailId)
            .Where(m => kind is null || m.CustomArgs.GetValueOrDefault("kind") == kind)
            .Where(m => to is null || m.To.Contains(to, StringComparer.OrdinalIgnoreCase))
            .ToList();
        return Results.Json(new { count = messages.Count, messages }, Json);
    }

    static IResult Requests(HttpContext http, SendGridStandIn standIn)
    {
        string? emailId = http.Request.Query["emailId"].FirstOrDefault();
        var requests = standIn.Requests.Where(r => emailId is null || r.EmailId == emailId).ToList();
        return Results.Json(new { count = requests.Count, requests }, Json);
    }

    static IResult Attachment(string messageId, int index, SendGridStandIn standIn)
    {
        var message = standIn.Mail.FirstOrDefault(m => m.MessageId == messageId);
        if (message is null || index < 0 || index >= message.Attachments.Count)
        {
            return Results.NotFound();
        }

        var attachment = message.Attachments[index];
        return Results.File(Convert.FromBase64String(attachment.ContentBase64), attachment.Type, attachment.FileName);
    }

    static async Task<IResult> AddFaults(HttpContext http, SendGridStandIn standIn)
    {
        FaultPlan? plan;
        try
        {
            plan = await JsonSerializer.DeserializeAsync<FaultPlan>(http.Request.Body, Json, http.RequestAborted);
        }
        catch (JsonException e)
        {
            return Results.BadRequest(new { error = $"Send {{\"statuses\":[500,500],\"to\":\"optional@address\"}}: {e.Message}" });
        }

        if (plan?.Statuses is not { Count: > 0 } statuses || statuses.Any(s => s is < 100 or > 599))
        {
            return Results.BadRequest(new { error = "statuses must list HTTP statuses (100-599) to answer, in order, e.g. [500, 500]." });
        }

        standIn.AddFaults(plan);
        return Results.Json(new { pending = standIn.PendingFaults() });
    }

    static IResult ClearFaults(SendGridStandIn standIn)
    {
        standIn.ClearFaults();
        return Results.NoContent();
    }

    /// <summary>Every captured message, newest first, with its bodies and its attachments (calendar entries shown as text).</summary>
    static IResult Page(SendGridStandIn standIn)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>SendGrid stand-in</title>")
            .Append("<style>body{font-family:Arial,sans-serif;margin:24px}article{border:1px solid #b1b4b6;margin:12px 0;padding:12px}")
            .Append("pre{white-space:pre-wrap;background:#f3f2f1;padding:8px}iframe{width:100%;height:320px;border:1px solid #ddd}small{color:#505a5f}</style></head><body>")
            .Append("<h1>SendGrid stand-in</h1><p>Mail the LocalHost sent through the SendGrid client, newest first. ")
            .Append("JSON: <a href=\"messages\">messages</a>, <a href=\"requests\">requests</a>, <a href=\"faults\">faults</a>.</p>");
        var mail = standIn.Mail.Reverse().ToList();
        html.Append("<p>").Append(mail.Count).Append(" message(s).</p>");
        foreach (var m in mail)
        {
            html.Append("<article><h2>").Append(E(m.Subject)).Append("</h2><small>")
                .Append(E(m.ReceivedAt.ToString("u"))).Append(" · message ").Append(E(m.MessageId))
                .Append(" · ").Append(E(string.Join(", ", m.CustomArgs.Select(a => $"{a.Key}={a.Value}")))).Append("</small>")
                .Append("<p><b>From:</b> ").Append(E($"{m.FromName} <{m.From}>")).Append("<br><b>To</b> (each on their own): ")
                .Append(E(string.Join(", ", m.To))).Append("</p>")
                .Append("<details open><summary>Text</summary><pre>").Append(E(m.Text)).Append("</pre></details>")
                .Append("<details><summary>HTML</summary><iframe sandbox srcdoc=\"").Append(E(m.Html)).Append("\"></iframe></details>");
            for (int i = 0; i < m.Attachments.Count; i++)
            {
                var a = m.Attachments[i];
                html.Append("<details><summary>Attachment <a href=\"messages/").Append(Uri.EscapeDataString(m.MessageId)).Append("/attachments/").Append(i)
                    .Append("\">").Append(E(a.FileName)).Append("</a> (").Append(E(a.Type)).Append(", ").Append(a.Size).Append(" bytes)</summary>");
                if (a.Text is not null)
                {
                    html.Append("<pre>").Append(E(a.Text)).Append("</pre>");
                }

                html.Append("</details>");
            }

            html.Append("</article>");
        }

        html.Append("</body></html>");
        return Results.Content(html.ToString(), "text/html", Encoding.UTF8);
    }

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
