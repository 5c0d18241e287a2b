using ApprovalWorkflow;
using ApprovalWorkflow.Http;
using ApprovalWorkflow.LocalHost;
using ApprovalWorkflow.LocalHost.Engine;
using ApprovalWorkflow.LocalHost.SendGridStandIn;

var builder = WebApplication.CreateBuilder(args);
var local = LocalHostSettings.From(builder.Configuration);
await using var storage = await LocalStorage.StartAsync(builder.Configuration, local);
await builder.AddLocalDurableEngineAsync(storage.ConnectionString, local.ApiPort, local.GrpcPort);
builder.AddSendGridStandIn(local.ApiPort);
builder.Services.AddApprovalWorkflow(builder.Configuration);

var app = builder.Build();
app.MapLocalDurableEngine();
app.MapApprovalWorkflowApi();
app.MapSendGridStandIn();
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("ApprovalWorkflow is listening on http://127.0.0.1:{Port}/api (health: /api/health)", local.ApiPort));
await app.RunAsync();
