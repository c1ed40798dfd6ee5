/** English strings of the API keys page. */
export const api = {
  'admin.section.apiKeys': 'API keys',
  'admin.section.apiKeysHint':
    'Let your supporter database or other tools read and add people through our API.',
  'apiKeys.title': 'API keys',
  'apiKeys.intro':
    'A key lets another system (Action Network clients, a CRM, your own scripts) read people, signatures, registrations and meeting requests through the API at {url}, in Action Network’s format. It never gives phone numbers or street addresses. Give each system its own key, and revoke a key you no longer use.',
  'apiKeys.nameHeader': 'Name',
  'apiKeys.scopeHeader': 'Access',
  'apiKeys.createdHeader': 'Created',
  'apiKeys.usedHeader': 'Last used',
  'apiKeys.actionsHeader': 'Actions',
  'apiKeys.scope.read': 'Read only',
  'apiKeys.scope.write': 'Read and add',
  'apiKeys.neverUsed': 'Never',
  'apiKeys.revoked': 'Revoked {date}',
  'apiKeys.revoke': 'Revoke',
  'apiKeys.none': 'No API key yet.',
  'apiKeys.createTitle': 'Create a key',
  'apiKeys.nameLabel': 'Name (which system uses it)',
  'apiKeys.scopeLabel': 'Access',
  'apiKeys.create': 'Create key',
  'apiKeys.viewerNote': 'Organizers and owners can create and revoke keys.',
  'apiKeys.createdTitle': 'Your new key',
  'apiKeys.createdBody':
    'Copy it now: it is shown only this once. Send it in the OSDI-API-Token header of every request.',
  'apiKeys.notice.revoked': 'The key is revoked: it no longer works.',
};
