using System.Text.Json;
using System.Text.RegularExpressions;
using ApprovalWorkflow.Procedure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalWorkflow.Http;

/// <summary>The cheap checks every handler makes before anything reaches a run: who, what shape, which request.</summary>
public static partial class ApiRequests
{
    /// <summary>The caller if they hold one of <paramref name="roles"/>; otherwise the 401 or 403 to answer.</summary>
    public static (Caller? Caller, IResult? Refused) Require(HttpContext http, string action, params Role[] roles)
    {
        var caller = http.RequestServices.GetRequiredService<Callers>().Identify(http.Request);
        if (caller is null)
        {
            return (null, Problems.Unauthenticated());
        }

        return roles.Any(caller.Has)
            ? (caller, null)
            : (null, Problems.Forbidden(string.Join(" or ", roles.Select(RoleName)), action));
    }

    /// <summary>Any role may read.</summary>
    public static (Caller? Caller, IResult? Refused) RequireReader(HttpContext http, string action) =>
        Require(http, action, Role.Member, Role.Clerk, Role.DemocraticServices, Role.Executive);

    public static string RoleName(Role role) => role switch
    {
        Role.DemocraticServices => "Democratic Services",
        _ => role.ToString(),
    };

    /// <summary>Reads the JSON body as <typeparamref name="T"/>, or says exactly what is wrong with it.</summary>
    public static async Task<(T? Body, IResult? Refused)> ReadJsonAsync<T>(HttpContext http) where T : class
    {
        var request = http.Request;
        if (request.ContentType is null || !request.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.Malformed("Send the body as JSON with the header Content-Type: application/json."));
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, ProcedureJson.Options, http.RequestAborted);
            return body is null ? (null, Problems.Malformed("The body is empty: send a JSON object.")) : (body, null);
        }
        catch (JsonException e)
        {
            string where = e.Path is { Length: > 0 } path ? $" at {path}" : "";
            string line = e.LineNumber is { } l ? $" (line {l + 1}, position {e.BytePositionInLine + 1})" : "";
            return (null, Problems.Malformed($"The JSON body cannot be read{where}{line}: {Clean(e.Message)}"));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
        {
            return (null, Problems.Malformed($"The JSON body cannot be read: {Clean(e.Message)}"));
        }
    }

    /// <summary>
    /// The request's id: its <c>Idempotency-Key</c> header if it has one (a retry sends the same key and is
    /// recorded once), otherwise a new id.
    /// </summary>
    public static (string? RequestId, IResult? Refused) RequestId(HttpContext http)
    {
        string key = http.Request.Headers["Idempotency-Key"].ToString().Trim();
        if (key.Length == 0)
        {
            return (Guid.NewGuid().ToString("N"), null);
        }

        return SafeKey().IsMatch(key)
            ? (key, null)
            : (null, Problems.Malformed("The Idempotency-Key header must be 1 to 100 letters, digits, '-', '_', '.' or ':' (a UUID is ideal)."));
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex SafeKey();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    public static partial Regex SafeId();

    // System.Text.Json's messages name .NET types and paths the caller never wrote; keep the useful part.
    static string Clean(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Replace("ApprovalWorkflow.Http.", "").Replace("ApprovalWorkflow.Procedure.", "");
    }
}
