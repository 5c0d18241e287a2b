using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalWorkflow.Http;

/// <summary>
/// The orchestration engine's client for a request. The LocalHost registers one in its services; an Azure
/// Functions trigger receives one through its [DurableClient] binding and attaches it to the request.
/// </summary>
public static class EngineClient
{
    const string Key = "ApprovalWorkflow.DurableTaskClient";

    public static void Attach(HttpContext http, DurableTaskClient client) => http.Items[Key] = client;

    public static DurableTaskClient For(HttpContext http) =>
        http.Items.TryGetValue(Key, out var attached) && attached is DurableTaskClient client
            ? client
            : http.RequestServices.GetRequiredService<DurableTaskClient>();
}
