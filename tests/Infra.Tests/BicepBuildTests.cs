namespace ApprovalWorkflow.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed class BicepBuildTests(CompiledTemplate template, ITestOutputHelper output)
{
    [Fact]
    public void Main_bicep_builds_with_no_warnings()
    {
        Assert.True(template.Build.ExitCode == 0, template.Build.AllOutput);
        // Bicep writes its diagnostics (warnings included) to stderr; the JSON alone goes to stdout.
        Assert.True(template.Build.StandardError.Trim().Length == 0, $"bicep build reported:\n{template.Build.StandardError}");
        Assert.Equal("https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
            template.Root["$schema"]?.GetValue<string>());
    }

    [Fact]
    public void Lint_reports_nothing()
    {
        // infra/bicepconfig.json raises the linter rules to warning or error; any line is a failure.
        Assert.True(template.Lint.ExitCode == 0, template.Lint.AllOutput);
        Assert.True(
            template.Lint.StandardOutput.Trim().Length == 0 && template.Lint.StandardError.Trim().Length == 0,
            $"bicep lint reported:\n{template.Lint.AllOutput}");
    }

    [Fact]
    public void Resource_types_in_the_template()
    {
        Assert.True(template.Build.ExitCode == 0, template.Build.AllOutput);
        var types = template.Resources
            .GroupBy(r => r.Type, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Type: g.Key, Count: g.Sum(r => r.Count)))
            .OrderBy(t => t.Type, StringComparer.OrdinalIgnoreCase)
            .ToList();

        output.WriteLine($"{"count",5}  type");
        foreach (var (type, count) in types)
        {
            output.WriteLine($"{count,5}  {type}");
        }

        output.WriteLine($"{types.Sum(t => t.Count),5}  in all ({template.Resources.Count} declarations)");

        string[] expected =
        [
            "Microsoft.Resources/resourceGroups",
            "Microsoft.ManagedIdentity/userAssignedIdentities",
            "Microsoft.OperationalInsights/workspaces",
            "Microsoft.Insights/components",
            "Microsoft.Storage/storageAccounts",
            "Microsoft.Storage/storageAccounts/blobServices",
            "Microsoft.Storage/storageAccounts/blobServices/containers",
            "Microsoft.Storage/storageAccounts/tableServices",
            "Microsoft.Storage/storageAccounts/tableServices/tables",
            "Microsoft.KeyVault/vaults",
            "Microsoft.KeyVault/vaults/secrets",
            "Microsoft.Authorization/roleAssignments",
            "Microsoft.Web/serverfarms",
            "Microsoft.Web/sites",
            "Microsoft.Web/sites/config",
        ];
        Assert.Empty(expected.Except(types.Select(t => t.Type), StringComparer.OrdinalIgnoreCase));
    }
}
