using ApprovalWorkflow.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace ApprovalWorkflow.Functions;

/// <summary>Runs a shared handler inside a Functions HTTP trigger (ASP.NET Core integration: the HttpContext is real).</summary>
public static class Trigger
{
    public static Task<IActionResult> Run(HttpRequest request, DurableTaskClient client, Func<HttpContext, IResult> handler) =>
        Run(request, client, http => Task.FromResult(handler(http)));

    public static async Task<IActionResult> Run(HttpRequest request, DurableTaskClient client, Func<HttpContext, Task<IResult>> handler)
    {
        EngineClient.Attach(request.HttpContext, client);
        IResult result = await handler(request.HttpContext);
        await result.ExecuteAsync(request.HttpContext);
        return new EmptyResult();
    }
}
