// One StorageV2 account for the Functions host (AzureWebJobsStorage), the Durable Functions task
// hub (queues, tables, lease and large-message blobs), the run record (tables RunEvents, Runs,
// Bodies), the documents (container `documents`) and the Flex Consumption deployment package.
// Shared keys are disabled: every client authenticates with Entra ID (the app's managed identity).

@description('Name of the storage account (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

@description('Container the Flex Consumption plan deploys the app package to.')
param deploymentContainerName string

@description('Durable Functions task hub name; its blob containers are named after it in lower case.')
param taskHubName string

@description('Days a deleted blob or container can be restored (soft delete).')
@minValue(1)
@maxValue(365)
param deleteRetentionDays int = 30

@description('Days the lifecycle policy keeps previous blob versions of the host and task hub containers.')
param platformVersionRetentionDays int = 7

// Tables the app reads and writes. The app may also create them on start; declaring them here
// makes an empty deployment complete and visible.
var appTables = [
  'RunEvents'
  'Runs'
  'Bodies'
  // The calendar feed links' secret, made by the app on first use.
  'Settings'
]

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // The Flex Consumption app runs without a virtual network here, so the account stays reachable
    // over the public endpoint; with no keys and no anonymous access, Entra ID RBAC is the gate.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: storage
  name: 'default'
  properties: {
    // Documents are written once (If-None-Match *); versioning and soft delete are the second line
    // of defence against an overwrite or a deletion of the record.
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
  }
}

resource documentsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: 'documents'
  properties: {
    publicAccess: 'None'
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for table in appTables: {
    parent: tableService
    name: table
  }
]

// Versioning applies to the whole account. The host and the task hub rewrite small blobs all the
// time (leases, host locks, deployment packages); keep their old versions a week only, so they do
// not pile up. The `documents` container is not matched: its versions are kept.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2024-01-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-platform-blob-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${toLower(taskHubName)}-'
                'azure-webjobs-'
                '${deploymentContainerName}/'
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: platformVersionRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    blobService
  ]
}

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output tableEndpoint string = storage.properties.primaryEndpoints.table
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output documentsContainerName string = documentsContainer.name
output deploymentContainerName string = deploymentContainer.name
