// The Function App on the Flex Consumption plan (Linux, .NET 10 isolated worker), its settings and
// App Service authentication (Entra ID). Every connection is identity-based: no keys, no
// connection strings with secrets; the SendGrid key comes from Key Vault by reference.

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the Function App.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resources (the app also gets azd-service-name).')
param tags object

@description('Name of the service in azure.yaml that azd deploys to this app.')
param azdServiceName string = 'api'

@description('Resource id of the user-assigned identity the app uses for everything.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Storage account name (AzureWebJobsStorage and the app\'s tables and blobs).')
param storageAccountName string

@description('Blob service endpoint of the storage account, with a trailing slash.')
param storageBlobEndpoint string

@description('Table service endpoint of the storage account, with a trailing slash.')
param storageTableEndpoint string

@description('Blob container the Flex Consumption plan deploys the app package to.')
param deploymentContainerName string

@description('Application Insights connection string (carries no secret; ingestion needs Entra ID).')
param applicationInsightsConnectionString string

@description('Versionless URI of the SendGrid API key secret in Key Vault.')
param sendGridSecretUri string

@description('Sender address of the emails (a verified SendGrid sender).')
param sendGridFromEmail string

@description('Democratic Services mailbox: publication deadlines and their reminders.')
param democraticServicesEmail string

@description('The Executive\'s mailbox: referrals, period ends, Council\'s final meeting.')
param executiveEmail string

@description('Durable Functions task hub name.')
param taskHubName string

@description('Client id of the Entra ID app registration that protects the API.')
param authClientId string

@description('Largest number of instances the app may scale out to (Flex Consumption minimum is 40).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': azdServiceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the user-assigned identity (there is no system identity).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Flex Consumption takes no FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION or
// WEBSITE_RUN_FROM_PACKAGE: runtime and deployment live in functionAppConfig above.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    // Functions host and the Durable Functions task hub (Azure Storage backend).
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    TaskHubName: taskHubName
    // The app's own storage clients (record tables, documents container).
    Storage__TableServiceUri: storageTableEndpoint
    Storage__BlobServiceUri: storageBlobEndpoint
    Storage__ClientId: identityClientId
    // DefaultAzureCredential / ManagedIdentityCredential pick the user-assigned identity.
    AZURE_CLIENT_ID: identityClientId
    // Email.
    SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${sendGridSecretUri})'
    SendGrid__FromEmail: sendGridFromEmail
    Notifications__DemocraticServicesEmail: democraticServicesEmail
    Notifications__ExecutiveEmail: executiveEmail
    // Dates are London calendar dates.
    TimeZone: 'Europe/London'
    // Callers' roles come from App Service authentication (Entra ID app roles), never from local keys.
    Auth__Mode: 'AppService'
    // Telemetry with Entra ID authentication (local auth is disabled on the component).
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  }
}

// App Service authentication in front of every route. The Entra ID app registration (clientId)
// is created outside Bicep, with the app roles of infra/app-roles.json: see infra/README.md.
// The API reads the caller's roles from the X-MS-CLIENT-PRINCIPAL header that this adds.
resource authSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
    }
    httpSettings: {
      requireHttps: true
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            authClientId
            'api://${authClientId}'
          ]
        }
      }
    }
  }
}

// No FTP and no basic-auth (publishing profile) deployments; azd deploys with Entra ID.
resource ftpPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = site.name
output id string = site.id
output defaultHostName string = site.properties.defaultHostName
