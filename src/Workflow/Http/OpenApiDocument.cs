using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.RegularExpressions;
using ApprovalWorkflow.Procedure;
using Microsoft.AspNetCore.Http;

namespace ApprovalWorkflow.Http;

/// <summary>
/// The OpenAPI 3.1 document, made from the route table and the request types, so it is the same on
/// both hosts and cannot drift from the routes.
/// </summary>
public static partial class OpenApiDocument
{
    static readonly Lazy<string> Document = new(Build);

    public static IResult GetOpenApiDocument(HttpContext http) => TypedResults.Text(Document.Value, "application/json");

    static string Build()
    {
        var paths = new JsonObject();
        foreach (var group in ApiRoutes.All.GroupBy(r => r.Pattern))
        {
            var item = new JsonObject();
            foreach (var route in group)
            {
                var operation = new JsonObject
                {
                    ["operationId"] = route.Name,
                    ["summary"] = route.Summary,
                    ["description"] = $"Roles: {route.Roles}. Errors are RFC 9457 problem details (application/problem+json).",
                    ["parameters"] = new JsonArray(RouteParameters().Matches(route.Pattern)
                        .Select(m => (JsonNode)new JsonObject
                        {
                            ["name"] = m.Groups[1].Value, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" },
                        }).ToArray()),
                    ["responses"] = new JsonObject
                    {
                        ["200"] = new JsonObject { ["description"] = "The answer; for a command, the run's new state." },
                        ["202"] = new JsonObject { ["description"] = "Still being decided: poll the Location." },
                        ["400"] = new JsonObject { ["description"] = "Malformed or missing fields." },
                        ["401"] = new JsonObject { ["description"] = "No or unknown credentials." },
                        ["403"] = new JsonObject { ["description"] = "The caller's role may not do this." },
                        ["404"] = new JsonObject { ["description"] = "No such run or body." },
                        ["409"] = new JsonObject { ["description"] = "The run's current stage does not take this; says what it takes." },
                        ["422"] = new JsonObject { ["description"] = "A vote or date the rules refuse; says why." },
                    },
                };
                if (route.Body is { } body)
                {
                    operation["requestBody"] = new JsonObject
                    {
                        ["required"] = true,
                        ["content"] = new JsonObject
                        {
                            ["application/json"] = new JsonObject { ["schema"] = ProcedureJson.Options.GetJsonSchemaAsNode(body) },
                        },
                    };
                }

                item[route.Method.ToLowerInvariant()] = operation;
            }

            paths["/api/" + group.Key] = item;
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "ApprovalWorkflow",
                ["version"] = "1.0",
                ["description"] = "Budget and Policy Framework approval runs: from the partnership board to Full Council, the Executive's reconsideration and Council's final decision.",
            },
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["apiKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-Api-Key" },
                },
            },
            ["paths"] = paths,
        };
        return document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteParameters();
}
