/** English strings of organizer sign-in and the /admin shell. */
const en = {
  'admin.title': 'Organizer dashboard',
  'admin.nav': 'Organizer area',
  'admin.home': 'Dashboard',
  'admin.signedInAs': 'Signed in as {email}',
  'admin.signOut': 'Sign out',
  'admin.sectionsHeading': 'Organizer sections',
  'admin.section.letters': 'Sign-on letters',
  'admin.section.lettersHint': 'Write clergy letters, review signatures, send them to officials.',
  'admin.section.days': 'Advocacy days',
  'admin.section.daysHint': 'Plan capitol days, see who registered, organize teams.',
  'admin.section.officials': 'Officials',
  'admin.section.officialsHint': 'The directory of officials and the power map.',
  'admin.section.meetings': 'Meetings',
  'admin.section.meetingsHint': 'Meeting requests, records, commitments and thank-yous.',
  'admin.section.bills': 'Bills',
  'admin.section.billsHint': 'Follow bills and send alerts to subscribers.',
  'admin.section.outbox': 'Email outbox',
  'admin.section.outboxHint': 'Emails waiting to go out or that failed, and retrying them.',
  'admin.section.privacy': 'Privacy requests',
  'admin.section.privacyHint': 'Export or erase a person’s data, and what is kept for how long.',
  'signIn.title': 'Organizer sign-in',
  'signIn.intro':
    'Organizers of the coalition sign in with a link sent by email. Enter your address and we will send you a link.',
  'signIn.email': 'Your email address',
  'signIn.submit': 'Send me a sign-in link',
  'signIn.signedOut': 'You are signed out.',
  'signIn.alreadySignedIn': 'You are already signed in.',
  'signIn.toDashboard': 'Go to the organizer dashboard',
  'signIn.sentTitle': 'Check your email',
  'signIn.sentBody':
    'If this address is on the coalition’s list of organizers, we have sent it a sign-in link. The link works once, for 10 minutes. If you ask again, only the newest link works.',
  'signIn.sentNotListed':
    'No email after a few minutes? Check your spam folder, or ask a coalition organizer to add your address.',
  'signIn.devMailbox': 'Running locally? The email is in the development mailbox.',
  'signIn.tryAgain': 'Send another link',
  'signIn.confirmTitle': 'Sign in',
  'signIn.confirmBody': 'Press the button to sign in to the organizer area of {orgName}.',
  'signIn.confirmButton': 'Sign me in',
  'signIn.failedTitle': 'This sign-in link does not work',
  'signIn.failedBody':
    'Sign-in links work once, for 10 minutes, and only the newest link sent to an address works. This one has expired, has been used, or a newer link was sent.',
  'signIn.failedAgain': 'Ask for a new sign-in link',
};

/** Spanish strings: the type makes tsc fail when a key is missing or extra. */
const es: Record<keyof typeof en, string> = {
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

export const organizerMessages = { en, es };
