import type { api as en } from '../en/api';

/** Textos en español de la página de claves de la API. */
export const api: Record<keyof typeof en, string> = {
  'admin.section.apiKeys': 'Claves de la API',
  'admin.section.apiKeysHint':
    'Permita que su base de datos de simpatizantes u otras herramientas lean y agreguen personas con nuestra API.',
  'apiKeys.title': 'Claves de la API',
  'apiKeys.intro':
    'Una clave permite que otro sistema (clientes de Action Network, un CRM, sus propios programas) lea personas, firmas, inscripciones y pedidos de reunión con la API en {url}, en el formato de Action Network. Nunca da teléfonos ni direcciones. Dé a cada sistema su propia clave y revoque la que ya no use.',
  'apiKeys.nameHeader': 'Nombre',
  'apiKeys.scopeHeader': 'Acceso',
  'apiKeys.createdHeader': 'Creada',
  'apiKeys.usedHeader': 'Último uso',
  'apiKeys.actionsHeader': 'Acciones',
  'apiKeys.scope.read': 'Solo lectura',
  'apiKeys.scope.write': 'Leer y agregar',
  'apiKeys.neverUsed': 'Nunca',
  'apiKeys.revoked': 'Revocada el {date}',
  'apiKeys.revoke': 'Revocar',
  'apiKeys.none': 'Todavía no hay claves.',
  'apiKeys.createTitle': 'Crear una clave',
  'apiKeys.nameLabel': 'Nombre (qué sistema la usa)',
  'apiKeys.scopeLabel': 'Acceso',
  'apiKeys.create': 'Crear clave',
  'apiKeys.viewerNote': 'Los organizadores y los dueños pueden crear y revocar claves.',
  'apiKeys.createdTitle': 'Su nueva clave',
  'apiKeys.createdBody':
    'Cópiela ahora: se muestra solo esta vez. Envíela en el encabezado OSDI-API-Token de cada pedido.',
  'apiKeys.notice.revoked': 'La clave quedó revocada: ya no funciona.',
};
