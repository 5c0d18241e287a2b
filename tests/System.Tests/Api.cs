using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApprovalWorkflow.SystemTests;

/// <summary>Small helpers for driving the API as a clerk's tool would: JSON in, JSON or problem details out.</summary>
public static class Api
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Post(
        this HttpClient http, string path, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body is string text ? text : JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await http.SendAsync(request);
        return (response.StatusCode, await ReadAsync(response), response);
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> Get(this HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, await ReadAsync(response));
    }

    static async Task<JsonNode?> ReadAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A run started from a template, its id returned.</summary>
    public static async Task<string> StartRun(this HttpClient http, string title, string template = "partnership-plan", object? extra = null)
    {
        var body = new JsonObject { ["title"] = title, ["template"] = template };
        if (extra is not null)
        {
            foreach (var (k, v) in JsonSerializer.SerializeToNode(extra, Json)!.AsObject())
            {
                body[k] = v?.DeepClone();
            }
        }

        var (status, json, _) = await http.Post("api/runs", body);
        Assert.True(status == HttpStatusCode.Created, $"start run: {status} {json}");
        return json!["runId"]!.GetValue<string>();
    }
}
