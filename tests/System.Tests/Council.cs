using System.Net;
using System.Text.Json.Nodes;

namespace ApprovalWorkflow.SystemTests;

/// <summary>A council's bodies registered through the API, and the run's steps as a clerk sends them.</summary>
public static class Council
{
    /// <summary>Registers a body with <paramref name="size"/> members named {bodyId}-01, {bodyId}-02, ...</summary>
    public static async Task RegisterBody(HttpClient ds, string bodyId, string name, int size)
    {
        var members = Enumerable.Range(1, size)
            .Select(i => new { id = $"{bodyId}-{i:D2}", name = $"Councillor {bodyId} {i}", email = $"{bodyId}-{i:D2}@members.example.gov.uk" });
        var (status, body, _) = await ds.Post("api/bodies", new { id = bodyId, name, members });
        Assert.True(status == HttpStatusCode.OK, $"register {bodyId}: {status} {body}");
    }

    /// <summary>Tower Hamlets in 2012: a Mayor and Cabinet of 10, and a Council of 51 members.</summary>
    public static async Task RegisterTowerHamlets(HttpClient ds)
    {
        await RegisterBody(ds, "csp", "Community Safety Partnership", 20);
        await RegisterBody(ds, "csp-executive", "Community Safety Partnership Executive", 8);
        await RegisterBody(ds, "overview-and-scrutiny", "Overview and Scrutiny Committee", 9);
        await RegisterBody(ds, "cabinet", "Cabinet", 10);
        await RegisterBody(ds, "full-council", "Full Council", 51);
    }

    public static async Task<JsonNode> Ok(this Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> call)
    {
        var (status, body, _) = await call;
        Assert.True(status == HttpStatusCode.OK, $"expected 200, got {(int)status}: {body}");
        return body!;
    }

    public static object Counts(int present, int @for, int against, int abstain = 0) =>
        new { present, @for, against, abstain };
}
