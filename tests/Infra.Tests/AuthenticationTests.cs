using System.Text.Json;

namespace ApprovalWorkflow.Infra.Tests;

public sealed class AuthenticationTests(CompiledTemplate template) : TemplateTests(template)
{
    private static readonly string[] Roles = ["DemocraticServices", "Clerk", "Executive", "Member"];

    [Fact]
    public void Every_request_needs_an_Entra_ID_token_and_anonymous_callers_get_401()
    {
        var auth = Template.SiteConfig("authsettingsV2").Properties;

        Assert.True(auth["platform"]?["enabled"]?.GetValue<bool>());
        Assert.True(auth["globalValidation"]?["requireAuthentication"]?.GetValue<bool>());
        Assert.Equal("Return401", auth["globalValidation"]?["unauthenticatedClientAction"]?.GetValue<string>());
        Assert.True(auth["httpSettings"]?["requireHttps"]?.GetValue<bool>());

        var entra = auth["identityProviders"]?["azureActiveDirectory"]!;
        Assert.True(entra["enabled"]?.GetValue<bool>());
        Assert.Equal("[parameters('authClientId')]", entra["registration"]?["clientId"]?.GetValue<string>());
        Assert.Equal("[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, tenant().tenantId)]",
            entra["registration"]?["openIdIssuer"]?.GetValue<string>());
        Assert.Equal(
            ["[parameters('authClientId')]", "[format('api://{0}', parameters('authClientId'))]"],
            entra["validation"]?["allowedAudiences"]!.AsArray().Select(a => a!.GetValue<string>()));

        // Only Entra ID: no other provider is configured.
        Assert.Equal(["azureActiveDirectory"], auth["identityProviders"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void App_roles_output_has_the_four_roles_for_users_and_applications()
    {
        var output = Template.Root["outputs"]?["AUTH_APP_ROLES"]!;
        Assert.Equal("array", output["type"]?.GetValue<string>());
        var roles = CompiledTemplate.Resolve(output["value"], Template.Root)!.AsArray();

        Assert.Equal(Roles, roles.Select(r => r!["value"]!.GetValue<string>()));
        foreach (var role in roles)
        {
            Assert.Equal(["User", "Application"], role!["allowedMemberTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
            Assert.True(role["isEnabled"]!.GetValue<bool>());
            Assert.False(string.IsNullOrWhiteSpace(role["displayName"]!.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(role["description"]!.GetValue<string>()));
            Assert.True(Guid.TryParse(role["id"]!.GetValue<string>(), out _));
        }

        Assert.Equal(4, roles.Select(r => r!["id"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public void App_roles_file_is_what_the_output_holds()
    {
        // infra/app-roles.json is the file to pass to `az ad app update --app-roles`.
        var file = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("infra", "app-roles.json")))!;
        var output = CompiledTemplate.Resolve(Template.Root["outputs"]?["AUTH_APP_ROLES"]?["value"], Template.Root)!;
        Assert.True(JsonNode.DeepEquals(file, output), $"file:\n{file.ToJsonString()}\noutput:\n{output.ToJsonString()}");
    }

    [Fact]
    public void Outputs_give_the_values_for_the_app_registration()
    {
        var outputs = Template.Root["outputs"]!;
        Assert.Equal("[format('api://{0}', parameters('authClientId'))]", outputs["AUTH_IDENTIFIER_URI"]?["value"]?.GetValue<string>());
        Assert.StartsWith("[format('https://{0}/.auth/login/aad/callback', ", outputs["AUTH_REDIRECT_URI"]?["value"]?.GetValue<string>());
        Assert.Equal(JsonValueKind.String, outputs["AUTH_CLIENT_ID"]?["value"]?.GetValueKind());
    }
}
