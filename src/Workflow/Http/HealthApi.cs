using System.Diagnostics;
using ApprovalWorkflow.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalWorkflow.Http;

/// <summary><c>GET /api/health</c>: can the app reach its storage and its orchestration engine right now.</summary>
public static class HealthApi
{
    public sealed record Check(string Status, double Milliseconds, string? Error);
    public sealed record Health(string Status, Check Storage, Check Engine);

    public static async Task<IResult> GetHealth(HttpContext http)
    {
        var services = http.RequestServices;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));

        var storage = await Probe(async ct =>
        {
            var tables = services.GetRequiredService<StorageClients>().Tables;
            await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: ct).AsPages().WithCancellation(ct))
            {
                break;
            }
        }, timeout.Token);
        var engine = await Probe(async ct =>
        {
            var client = EngineClient.For(http);
            // Any answer from the engine will do: an instance that does not exist is a fine answer.
            await client.GetInstanceAsync("health-probe", getInputsAndOutputs: false, ct);
        }, timeout.Token);

        bool healthy = storage.Status == "Healthy" && engine.Status == "Healthy";
        var body = new Health(healthy ? "Healthy" : "Unhealthy", storage, engine);
        return healthy ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    static async Task<Check> Probe(Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await probe(cancellationToken);
            return new Check("Healthy", Math.Round(watch.Elapsed.TotalMilliseconds, 1), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Check("Unhealthy", Math.Round(watch.Elapsed.TotalMilliseconds, 1), e.Message);
        }
    }
}
