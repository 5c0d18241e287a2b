using System.Text.RegularExpressions;

namespace ApprovalWorkflow.Infra.Tests;

/// <summary>The files azd reads: azure.yaml and infra/main.parameters.json.</summary>
public sealed partial class AzdTests(CompiledTemplate template) : TemplateTests(template)
{
    [Fact]
    public void Parameters_file_feeds_every_required_parameter_from_the_azd_environment()
    {
        var file = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("infra", "main.parameters.json")))!;
        var given = file["parameters"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!["value"]!.GetValue<string>());
        var declared = Template.Root["parameters"]!.AsObject();

        Assert.Empty(given.Keys.Except(declared.Select(p => p.Key)));
        var required = declared.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key);
        Assert.Empty(required.Except(given.Keys));

        Assert.Equal("${AZURE_ENV_NAME}", given["environmentName"]);
        Assert.Equal("${AZURE_LOCATION}", given["location"]);
        // Every value comes from the environment; azd prompts for one that is not set.
        Assert.All(given.Values, v => Assert.Matches(@"^\$\{[A-Z_]+\}$", v));
    }

    [Fact]
    public void Outputs_include_what_azd_needs()
    {
        var outputs = Template.Root["outputs"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Empty(new[]
        {
            "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME", "FUNCTION_APP_URL",
            "AZURE_KEY_VAULT_NAME", "AZURE_STORAGE_ACCOUNT_NAME", "AUTH_APP_ROLES",
        }.Except(outputs));

        var rg = Template.Single("Microsoft.Resources/resourceGroups");
        Assert.Equal("[format('rg-{0}', parameters('environmentName'))]", rg.Name);
        var tags = CompiledTemplate.Resolve(rg.Body["tags"], rg.Template)!;
        Assert.Equal("[parameters('environmentName')]", tags["azd-env-name"]?.GetValue<string>());
    }

    [Fact]
    public void Azure_yaml_deploys_src_Functions_as_the_api_function_service()
    {
        var yaml = File.ReadAllText(RepositoryRoot.Combine("azure.yaml"));
        var lines = yaml.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !l.TrimStart().StartsWith('#') && l.Trim().Length > 0).ToList();

        Assert.Contains("name: approval-workflow", lines);
        Assert.Contains("infra:", lines);
        Assert.Contains("services:", lines);
        Assert.Contains("  api:", lines);
        var api = lines.SkipWhile(l => l != "  api:").Skip(1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Contains("project: ./src/Functions", api);
        Assert.Contains("language: dotnet", api);
        Assert.Contains("host: function", api);

        var infra = lines.SkipWhile(l => l != "infra:").Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Contains("path: infra", infra);
        Assert.Contains("provider: bicep", infra);
        Assert.True(File.Exists(RepositoryRoot.Combine("infra", "main.bicep")));
        Assert.DoesNotMatch(Tab(), yaml);
    }

    [GeneratedRegex("\t")]
    private static partial Regex Tab();
}
