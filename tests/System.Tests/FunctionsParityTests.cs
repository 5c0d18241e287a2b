using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using ApprovalWorkflow.Functions;
using ApprovalWorkflow.Http;
using ApprovalWorkflow.Orchestration;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalWorkflow.SystemTests;

/// <summary>
/// The Functions app cannot run here (no Core Tools), so its parity with the LocalHost is proved from the
/// compiled assemblies, and its triggers are called directly with a real DurableTaskClient on the local engine.
/// </summary>
[Collection(nameof(PlatformCollection))]
public sealed class FunctionsParityTests(SystemFixture system, ITestOutputHelper output)
{
    static readonly Assembly FunctionsApp = typeof(HttpTriggers).Assembly;

    static IEnumerable<(string Name, string Method, string Route)> HttpFunctions() =>
        from type in FunctionsApp.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        where function is not null
        from parameter in method.GetParameters()
        let trigger = parameter.GetCustomAttribute<HttpTriggerAttribute>()
        where trigger is not null
        from verb in trigger.Methods!
        select (function.Name, verb.ToUpperInvariant(), trigger.Route!);

    [Fact]
    public void Every_LocalHost_route_has_a_Functions_trigger_with_the_same_method_route_and_handler_name()
    {
        var local = ApiRoutes.All.Select(r => (r.Name, r.Method, r.Pattern)).OrderBy(r => r.Name).ToList();
        var functions = HttpFunctions().OrderBy(r => r.Name).ToList();
        Assert.Equal(local, functions);
        output.WriteLine($"{local.Count} HTTP routes match {functions.Count} HTTP triggers");
    }

    [Fact]
    public void The_Functions_app_registers_the_same_orchestrators_and_activities_as_the_LocalHost()
    {
        var names = FunctionsApp.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null
                                                 || p.GetCustomAttribute<ActivityTriggerAttribute>() is not null))
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name)
            .Order().ToList();
        var local = WorkflowTasks.Orchestrators.Concat(WorkflowTasks.Activities).Select(t => t.Name).Order().ToList();
        Assert.Equal(local, names);
        output.WriteLine($"{names.Count} orchestrator and activity functions: {string.Join(", ", names)}");
    }

    [Fact]
    public async Task The_Functions_triggers_start_and_read_a_run_on_the_local_engine()
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddApprovalWorkflow(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = system.StorageConnectionString,
            }).Build())
            .AddDurableTaskClient(b => b.UseGrpc(GrpcChannel.ForAddress($"http://127.0.0.1:{system.GrpcPort}")))
            .BuildServiceProvider();
        var client = services.GetRequiredService<DurableTaskClient>();
        var triggers = new HttpTriggers();

        var start = Request(services, "POST", "{\"title\":\"Community Safety Partnership Plan 2017-21\",\"template\":\"partnership-plan\"}", Keys.DemocraticServices);
        await triggers.StartRun(start.Request, client);
        Assert.Equal(StatusCodes.Status201Created, start.Response.StatusCode);
        string runId = JsonNode.Parse(Body(start))!["runId"]!.GetValue<string>();

        var read = Request(services, "GET", null, Keys.Member);
        await triggers.GetRun(read.Request, runId, client);
        Assert.Equal(StatusCodes.Status200OK, read.Response.StatusCode);
        Assert.Equal("csp", JsonNode.Parse(Body(read))!["currentStage"]!["id"]!.GetValue<string>());

        var refused = Request(services, "POST", "{\"title\":\"x\",\"template\":\"partnership-plan\"}", Keys.Clerk);
        await triggers.StartRun(refused.Request, client);
        Assert.Equal(StatusCodes.Status403Forbidden, refused.Response.StatusCode);
    }

    static DefaultHttpContext Request(IServiceProvider services, string method, string? json, string key)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Method = method;
        http.Request.Headers["X-Api-Key"] = key;
        if (json is not null)
        {
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        }

        http.Response.Body = new MemoryStream();
        return http;
    }

    static string Body(DefaultHttpContext http)
    {
        http.Response.Body.Position = 0;
        return new StreamReader(http.Response.Body).ReadToEnd();
    }
}
