using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApprovalWorkflow.Bench;

/// <summary>The API as a clerk's tool calls it: JSON in, JSON out, a 202 followed to its answer.</summary>
public sealed class Api(Uri baseAddress)
{
    public const string DemocraticServices = "local-democratic-services";
    public const string Clerk = "local-clerk";
    public const string Executive = "local-executive";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // One connection pool for every caller; the key goes on each request.
    readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(120),
    };

    int accepted202;

    /// <summary>How many calls were answered 202 (still being decided) and were followed to their Location.</summary>
    public int Accepted202 => Volatile.Read(ref accepted202);

    /// <summary>POSTs a body; a 202 is followed (GET its Location after each Retry-After, 1 s) until the run answers.</summary>
    public async Task<Answer> PostAsync(string key, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request);
        return await FollowAsync(key, path, response);
    }

    /// <summary>POSTs raw content (a document upload) with its Content-Type; a 202 is followed as for JSON.</summary>
    public async Task<Answer> UploadAsync(string key, string path, byte[] content, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Api-Key", key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request);
        return await FollowAsync(key, path, response);
    }

    /// <summary>The answer to a POST; a 202 is followed (GET its Location after each Retry-After, 1 s) until the run answers.</summary>
    async Task<Answer> FollowAsync(string key, string path, HttpResponseMessage response)
    {
        var answer = new Answer(response.StatusCode, await ReadAsync(response), response.Headers.Location?.ToString(), Followed202: false);
        if (answer.Status != HttpStatusCode.Accepted)
        {
            return answer;
        }

        Interlocked.Increment(ref accepted202);
        string location = answer.Location ?? answer.Body?["location"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"POST {path} answered 202 without a Location.");
        var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
        while (true)
        {
            await Task.Delay(wait);
            var polled = await GetAsync(key, location);
            if (polled.Status != HttpStatusCode.Accepted)
            {
                return polled with { Followed202 = true };
            }
        }
    }

    public async Task<Answer> GetAsync(string key, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        request.Headers.Add("X-Api-Key", key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request);
        return new Answer(response.StatusCode, await ReadAsync(response), response.Headers.Location?.ToString(), Followed202: false);
    }

    static async Task<JsonNode?> ReadAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public static object Counts(int present, int @for, int against, int abstain = 0) => new { present, @for, against, abstain };
}

/// <summary>An HTTP answer: status, JSON body, Location, and whether a 202 was followed to get it.</summary>
public sealed record Answer(HttpStatusCode Status, JsonNode? Body, string? Location, bool Followed202)
{
    /// <summary>The body of a 200 or 201; anything else stops the bench with what the API said.</summary>
    public JsonNode Ok(string what)
    {
        if (Status is HttpStatusCode.OK or HttpStatusCode.Created && Body is not null)
        {
            return Body;
        }

        throw new InvalidOperationException($"{what}: expected 200/201, got {(int)Status}: {Body?.ToJsonString()}");
    }
}
