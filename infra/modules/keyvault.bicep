// Key Vault holding the SendGrid API key. RBAC authorization (no access policies), soft delete and
// purge protection on. The app reads the secret through an App Service Key Vault reference with
// its user-assigned identity, which holds Key Vault Secrets User on this one secret only.

@description('Name of the vault (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

@description('Name of the secret holding the SendGrid API key.')
param sendGridSecretName string

@secure()
@description('The SendGrid API key, stored as a secret; never an app setting.')
param sendGridApiKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Purge protection cannot be turned off again: a deleted vault's name stays taken for the
    // retention period. The vault name carries a per-environment hash for this reason.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: sendGridSecretName
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

output name string = vault.name
output id string = vault.id
output vaultUri string = vault.properties.vaultUri
output sendGridSecretName string = sendGridSecret.name
// Versionless URI: the app follows the newest version after a rotation.
output sendGridSecretUri string = sendGridSecret.properties.secretUri
