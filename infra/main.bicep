// ApprovalWorkflow in Azure: `azd up` deploys this (subscription scope: it creates the resource
// group). See infra/README.md for prerequisites, the Entra ID app registration and operations.
//
// Resources, all in one resource group:
//   - user-assigned managed identity: the only identity the app uses, for everything;
//   - storage account: Functions host + Durable task hub, tables RunEvents/Runs/Bodies,
//     container `documents`, the Flex Consumption deployment package; no shared keys;
//   - Key Vault (RBAC, soft delete, purge protection) with the secret SendGridApiKey;
//   - Log Analytics workspace + Application Insights (Entra ID ingestion only);
//   - Flex Consumption plan + Function App (.NET 10 isolated), App Service authentication with
//     Entra ID, identity-based connection settings;
//   - data-plane role assignments for the identity.
//
// The Entra ID app registration that protects the API is NOT created here (Bicep's Microsoft
// Graph extension needs rights in the directory that the deploying person rarely has). Create it
// once per tenant, add the app roles in infra/app-roles.json (also the AUTH_APP_ROLES output) and
// pass its client id as AUTH_CLIENT_ID. Steps in infra/README.md.

targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name (e.g. dev, prod); names the resource group and seeds resource names.')
param environmentName string

@minLength(1)
@description('Azure region for every resource; it must offer the Flex Consumption plan (e.g. uksouth).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Client id of the Entra ID app registration that protects the API (created outside Bicep).')
param authClientId string

@secure()
@description('SendGrid API key; stored only in Key Vault.')
param sendGridApiKey string

@description('Sender address of the emails (a verified SendGrid sender).')
param sendGridFromEmail string

@description('Democratic Services mailbox: publication deadlines and their reminders.')
param democraticServicesEmail string

@description('The Executive\'s mailbox (the Mayor\'s or Leader\'s office): referrals, period ends, Council\'s final meeting.')
param executiveEmail string

@description('Durable Functions task hub name.')
param taskHubName string = 'ApprovalWorkflow'

@description('Largest number of instances the Function App may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each Function App instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

var tags = {
  'azd-env-name': environmentName
  application: 'approval-workflow'
}

// Stable per subscription, environment and region; keeps globally unique names unique.
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var deploymentContainerName = 'app-package-${resourceToken}'
var sendGridSecretName = 'SendGridApiKey'
var names = {
  identity: 'id-${resourceToken}'
  logAnalytics: 'log-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  storage: 'st${resourceToken}'
  keyVault: 'kv-${resourceToken}'
  plan: 'plan-${resourceToken}'
  functionApp: 'func-${resourceToken}'
}

// The app roles to add to the Entra ID app registration (one source: infra/app-roles.json).
var appRoles = loadJsonContent('app-roles.json')

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    taskHubName: taskHubName
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    sendGridSecretName: sendGridSecretName
    sendGridApiKey: sendGridApiKey
  }
}

module roleAssignments 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  scope: rg
  // Names known at compile time (not module outputs) keep What-If predictions exact.
  params: {
    identityName: names.identity
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    sendGridSecretName: sendGridSecretName
    applicationInsightsName: names.applicationInsights
  }
  dependsOn: [
    identity
    storage
    keyVault
    monitoring
  ]
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    planName: names.plan
    name: names.functionApp
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    sendGridSecretUri: keyVault.outputs.sendGridSecretUri
    sendGridFromEmail: sendGridFromEmail
    democraticServicesEmail: democraticServicesEmail
    executiveEmail: executiveEmail
    taskHubName: taskHubName
    authClientId: authClientId
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // The host reaches storage and Key Vault on its first start: grant the roles first.
  dependsOn: [
    roleAssignments
  ]
}

// azd reads these into the environment (.azure/<env>/.env).
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.vaultUri
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output TASK_HUB_NAME string = taskHubName
// For the Entra ID app registration (see infra/README.md).
output AUTH_CLIENT_ID string = authClientId
output AUTH_IDENTIFIER_URI string = 'api://${authClientId}'
output AUTH_REDIRECT_URI string = 'https://${functionApp.outputs.defaultHostName}/.auth/login/aad/callback'
output AUTH_APP_ROLES array = appRoles
