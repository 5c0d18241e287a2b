using ApprovalWorkflow;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The production host: Azure Functions (isolated worker). Every trigger is a one-line call into src/Workflow.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddApprovalWorkflow(builder.Configuration);
builder.Build().Run();
