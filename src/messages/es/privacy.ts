import type { privacy as en } from '../en/privacy';

/** Spanish strings: the type makes tsc fail when a key is missing or extra. */
export const privacy: Record<keyof typeof en, string> = {
  'privacy.title': 'Privacidad',
  'privacy.intro':
    '{org} recoge solo lo que cada acción necesita, lo usa solo para esa acción y nunca lo vende ni lo comparte con agencias del gobierno.',
  'privacy.whatTitle': 'Qué recogemos y por qué',
  'privacy.whatBody':
    'Al firmar una carta: su nombre, título, tradición de fe, congregación, ciudad, estado y correo, para confirmar y entregar su firma. Al inscribirse en un día de incidencia: sus datos de contacto, y su dirección solo para encontrar sus distritos legislativos estatales, para que pueda reunirse con sus propios legisladores. Al pedir una reunión: su nombre, correo y lo que usted escriba, que va al funcionario que eligió. Al seguir un proyecto de ley: su correo, para enviarle las alertas que pidió.',
  'privacy.neverTitle': 'Lo que nunca preguntamos',
  'privacy.neverBody':
    'Nunca preguntamos la situación migratoria ni el país de origen de nadie. No guardamos direcciones IP, y nuestros registros nunca contienen correos, teléfonos ni direcciones.',
  'privacy.publicTitle': 'Qué es público',
  'privacy.publicBody':
    'Solo lo que usted elija mostrar: por ejemplo, su nombre, título, congregación, ciudad y estado en la lista de firmantes de una carta si marca «mostrar mi nombre públicamente». Su correo nunca se muestra.',
  'privacy.howLongTitle': 'Cuánto tiempo lo guardamos',
  'privacy.howLongBody':
    'Las firmas sin confirmar se borran a los 7 días. Los teléfonos y direcciones de los días de incidencia se borran 90 días después del evento, y un lugar que no se confirma en 6 horas se libera. Las solicitudes de reunión nunca confirmadas se borran a los 30 días; 90 días después de que una reunión termina (agradecida o rechazada), se borran el teléfono, la historia y los datos de contacto de las demás personas asistentes (sus nombres quedan en el registro). Cuando un correo ya se entregó a nuestro proveedor de correo, nuestra copia guarda solo el asunto; las copias de los demás correos se recortan a los 90 días. Los enlaces privados dejan de funcionar un tiempo después de que termina aquello para lo que sirven: 14 días después de un día de incidencia, 30 días después de que se cierra una carta o termina una reunión.',
  'privacy.geocoderTitle': 'Su dirección y la Oficina del Censo de EE. UU.',
  'privacy.geocoderBody':
    'Para encontrar sus distritos legislativos estatales a partir de una dirección («Encontrar a mis funcionarios» y la inscripción a un día de incidencia), enviamos la dirección que usted escribe, y nada más (nunca su nombre ni su correo), al geocodificador público de la Oficina del Censo de EE. UU., un servicio del gobierno. Si prefiere no enviar nada, elija usted sus distritos: busque a sus legisladores por nombre o número de distrito en el directorio de funcionarios, o escriba los números de sus distritos en el formulario de inscripción en lugar de una dirección.',
  'privacy.whoTitle': 'Quién puede verlo',
  'privacy.whoBody':
    'Solo los organizadores de la coalición, que entran con un enlace enviado a su correo. Nuestro proveedor de correo (Resend) maneja las direcciones solo para entregar los mensajes. Los sistemas propios de la coalición (como su base de datos de simpatizantes) pueden leer nombres, correos, ciudad, estado, congregación y lo que cada persona hizo aquí con una clave que crea un organizador; nunca teléfonos ni direcciones.',
  'privacy.choicesTitle': 'Sus opciones',
  'privacy.choicesBody':
    'Cada correo tiene un enlace para retirar, cambiar o cancelar la suscripción. Para ver o borrar todo lo que guardamos sobre su correo, escriba a la coalición; un organizador puede exportarlo o borrarlo en todas las partes del sitio.',
  'privacy.admin.title': 'Solicitudes de privacidad',
  'privacy.admin.intro':
    'Cuando alguien pregunte qué guardamos sobre esa persona, o pida que la olvidemos, busque aquí su correo. Puede descargar todo en un archivo para ella, o borrarlo de todas las partes del sitio.',
  'privacy.admin.emailLabel': 'Correo electrónico',
  'privacy.admin.find': 'Buscar todo',
  'privacy.admin.resultTitle': 'Lo que guardamos sobre {email}',
  'privacy.admin.nothing': 'No guardamos nada sobre este correo.',
  'privacy.admin.tableHeader': 'Dónde',
  'privacy.admin.rowsHeader': 'Filas',
  'privacy.admin.onErasureHeader': 'Al borrar',
  'privacy.admin.mode.delete': 'Se borra',
  'privacy.admin.mode.blank': 'Se vacían los datos personales; la fila queda para los conteos',
  'privacy.admin.mode.delete-if-chosen': 'Se borra solo si se marca abajo',
  'privacy.admin.mode.keep': 'Se guarda: dato público',
  'privacy.admin.exportTitle': 'Exportar',
  'privacy.admin.exportButton': 'Descargar todo (JSON)',
  'privacy.admin.eraseTitle': 'Borrar',
  'privacy.admin.eraseWarning':
    'Borrar no se puede deshacer. Se quita del sitio de inmediato; las copias en el historial de 30 días de la base de datos desaparecen en 30 días. El registro del borrado guarda solo la fecha, quién lo hizo y cuántas filas, nunca el correo.',
  'privacy.admin.includeOrganizer': 'Quitar también la cuenta de organizador con este correo',
  'privacy.admin.confirm': 'Comprobé que esta persona lo pidió y quiero borrar todo lo de arriba',
  'privacy.admin.confirmRequired': 'Marque la casilla para confirmar el borrado.',
  'privacy.admin.eraseButton': 'Borrar todo',
  'privacy.admin.erased': 'Borrado. Filas borradas o vaciadas: {total}.',
  'privacy.admin.historyTitle': 'Borrados anteriores',
  'privacy.admin.historyEmpty': 'Todavía no hay borrados.',
  'privacy.admin.whenHeader': 'Cuándo',
  'privacy.admin.byHeader': 'Organizador',
  'privacy.admin.organizerGone': 'Un organizador cuya cuenta se eliminó después',
  'privacy.admin.countsHeader': 'Filas por tabla',
  'privacy.admin.whyHeader': 'Por qué',
  'privacy.table.letter_signatures': 'Firmas de cartas',
  'privacy.table.day_registrations': 'Inscripciones a días de incidencia',
  'privacy.table.meetings': 'Pedidos y registros de reuniones (remitente o asistente)',
  'privacy.table.bill_subscriptions': 'Suscripciones a alertas de proyectos de ley',
  'privacy.table.outbox': 'Correos (para, responder a o copia)',
  'privacy.table.email_suppressions': 'Lista de no enviar',
  'privacy.table.people': 'Personas (una entrada por correo, lo que comparte la API)',
  'privacy.table.organizers': 'Cuentas de organizadores',
  'privacy.table.officials': 'Directorio de funcionarios',
  'privacy.why.letter_signatures':
    'Una firma es un acto propio de la persona; retirarla ya la borra, y una carta solo cuenta las firmas que existen. Las entregas anteriores guardan su propio número de firmantes.',
  'privacy.why.day_registrations':
    'Para un día que aún no llega, el lugar o el puesto en la lista de espera se cancela y pasa a la primera persona que espera. Los lugares, el orden de espera, las llegadas y los distritos de los días pasados son conteos que la coalición guarda: la fila queda con nombre, correo, teléfono, dirección, congregación, idiomas y necesidades vaciados, y sus enlaces privados dejan de funcionar.',
  'privacy.why.meetings':
    'Una reunión con un funcionario, su resultado y sus compromisos son el registro de la coalición. Como remitente: se vacían nombre, correo, teléfono, historia y texto del pedido, y el enlace privado deja de funcionar. Como asistente: la persona se quita de la lista.',
  'privacy.why.bill_subscriptions':
    'Una suscripción solo existe para enviar alertas a este correo: se borra con sus enlaces. Una que nunca se confirmó se borra sola 7 días después de pedirla.',
  'privacy.why.outbox':
    'Los correos enviados a la dirección se borran. Los correos a funcionarios que la llevaban como responder a o copia quedan como registro de que se enviaron, sin la dirección y con el texto vaciado; uno aún no enviado se detiene.',
  'privacy.why.email_suppressions':
    'Una vez borrado, nada más guarda el correo, así que no se le puede enviar nada; inscribirse otra vez es empezar de nuevo.',
  'privacy.why.people':
    'La entrada que da al correo un id para otros sistemas (la API), con las etiquetas que le dieron los organizadores: se borra, así desaparece de todas las colecciones que sirve la API.',
  'privacy.why.organizers':
    'Es acceso del personal, no datos de un simpatizante: se quita con sus sesiones solo si se marca la casilla de abajo.',
  'privacy.why.officials':
    'La dirección pública de la oficina de un funcionario electo: se muestra, nunca se borra.',
};
