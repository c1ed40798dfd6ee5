import type { gatherings as en } from '../en/gatherings';

/** Spanish strings: the type makes tsc fail when a key is missing or extra. */
export const gatherings: Record<keyof typeof en, string> = {
  'nav.gatherings': 'Encuentros',
  'home.kind.gathering': 'Encuentro',
  'gatherings.kind.advocacy_day': 'Día de incidencia',
  'gatherings.kind.vigil': 'Vigilia',
  'gatherings.kind.rally': 'Concentración',
  'gatherings.kind.forum': 'Foro de rendición de cuentas',
  'gatherings.kind.listening_session': 'Sesión de escucha',
  'gatherings.kind.training': 'Capacitación',
  'gatherings.index.title': 'Vigilias, concentraciones y foros',
  'gatherings.index.intro':
    'Acompañe a nuestros vecinos inmigrantes: vigilias, concentraciones, foros de rendición de cuentas, sesiones de escucha y capacitaciones. Confirme su asistencia para que sepamos cuántas personas esperar.',
  'gatherings.index.none': 'No hay ningún encuentro programado por ahora. Vuelva a consultar pronto.',
  'gatherings.page.rsvp': 'Confirmar asistencia',
  'gatherings.page.placesLeft':
    '{count, plural, one {Queda # de {capacity} lugares} other {Quedan # de {capacity} lugares}}.',
  'gatherings.page.full':
    'Todos los lugares están ocupados. Puede anotarse en la lista de espera ({waiting} esperando): si se libera un lugar, pasa a la primera persona de la lista y le escribimos.',
  'gatherings.page.waitlistNext':
    'Todos los lugares están ocupados: sería el número {position} en la lista de espera.',
  'gatherings.page.status': 'Lugares y confirmaciones',
  'gatherings.page.deadline': 'Las confirmaciones se cierran el {date}.',
  'gatherings.page.preview':
    'Vista previa: este encuentro es un borrador y solo el equipo organizador lo ve.',
  'gatherings.page.submit': 'Confirmar asistencia',
  'gatherings.page.holdNotice':
    'Guardamos su lugar durante 6 horas después de enviar este formulario. Confírmelo con el botón del correo que le enviamos; si no lo confirma en 6 horas, pasa a la siguiente persona de la lista de espera.',
  'gatherings.field.language': 'Idioma de nuestros correos',
  'gatherings.hint.phone':
    'Opcional. Solo para mensajes de texto el mismo día. Se borra 90 días después del encuentro.',
  'gatherings.closed.draft': 'Todavía no se puede confirmar asistencia.',
  'gatherings.closed.deadline': 'Ya no se puede confirmar asistencia. ¡Gracias por su interés!',
  'gatherings.closed.past': 'Este encuentro ya tuvo lugar.',
  'gatherings.done.body':
    'Gracias. Le estamos escribiendo a la dirección que nos dio sobre {title}: si tiene un lugar o está en la lista de espera, su código de registro y su enlace privado para cambiar o cancelar.',
  'gatherings.done.back': 'Volver al encuentro',
  'gatherings.private.registered': 'Tiene un lugar. ¡Nos vemos allí!',
  'gatherings.private.cancelButton': 'Cancelar mi asistencia',
  'gatherings.private.cancelDone': 'Su asistencia está cancelada. Gracias por avisarnos.',
  'gatherings.private.again': 'Confirmar asistencia de nuevo',
  'gatherings.admin.title': 'Encuentros',
  'gatherings.admin.intro':
    'Vigilias, concentraciones, foros de rendición de cuentas, sesiones de escucha y capacitaciones: las personas confirman su asistencia con su nombre y correo, con cupo, lista de espera, recordatorios, archivo de calendario y registro en la puerta, como en un día de incidencia.',
  'gatherings.admin.hint':
    'Vigilias, concentraciones, foros, sesiones de escucha y capacitaciones con confirmación de asistencia.',
  'gatherings.admin.new': 'Nuevo encuentro',
  'gatherings.admin.edit': 'Editar el encuentro',
  'gatherings.admin.gathering': 'Encuentro',
  'gatherings.admin.kind': 'Tipo',
  'gatherings.field.kind': 'Tipo de encuentro',
  'gatherings.field.slug': 'Dirección web (después de /gatherings/)',
  'gatherings.field.registrationDeadline': 'Las confirmaciones cierran',
  'gatherings.field.state': 'Estado',
  'gatherings.field.capacity': 'Lugares',
  'gatherings.hint.state': 'Dos letras, como GA: el estado donde es el encuentro.',
  'gatherings.hint.slug': 'Minúsculas, números y guiones. La página pública es /gatherings/ y esto.',
};
