namespace ApprovalWorkflow.Infra.Tests;

public sealed class KeyVaultAndMonitoringTests(CompiledTemplate template) : TemplateTests(template)
{
    [Fact]
    public void Key_vault_uses_RBAC_with_soft_delete_and_purge_protection()
    {
        var vault = Template.Single("Microsoft.KeyVault/vaults");
        var p = vault.Properties;
        Assert.True(p["enableRbacAuthorization"]?.GetValue<bool>());
        Assert.True(p["enableSoftDelete"]?.GetValue<bool>());
        Assert.True(p["enablePurgeProtection"]?.GetValue<bool>());
        Assert.InRange(p["softDeleteRetentionInDays"]!.GetValue<int>(), 7, 90);
        Assert.Null(p["accessPolicies"]);
    }

    [Fact]
    public void Application_Insights_is_workspace_based_and_takes_only_Entra_ID_telemetry()
    {
        var insights = Template.Single("Microsoft.Insights/components");
        Assert.True(insights.Properties["DisableLocalAuth"]?.GetValue<bool>());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", insights.Properties["WorkspaceResourceId"]?.GetValue<string>());

        var workspace = Template.Single("Microsoft.OperationalInsights/workspaces");
        Assert.Equal("PerGB2018", workspace.Properties["sku"]?["name"]?.GetValue<string>());
        Assert.NotNull(workspace.Properties["workspaceCapping"]?["dailyQuotaGb"]);
    }
}
