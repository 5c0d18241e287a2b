using System.Text.RegularExpressions;

namespace ApprovalWorkflow.Infra.Tests;

/// <summary>No keys anywhere: every connection is made with the managed identity.</summary>
public sealed partial class SecretsTests(CompiledTemplate template) : TemplateTests(template)
{
    [Fact]
    public void Template_reads_no_keys_and_calls_no_list_function()
    {
        string[] forbidden = ["listKeys", "AccountKey=", "SharedAccessKey", "SharedAccessSignature", "primaryKey", "InstrumentationKey="];
        foreach (var word in forbidden)
        {
            Assert.DoesNotContain(word, Template.Json, StringComparison.OrdinalIgnoreCase);
        }

        // listKeys, listSecrets, listAccountSas, listConnectionStrings... all read secrets.
        var calls = ListFunction().Matches(Template.Json).Select(m => m.Value).ToList();
        Assert.True(calls.Count == 0, $"list* functions in the template: {string.Join(", ", calls)}");
    }

    [Fact]
    public void Host_and_app_storage_settings_are_identity_based()
    {
        var settings = Template.SiteConfig("appsettings");
        var values = settings.Properties;

        Assert.Equal("managedidentity", Text(settings, values["AzureWebJobsStorage__credential"]));
        Assert.Equal("[parameters('storageAccountName')]", Text(settings, values["AzureWebJobsStorage__accountName"]));
        Assert.Equal("[parameters('identityClientId')]", Text(settings, values["AzureWebJobsStorage__clientId"]));
        Assert.Equal("[parameters('storageTableEndpoint')]", Text(settings, values["Storage__TableServiceUri"]));
        Assert.Equal("[parameters('storageBlobEndpoint')]", Text(settings, values["Storage__BlobServiceUri"]));
        Assert.Equal("[parameters('identityClientId')]", Text(settings, values["Storage__ClientId"]));

        // No connection-string form of the storage settings.
        Assert.Null(values["AzureWebJobsStorage"]);
        foreach (var (name, value) in values)
        {
            Assert.DoesNotContain("AccountKey", Text(settings, value), StringComparison.OrdinalIgnoreCase);
            Assert.False(name.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase) && name != "APPLICATIONINSIGHTS_CONNECTION_STRING",
                $"{name} looks like a connection string setting.");
        }

        // The identity settings are the one user-assigned identity's client id.
        Template.AssertModuleOutputPassed("functionapp", "identityClientId", from: "identity", output: "clientId");
        Template.AssertModuleOutputPassed("functionapp", "storageTableEndpoint", from: "storage", output: "tableEndpoint");
        Template.AssertModuleOutputPassed("functionapp", "storageBlobEndpoint", from: "storage", output: "blobEndpoint");
    }

    [Fact]
    public void Other_app_settings_the_app_reads_are_set()
    {
        var settings = Template.SiteConfig("appsettings");
        var values = settings.Properties;

        Assert.Equal("[parameters('taskHubName')]", Text(settings, values["TaskHubName"]));
        Assert.Equal("Europe/London", Text(settings, values["TimeZone"]));
        Assert.Equal("[parameters('sendGridFromEmail')]", Text(settings, values["SendGrid__FromEmail"]));
        Assert.Equal("[parameters('applicationInsightsConnectionString')]", Text(settings, values["APPLICATIONINSIGHTS_CONNECTION_STRING"]));
        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]",
            Text(settings, values["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]));

        // Flex Consumption rejects these: runtime and deployment live in functionAppConfig.
        foreach (var name in new[] { "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING" })
        {
            Assert.Null(values[name]);
        }

        var main = Template.Root;
        Assert.Equal("ApprovalWorkflow", main["parameters"]?["taskHubName"]?["defaultValue"]?.GetValue<string>());

        // In Azure the callers' roles come only from App Service authentication, never from local keys.
        Assert.Equal("AppService", Text(settings, values["Auth__Mode"]));

        // Every email has somewhere to go in Azure: the Democratic Services and Executive mailboxes are settings.
        Assert.Equal("[parameters('democraticServicesEmail')]", Text(settings, values["Notifications__DemocraticServicesEmail"]));
        Assert.Equal("[parameters('executiveEmail')]", Text(settings, values["Notifications__ExecutiveEmail"]));
    }

    [Fact]
    public void SendGrid_key_is_a_Key_Vault_reference_resolved_with_the_user_assigned_identity()
    {
        var settings = Template.SiteConfig("appsettings");
        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0})', parameters('sendGridSecretUri'))]",
            Text(settings, settings.Properties["SendGrid__ApiKey"]));

        // The URI is the secret's versionless URI, so a rotated key is picked up.
        Template.AssertModuleOutputPassed("functionapp", "sendGridSecretUri", from: "keyvault", output: "sendGridSecretUri");
        var keyVaultModule = Template.Module("keyvault").Properties["template"]!;
        var uri = keyVaultModule["outputs"]?["sendGridSecretUri"]?["value"]?.GetValue<string>() ?? "";
        Assert.EndsWith(".secretUri]", uri);

        var site = Template.Single("Microsoft.Web/sites");
        Assert.Equal("[parameters('identityId')]", Text(site, site.Properties["keyVaultReferenceIdentity"]));

        var secret = Template.Single("Microsoft.KeyVault/vaults/secrets");
        Assert.Equal("[parameters('sendGridApiKey')]", Text(secret, secret.Properties["value"]));
        Assert.Equal("SendGridApiKey", Template.Root["variables"]?["sendGridSecretName"]?.GetValue<string>());
        Assert.Equal("[variables('sendGridSecretName')]", Template.ModuleParameter("keyvault", "sendGridSecretName"));
    }

    [Fact]
    public void SendGrid_key_parameter_is_secure_with_no_default()
    {
        var main = Template.Root["parameters"]!["sendGridApiKey"]!;
        Assert.Equal("securestring", main["type"]?.GetValue<string>());
        Assert.Null(main["defaultValue"]);

        var inModule = Template.Module("keyvault").Properties["template"]!["parameters"]!["sendGridApiKey"]!;
        Assert.Equal("securestring", inModule["type"]?.GetValue<string>());

        // Never echoed back.
        foreach (var resource in Template.OfType("Microsoft.Resources/deployments").Select(d => d.Properties["template"]).Append(Template.Root))
        {
            Assert.DoesNotContain("sendGridApiKey", resource?["outputs"]?.ToJsonString() ?? "", StringComparison.OrdinalIgnoreCase);
        }
    }

    [GeneratedRegex(@"\blist[A-Za-z]*\(", RegexOptions.IgnoreCase)]
    private static partial Regex ListFunction();
}
