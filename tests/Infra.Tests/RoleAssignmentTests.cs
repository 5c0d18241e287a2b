namespace ApprovalWorkflow.Infra.Tests;

public sealed class RoleAssignmentTests(CompiledTemplate template, ITestOutputHelper output) : TemplateTests(template)
{
    // Built-in role id -> (name, the resource it must be scoped to: the secret, not the vault).
    private static readonly Dictionary<string, (string Role, string Scope)> Expected = new()
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = ("Storage Blob Data Owner", "[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]"),
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = ("Storage Queue Data Contributor", "[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]"),
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = ("Storage Table Data Contributor", "[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]"),
        ["4633458b-17de-408a-b874-0445c86b69e6"] = ("Key Vault Secrets User", "[resourceId('Microsoft.KeyVault/vaults/secrets', parameters('keyVaultName'), parameters('sendGridSecretName'))]"),
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = ("Monitoring Metrics Publisher", "[resourceId('Microsoft.Insights/components', parameters('applicationInsightsName'))]"),
    };

    [Fact]
    public void Identity_has_exactly_the_expected_data_roles_at_the_narrowest_scopes()
    {
        var assignments = Template.OfType("Microsoft.Authorization/roleAssignments").ToList();
        var seen = new List<string>();
        foreach (var assignment in assignments)
        {
            var roleDefinition = Text(assignment, assignment.Properties["roleDefinitionId"]);
            var id = Expected.Keys.SingleOrDefault(k => roleDefinition.Contains(k, StringComparison.OrdinalIgnoreCase));
            Assert.True(id is not null, $"Unexpected role {roleDefinition}");
            var (role, scope) = Expected[id];
            output.WriteLine($"{role,-32} on {Text(assignment, assignment.Body["scope"])}");

            Assert.StartsWith("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ", roleDefinition);
            Assert.Equal(scope, Text(assignment, assignment.Body["scope"]));
            Assert.Equal("ServicePrincipal", assignment.Properties["principalType"]?.GetValue<string>());
            Assert.Equal("[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName')), '2023-01-31').principalId]",
                Text(assignment, assignment.Properties["principalId"]));
            seen.Add(id);
        }

        Assert.Equal(Expected.Keys.Order(), seen.Order());
    }

    [Fact]
    public void Role_assignments_name_the_identity_the_function_app_uses()
    {
        Assert.Equal(Template.ModuleParameter("identity", "name"), Template.ModuleParameter("role-assignments", "identityName"));
        Assert.Equal("[variables('names').identity]", Template.ModuleParameter("identity", "name"));
        Assert.Equal(Template.ModuleParameter("storage", "name"), Template.ModuleParameter("role-assignments", "storageAccountName"));
        Assert.Equal(Template.ModuleParameter("keyvault", "name"), Template.ModuleParameter("role-assignments", "keyVaultName"));
    }
}
