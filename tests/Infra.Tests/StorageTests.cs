namespace ApprovalWorkflow.Infra.Tests;

public sealed class StorageTests(CompiledTemplate template) : TemplateTests(template)
{
    [Fact]
    public void Storage_account_forbids_shared_keys_anonymous_access_and_old_TLS()
    {
        var account = Template.Single("Microsoft.Storage/storageAccounts");
        Assert.Equal("StorageV2", account.Body["kind"]?.GetValue<string>());
        Assert.Equal("Standard_LRS", account.Body["sku"]?["name"]?.GetValue<string>());

        var p = account.Properties;
        Assert.False(p["allowBlobPublicAccess"]?.GetValue<bool>());
        Assert.False(p["allowSharedKeyAccess"]?.GetValue<bool>());
        Assert.Equal("TLS1_2", p["minimumTlsVersion"]?.GetValue<string>());
        Assert.True(p["supportsHttpsTrafficOnly"]?.GetValue<bool>());
        Assert.True(p["defaultToOAuthAuthentication"]?.GetValue<bool>());
    }

    [Fact]
    public void Blob_service_keeps_versions_and_deleted_blobs()
    {
        var blobs = Template.Single("Microsoft.Storage/storageAccounts/blobServices");
        var p = blobs.Properties;
        Assert.True(p["isVersioningEnabled"]?.GetValue<bool>());
        Assert.True(p["deleteRetentionPolicy"]?["enabled"]?.GetValue<bool>());
        Assert.Equal("[parameters('deleteRetentionDays')]", p["deleteRetentionPolicy"]?["days"]?.GetValue<string>());
        Assert.True(p["containerDeleteRetentionPolicy"]?["enabled"]?.GetValue<bool>());

        var days = blobs.Template["parameters"]!["deleteRetentionDays"]!["defaultValue"]!.GetValue<int>();
        Assert.InRange(days, 7, 365);
    }

    [Fact]
    public void Old_versions_expire_only_in_the_host_and_task_hub_containers()
    {
        var policy = Template.Single("Microsoft.Storage/storageAccounts/managementPolicies");
        var rule = policy.Properties["policy"]!["rules"]!.AsArray().Single()!;
        var prefixes = rule["definition"]!["filters"]!["prefixMatch"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();
        Assert.DoesNotContain(prefixes, x => x.StartsWith("documents", StringComparison.Ordinal) || x.Length == 0);
        Assert.Contains("[format('{0}-', toLower(parameters('taskHubName')))]", prefixes);
        Assert.NotNull(rule["definition"]!["actions"]!["version"]!["delete"]);
        Assert.Null(rule["definition"]!["actions"]!["baseBlob"]);
    }

    [Fact]
    public void Containers_are_private_and_include_documents_and_the_deployment_package()
    {
        var containers = Template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        Assert.Equal(2, containers.Count);
        Assert.All(containers, c => Assert.Equal("None", c.Properties["publicAccess"]?.GetValue<string>()));
        Assert.Contains(containers, c => c.Name.Contains("'documents'"));
        Assert.Contains(containers, c => c.Name.Contains("parameters('deploymentContainerName')"));
        Assert.Equal("[format('app-package-{0}', variables('resourceToken'))]",
            Template.Root["variables"]?["deploymentContainerName"]?.GetValue<string>());
    }

    [Fact]
    public void Record_tables_exist()
    {
        var tables = Template.Single("Microsoft.Storage/storageAccounts/tableServices/tables");
        var names = tables.Template["variables"]!["appTables"]!.AsArray().Select(t => t!.GetValue<string>());
        Assert.Equal(["RunEvents", "Runs", "Bodies", "Settings"], names);
        Assert.Equal(4, tables.Count);
    }
}
