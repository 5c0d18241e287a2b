namespace ApprovalWorkflow.Infra.Tests;

public sealed class FunctionAppTests(CompiledTemplate template) : TemplateTests(template)
{
    private TemplateResource Site => Template.Single("Microsoft.Web/sites");

    [Fact]
    public void Function_app_is_https_only_with_TLS_1_2_and_no_FTP()
    {
        var site = Site;
        Assert.True(site.Properties["httpsOnly"]?.GetValue<bool>());
        var config = site.Properties["siteConfig"]!;
        Assert.Equal("1.2", config["minTlsVersion"]?.GetValue<string>());
        Assert.Equal("1.2", config["scmMinTlsVersion"]?.GetValue<string>());
        Assert.Equal("Disabled", config["ftpsState"]?.GetValue<string>());
    }

    [Fact]
    public void Basic_publishing_credentials_are_disabled_for_ftp_and_scm()
    {
        var policies = Template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(p.Properties["allow"]?.GetValue<bool>()));
        Assert.Contains(policies, p => p.Name.Contains("'ftp'"));
        Assert.Contains(policies, p => p.Name.Contains("'scm'"));
    }

    [Fact]
    public void Plan_is_Flex_Consumption_on_Linux()
    {
        var plan = Template.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", plan.Body["sku"]?["name"]?.GetValue<string>());
        Assert.Equal("FlexConsumption", plan.Body["sku"]?["tier"]?.GetValue<string>());
        Assert.True(plan.Properties["reserved"]?.GetValue<bool>());
        Assert.Equal("functionapp,linux", Site.Body["kind"]?.GetValue<string>());
    }

    [Fact]
    public void Function_app_config_runs_dotnet_isolated_10_and_deploys_with_the_identity()
    {
        var config = Site.Properties["functionAppConfig"]!;

        Assert.Equal("dotnet-isolated", config["runtime"]?["name"]?.GetValue<string>());
        Assert.Equal("10.0", config["runtime"]?["version"]?.GetValue<string>());

        Assert.Equal("[parameters('instanceMemoryMB')]", config["scaleAndConcurrency"]?["instanceMemoryMB"]?.GetValue<string>());
        Assert.Equal("[parameters('maximumInstanceCount')]", config["scaleAndConcurrency"]?["maximumInstanceCount"]?.GetValue<string>());
        var main = Template.Root["parameters"]!;
        Assert.Equal(2048, main["instanceMemoryMB"]?["defaultValue"]?.GetValue<int>());
        Assert.Equal(40, main["maximumInstanceCount"]?["defaultValue"]?.GetValue<int>());

        var storage = config["deployment"]?["storage"]!;
        Assert.Equal("blobContainer", storage["type"]?.GetValue<string>());
        Assert.Equal("[format('{0}{1}', parameters('storageBlobEndpoint'), parameters('deploymentContainerName'))]", storage["value"]?.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", storage["authentication"]?["type"]?.GetValue<string>());
        Assert.Equal("[parameters('identityId')]", storage["authentication"]?["userAssignedIdentityResourceId"]?.GetValue<string>());
    }

    [Fact]
    public void Function_app_has_only_the_user_assigned_identity_and_the_azd_service_tag()
    {
        var identity = Site.Body["identity"]!;
        Assert.Equal("UserAssigned", identity["type"]?.GetValue<string>());
        var assigned = identity["userAssignedIdentities"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(["[format('{0}', parameters('identityId'))]"], assigned);
        Template.AssertModuleOutputPassed("functionapp", "identityId", from: "identity", output: "id");

        Assert.Contains("'azd-service-name', parameters('azdServiceName')", Site.Body["tags"]?.GetValue<string>());
        var serviceName = Template.Module("functionapp").Properties["template"]!["parameters"]!["azdServiceName"]!["defaultValue"]!.GetValue<string>();
        Assert.Equal("api", serviceName);
    }

    [Fact]
    public void App_settings_wait_for_the_role_assignments()
    {
        // The host reaches storage and Key Vault on its first start.
        var dependsOn = Template.Module("functionapp").Body["dependsOn"]!.AsArray().Select(d => d!.GetValue<string>());
        Assert.Contains(dependsOn, d => d.EndsWith("'Microsoft.Resources/deployments', 'role-assignments')]", StringComparison.Ordinal));
    }
}
