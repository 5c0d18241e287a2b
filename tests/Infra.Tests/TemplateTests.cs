namespace ApprovalWorkflow.Infra.Tests;

/// <summary>Base of the tests that read the compiled template: fails early and clearly if it did not build.</summary>
[Collection(BicepCollection.Name)]
public abstract class TemplateTests
{
    protected TemplateTests(CompiledTemplate template)
    {
        Assert.True(template.Build.ExitCode == 0, $"bicep build {CompiledTemplate.MainBicep} failed:\n{template.Build.AllOutput}");
        Template = template;
    }

    protected CompiledTemplate Template { get; }

    protected static string Text(TemplateResource resource, JsonNode? node) => CompiledTemplate.Text(node, resource.Template);
}
