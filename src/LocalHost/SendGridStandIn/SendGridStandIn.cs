using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApprovalWorkflow.LocalHost.SendGridStandIn;

/// <summary>An attachment as SendGrid received it: base64 content, and the text when it is text (an .ics).</summary>
public sealed record CapturedAttachment(string FileName, string Type, string ContentBase64, string? Text, int Size);

/// <summary>One message the stand-in accepted (202), as the real SendGrid would have queued it.</summary>
public sealed record CapturedMail(
    string MessageId,
    DateTimeOffset ReceivedAt,
    string From,
    string? FromName,
    IReadOnlyList<string> To,
    int Personalizations,
    string Subject,
    string? Text,
    string? Html,
    IReadOnlyList<CapturedAttachment> Attachments,
    IReadOnlyDictionary<string, string> CustomArgs);

/// <summary>One request to <c>/v3/mail/send</c> and what the stand-in answered.</summary>
public sealed record StandInRequest(DateTimeOffset At, int Status, string? EmailId, IReadOnlyList<string> To, string? MessageId);

/// <summary>Answers the stand-in gives instead of 202: the next requests (addressed to <paramref name="To"/>, or any) get these statuses in order.</summary>
public sealed record FaultPlan(IReadOnlyList<int> Statuses, string? To);

/// <summary>
/// A local stand-in for SendGrid's <c>POST /v3/mail/send</c>, so the LocalHost sends real email requests
/// through the real SendGrid client with no account: it checks the bearer key (401 otherwise) and the
/// message's shape the way SendGrid does (400 with SendGrid's errors JSON), answers 202 with an
/// <c>X-Message-Id</c>, and keeps every accepted message in memory to be read back as JSON or on a page.
/// Faults can be injected: the next answers are given statuses (e.g. 500, 500), then 202 again.
/// </summary>
public sealed class SendGridStandIn(string apiKey)
{
    const int Keep = 10_000;

    readonly ConcurrentQueue<CapturedMail> mail = new();
    readonly ConcurrentQueue<StandInRequest> requests = new();
    readonly List<(int Status, string? To)> faults = [];

    public string ApiKey { get; } = apiKey;

    public IReadOnlyList<CapturedMail> Mail => mail.ToArray();

    public IReadOnlyList<StandInRequest> Requests => requests.ToArray();

    public void AddFaults(FaultPlan plan)
    {
        lock (faults)
        {
            faults.AddRange(plan.Statuses.Select(s => (s, plan.To)));
        }
    }

    public IReadOnlyList<object> PendingFaults()
    {
        lock (faults)
        {
            return faults.Select(f => (object)new { status = f.Status, to = f.To }).ToList();
        }
    }

    public void ClearFaults()
    {
        lock (faults)
        {
            faults.Clear();
        }
    }

    /// <summary>What SendGrid would answer to this request: status, headers, body.</summary>
    public (int Status, string? MessageId, string? Body) Receive(string? authorization, string body)
    {
        if (!Authorized(authorization))
        {
            return Answer(401, null, [], Errors(("The provided authorization grant is invalid, expired, or revoked", null, null)));
        }

        JsonObject? json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            json = null;
        }

        if (json is null)
        {
            return Answer(400, null, [], Errors(("Bad Request", null, null)));
        }

        var to = Recipients(json);
        string? emailId = json["custom_args"]?["email_id"]?.GetValue<string>();
        int? fault = TakeFault(to);
        if (fault is int injected)
        {
            return Answer(injected, emailId, to, Errors(($"The stand-in was told to answer {injected} (POST /sendgrid/faults).", null, null)));
        }

        var problems = Validate(json);
        if (problems.Count > 0)
        {
            return Answer(400, emailId, to, Errors(problems.ToArray()));
        }

        string messageId = NewMessageId();
        mail.Enqueue(Capture(json, messageId, to));
        while (mail.Count > Keep && mail.TryDequeue(out _))
        {
        }

        requests.Enqueue(new StandInRequest(DateTimeOffset.UtcNow, 202, emailId, to, messageId));
        return (202, messageId, null);
    }

    (int, string?, string?) Answer(int status, string? emailId, IReadOnlyList<string> to, string body)
    {
        requests.Enqueue(new StandInRequest(DateTimeOffset.UtcNow, status, emailId, to, null));
        while (requests.Count > Keep && requests.TryDequeue(out _))
        {
        }

        return (status, null, body);
    }

    bool Authorized(string? authorization)
    {
        const string Bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Bearer, StringComparison.Ordinal))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(authorization[Bearer.Length..])), SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey)));
    }

    int? TakeFault(IReadOnlyList<string> to)
    {
        lock (faults)
        {
            int index = faults.FindIndex(f => f.To is null || to.Contains(f.To, StringComparer.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            int status = faults[index].Status;
            faults.RemoveAt(index);
            return status;
        }
    }

    /// <summary>The checks SendGrid makes before it accepts a message, with its wording and field paths.</summary>
    static List<(string Message, string? Field, string? Help)> Validate(JsonObject json)
    {
        const string Help = "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.";
        var problems = new List<(string, string?, string?)>();
        var personalizations = json["personalizations"] as JsonArray;
        if (personalizations is null || personalizations.Count == 0)
        {
            problems.Add(("The personalizations field is required and must have at least one personalization.", "personalizations", Help + "personalizations"));
        }
        else
        {
            int total = 0;
            for (int i = 0; i < personalizations.Count; i++)
            {
                var toList = personalizations[i]?["to"] as JsonArray;
                if (toList is null || toList.Count == 0)
                {
                    problems.Add(("The to array is required for all personalization objects, and must have at least one email object with a valid email address.",
                        $"personalizations.{i}.to", Help + "personalizations.to"));
                    continue;
                }

                for (int j = 0; j < toList.Count; j++)
                {
                    total++;
                    if (!ValidAddress(toList[j]?["email"]))
                    {
                        problems.Add(("Does not contain a valid address.", $"personalizations.{i}.to.{j}.email", Help + "personalizations.to"));
                    }
                }
            }

            if (total > 1000)
            {
                problems.Add(("The total number of recipients must be no more than 1000.", "personalizations", Help + "personalizations"));
            }
        }

        if (!ValidAddress(json["from"]?["email"]))
        {
            problems.Add(("The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.",
                "from", Help + "from"));
        }

        bool everyPersonalizationHasSubject = personalizations is { Count: > 0 } && personalizations.All(p => NonEmpty(p?["subject"]));
        if (!NonEmpty(json["subject"]))
        {
            if (!everyPersonalizationHasSubject && json["template_id"] is null)
            {
                problems.Add(("The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.",
                    "subject", Help + "subject"));
            }
        }

        if (json["template_id"] is null)
        {
            if (json["content"] is not JsonArray content || content.Count == 0)
            {
                problems.Add(("Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. " +
                              "We typically suggest both text/plain and text/html blocks are included, but only one block is required.", "content", Help + "content"));
            }
            else
            {
                for (int i = 0; i < content.Count; i++)
                {
                    if (content[i]?["type"] is not JsonValue || content[i]?["value"] is not JsonValue value || value.GetValue<string>().Length == 0)
                    {
                        problems.Add(("The content value must be a string at least one character in length.", $"content.{i}.value", Help + "content.value"));
                    }
                }
            }
        }

        if (json["attachments"] is JsonArray attachments)
        {
            for (int i = 0; i < attachments.Count; i++)
            {
                if (attachments[i]?["filename"] is not JsonValue)
                {
                    problems.Add(("The attachment filename parameter is required.", $"attachments.{i}.filename", Help + "attachments.filename"));
                }

                if (attachments[i]?["content"] is not JsonValue c || !IsBase64(c.GetValue<string>()))
                {
                    problems.Add(("The attachment content must be base64 encoded.", $"attachments.{i}.content", Help + "attachments.content"));
                }
            }
        }

        return problems;
    }

    static bool NonEmpty(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text);

    static bool ValidAddress(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var email) && email.IndexOf('@') is > 0 and var at && at < email.Length - 1 && !email.Contains(' ');

    static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return text.Length > 0 && Convert.TryFromBase64String(text, buffer, out _);
    }

    static IReadOnlyList<string> Recipients(JsonObject json) =>
        (json["personalizations"] as JsonArray ?? [])
            .SelectMany(p => p?["to"] as JsonArray ?? [])
            .Select(t => t?["email"] is JsonValue v && v.TryGetValue<string>(out var e) ? e : null)
            .OfType<string>()
            .ToList();

    static CapturedMail Capture(JsonObject json, string messageId, IReadOnlyList<string> to)
    {
        var content = (json["content"] as JsonArray ?? []).Select(c => (Type: c?["type"]?.GetValue<string>(), Value: c?["value"]?.GetValue<string>())).ToList();
        var attachments = (json["attachments"] as JsonArray ?? []).Select(a =>
        {
            string base64 = a!["content"]!.GetValue<string>();
            string type = a["type"]?.GetValue<string>() ?? "application/octet-stream";
            byte[] bytes = Convert.FromBase64String(base64);
            return new CapturedAttachment(a["filename"]!.GetValue<string>(), type, base64,
                type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8.GetString(bytes) : null, bytes.Length);
        }).ToList();
        var customArgs = (json["custom_args"] as JsonObject ?? [])
            .ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "");
        return new CapturedMail(
            messageId, DateTimeOffset.UtcNow,
            json["from"]!["email"]!.GetValue<string>(), json["from"]?["name"]?.GetValue<string>(),
            to, (json["personalizations"] as JsonArray)!.Count,
            json["subject"]?.GetValue<string>() ?? "",
            content.FirstOrDefault(c => c.Type == "text/plain").Value,
            content.FirstOrDefault(c => c.Type == "text/html").Value,
            attachments, customArgs);
    }

    static string Errors(params (string Message, string? Field, string? Help)[] errors) =>
        new JsonObject
        {
            ["errors"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject { ["message"] = e.Message, ["field"] = e.Field, ["help"] = e.Help }).ToArray()),
        }.ToJsonString();

    /// <summary>A message id in SendGrid's style: 22 URL-safe base64 characters.</summary>
    static string NewMessageId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
