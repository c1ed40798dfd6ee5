import type { organizers as en } from '../en/organizers';

/** Spanish strings: the type makes tsc fail when a key is missing or extra. */
export const organizers: Record<keyof typeof en, string> = {
  'admin.title': 'Panel de organizadores',
  'admin.nav': 'Área de organizadores',
  'admin.home': 'Panel',
  'admin.signedInAs': 'Sesión iniciada como {email}',
  'admin.signOut': 'Cerrar sesión',
  'admin.sectionsHeading': 'Secciones para organizadores',
  'admin.section.letters': 'Cartas para firmar',
  'admin.section.lettersHint': 'Redactar cartas del clero, revisar firmas y enviarlas a funcionarios.',
  'admin.section.days': 'Días de incidencia',
  'admin.section.daysHint': 'Planear días en el capitolio, ver quién se inscribió, organizar equipos.',
  'admin.section.officials': 'Funcionarios',
  'admin.section.officialsHint': 'El directorio de funcionarios y el mapa de poder.',
  'admin.section.meetings': 'Reuniones',
  'admin.section.meetingsHint': 'Solicitudes de reunión, actas, compromisos y agradecimientos.',
  'admin.section.bills': 'Proyectos de ley',
  'admin.section.billsHint': 'Seguir proyectos de ley y enviar alertas a quienes se suscribieron.',
  'admin.section.outbox': 'Correos salientes',
  'admin.section.outboxHint': 'Correos que esperan salir o que fallaron, y cómo reintentarlos.',
  'admin.section.privacy': 'Solicitudes de privacidad',
  'admin.section.privacyHint':
    'Exportar o borrar los datos de una persona, y qué se guarda y por cuánto tiempo.',
  'signIn.title': 'Entrada para organizadores',
  'signIn.intro':
    'Las personas que organizan la coalición entran con un enlace que reciben por correo. Escriba su dirección y le enviaremos un enlace.',
  'signIn.email': 'Su correo electrónico',
  'signIn.submit': 'Enviarme un enlace para entrar',
  'signIn.signedOut': 'Su sesión está cerrada.',
  'signIn.alreadySignedIn': 'Usted ya inició sesión.',
  'signIn.toDashboard': 'Ir al panel de organizadores',
  'signIn.sentTitle': 'Revise su correo',
  'signIn.sentBody':
    'Si esta dirección está en la lista de organizadores de la coalición, le enviamos un enlace para entrar. El enlace funciona una sola vez, durante 10 minutos. Si lo pide otra vez, solo funciona el enlace más reciente.',
  'signIn.sentNotListed':
    '¿No llega el correo en unos minutos? Revise la carpeta de correo no deseado, o pida a una persona organizadora de la coalición que agregue su dirección.',
  'signIn.devMailbox': '¿Lo está probando en su computadora? El correo está en el buzón de desarrollo.',
  'signIn.tryAgain': 'Enviar otro enlace',
  'signIn.confirmTitle': 'Entrar',
  'signIn.confirmBody': 'Pulse el botón para entrar al área de organizadores de {orgName}.',
  'signIn.confirmButton': 'Entrar',
  'signIn.failedTitle': 'Este enlace para entrar no funciona',
  'signIn.failedBody':
    'Los enlaces para entrar funcionan una sola vez, durante 10 minutos, y solo funciona el enlace más reciente enviado a una dirección. Este venció, ya se usó o se envió uno más nuevo.',
  'signIn.failedAgain': 'Pedir un enlace nuevo',
};
