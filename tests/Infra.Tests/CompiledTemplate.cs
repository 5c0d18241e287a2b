using System.Text.Json;
using System.Text.RegularExpressions;

namespace ApprovalWorkflow.Infra.Tests;

/// <summary>One resource of the compiled ARM template, with the (nested) template that declares it.</summary>
public sealed record TemplateResource(string Type, JsonObject Body, JsonObject Template, string Module, int Count)
{
    public JsonObject Properties => Body["properties"] as JsonObject ?? [];

    public string Name => Body["name"]?.GetValue<string>() ?? "";

    public override string ToString() => $"{Type} {Name} (module {Module})";
}

/// <summary>
/// infra/main.bicep built and linted once per test run by the Bicep CLI, and the ARM JSON it
/// compiles to, with helpers to find resources in the nested module deployments and to resolve the
/// simple variable references Bicep emits.
/// </summary>
public sealed partial class CompiledTemplate
{
    public const string MainBicep = "infra/main.bicep";

    public CompiledTemplate()
    {
        Build = BicepCli.Run("build", MainBicep, "--stdout");
        Lint = BicepCli.Run("lint", MainBicep);
        if (Build.ExitCode == 0)
        {
            Json = Build.StandardOutput;
            Root = JsonNode.Parse(Json)?.AsObject()
                ?? throw new InvalidOperationException("bicep build printed no JSON.");
            Resources = Collect(Root, "main").ToList();
        }
    }

    public BicepCli.Result Build { get; }

    public BicepCli.Result Lint { get; }

    /// <summary>The compiled ARM template text.</summary>
    public string Json { get; } = "";

    public JsonObject Root { get; } = [];

    /// <summary>Every resource, nested module deployments included (the deployments themselves too).</summary>
    public IReadOnlyList<TemplateResource> Resources { get; } = [];

    public IEnumerable<TemplateResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public TemplateResource Single(string type)
    {
        var found = OfType(type).ToList();
        Assert.True(found.Count == 1, $"Expected one {type}, found {found.Count}.");
        return found[0];
    }

    /// <summary>The sites/config resource of the given name (appsettings, authsettingsV2).</summary>
    public TemplateResource SiteConfig(string name) =>
        OfType("Microsoft.Web/sites/config").Single(r => r.Name.Contains($"'{name}'", StringComparison.Ordinal));

    /// <summary>The module deployment of that name, declared in main.bicep.</summary>
    public TemplateResource Module(string name) =>
        OfType("Microsoft.Resources/deployments").Single(r => r.Name == name);

    /// <summary>The expression main.bicep passes to a module parameter.</summary>
    public string ModuleParameter(string module, string parameter) =>
        Module(module).Properties["parameters"]?[parameter]?["value"] switch
        {
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            JsonNode node => node.ToJsonString(),
            null => throw new InvalidOperationException($"Module {module} gets no parameter {parameter}."),
        };

    /// <summary>Asserts that main.bicep passes module <paramref name="from"/>'s output to the parameter of <paramref name="module"/>.</summary>
    public void AssertModuleOutputPassed(string module, string parameter, string from, string output)
    {
        var expression = ModuleParameter(module, parameter);
        Assert.Contains($"'Microsoft.Resources/deployments', '{from}')", expression, StringComparison.Ordinal);
        Assert.EndsWith($".outputs.{output}.value]", expression, StringComparison.Ordinal);
    }

    /// <summary>
    /// Follows "[variables('x')]" to the variable's value, and replaces each
    /// variables('x').y in a longer expression by the literal it names.
    /// </summary>
    public static JsonNode? Resolve(JsonNode? node, JsonObject template)
    {
        for (var depth = 0; depth < 10 && node is JsonValue value && value.TryGetValue<string>(out var text); depth++)
        {
            var whole = WholeVariable().Match(text);
            if (whole.Success)
            {
                node = template["variables"]?[whole.Groups[1].Value];
                continue;
            }

            var expanded = VariableMember().Replace(text, m =>
                template["variables"]?[m.Groups[1].Value]?[m.Groups[2].Value] is JsonValue member
                && member.TryGetValue<string>(out var literal)
                    ? $"'{literal}'"
                    : m.Value);
            return expanded == text ? node : JsonValue.Create(expanded);
        }

        return node;
    }

    /// <summary>A string property, with variables resolved.</summary>
    public static string Text(JsonNode? node, JsonObject template) =>
        Resolve(node, template) is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";

    private static IEnumerable<TemplateResource> Collect(JsonObject template, string module)
    {
        // languageVersion 2.0 templates keep resources in an object keyed by symbolic name.
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject map => map.Select(p => p.Value!.AsObject()),
            _ => [],
        };

        foreach (var resource in resources)
        {
            var type = resource["type"]!.GetValue<string>();
            yield return new TemplateResource(type, resource, template, module, CopyCount(resource, template));
            if (type == "Microsoft.Resources/deployments"
                && resource["properties"]?["template"] is JsonObject nested)
            {
                var name = resource["name"]!.GetValue<string>();
                foreach (var inner in Collect(nested, name))
                {
                    yield return inner;
                }
            }
        }
    }

    private static int CopyCount(JsonObject resource, JsonObject template)
    {
        var count = resource["copy"]?["count"];
        if (count is null)
        {
            return 1;
        }

        if (count.GetValueKind() == JsonValueKind.Number)
        {
            return count.GetValue<int>();
        }

        var length = LengthOfVariable().Match(count.GetValue<string>());
        if (length.Success && template["variables"]?[length.Groups[1].Value] is JsonArray items)
        {
            return items.Count;
        }

        throw new InvalidOperationException($"Cannot work out the copy count {count.ToJsonString()}.");
    }

    [GeneratedRegex(@"^\[variables\('([^']+)'\)\]$")]
    private static partial Regex WholeVariable();

    [GeneratedRegex(@"variables\('([^']+)'\)\.([A-Za-z0-9_]+)")]
    private static partial Regex VariableMember();

    [GeneratedRegex(@"^\[length\(variables\('([^']+)'\)\)\]$")]
    private static partial Regex LengthOfVariable();
}

[CollectionDefinition(Name)]
public sealed class BicepCollection : ICollectionFixture<CompiledTemplate>
{
    public const string Name = "Compiled Bicep template";
}
