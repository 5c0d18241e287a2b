using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalWorkflow.Http;

/// <summary>
/// RFC 9457 problem details for every refusal: the title says what is wrong, the detail how to fix it.
/// Each kind has a stable type URI a client can switch on.
/// </summary>
public static class Problems
{
    const string TypeBase = "https://approvalworkflow.example/problems/";

    public static ProblemHttpResult Malformed(string detail, IDictionary<string, object?>? extensions = null) =>
        Make(StatusCodes.Status400BadRequest, "malformed-request", "The request is not well formed", detail, extensions);

    public static ProblemHttpResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        Make(StatusCodes.Status400BadRequest, "invalid-request", "The request has invalid fields",
            string.Join(" ", errors.SelectMany(e => e.Value)),
            new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult Unauthenticated() =>
        Make(StatusCodes.Status401Unauthorized, "unauthenticated", "Who is calling is not known",
            "Send your key in the X-Api-Key header (locally), or sign in through the app's authentication (in Azure).");

    public static ProblemHttpResult Forbidden(string role, string action) =>
        Make(StatusCodes.Status403Forbidden, "forbidden", "Your role may not do this",
            $"Only {role} may {action}. Ask Democratic Services for that role if you need it.",
            new Dictionary<string, object?> { ["requiredRole"] = role });

    public static ProblemHttpResult NotFound(string what, string detail) =>
        Make(StatusCodes.Status404NotFound, "not-found", $"No such {what}", detail);

    public static ProblemHttpResult WrongStage(string reason, string expected) =>
        Make(StatusCodes.Status409Conflict, "not-now", "The run does not take this now", $"{reason} {expected}".Trim(),
            new Dictionary<string, object?> { ["expected"] = expected });

    public static ProblemHttpResult Conflict(string title, string detail) =>
        Make(StatusCodes.Status409Conflict, "conflict", title, detail);

    public static ProblemHttpResult BreaksRule(string reason, string expected) =>
        Make(StatusCodes.Status422UnprocessableEntity, "breaks-rule", "The rules do not allow this", reason,
            new Dictionary<string, object?> { ["expected"] = expected });

    public static ProblemHttpResult Unprocessable(string title, string detail) =>
        Make(StatusCodes.Status422UnprocessableEntity, "unprocessable", title, detail);

    public static ProblemHttpResult TooLarge(string detail) =>
        Make(StatusCodes.Status413PayloadTooLarge, "too-large", "The content is too large", detail);

    public static ProblemHttpResult UnsupportedMediaType(string detail, IDictionary<string, object?>? extensions = null) =>
        Make(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "This type of content is not accepted", detail, extensions);

    public static ProblemHttpResult Unavailable(string detail) =>
        Make(StatusCodes.Status503ServiceUnavailable, "unavailable", "The service cannot answer now", detail);

    static ProblemHttpResult Make(int status, string type, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: TypeBase + type, extensions: extensions);
}
