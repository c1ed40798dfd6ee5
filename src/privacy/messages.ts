/** English strings of the privacy page and privacy tools. */
const en = {
  'privacy.title': 'Privacy',
  'privacy.intro':
    '{org} collects only what each action needs, uses it only for that action, and never sells or shares it with government agencies.',
  'privacy.whatTitle': 'What we collect and why',
  'privacy.whatBody':
    'Signing a letter: your name, title, faith tradition, congregation, city, state and email, so that your signature can be confirmed and delivered. Registering for an advocacy day: your contact details, and your address only to find your state legislative districts, so that you can meet your own legislators. Requesting a meeting: your name, email and the details you write, which go to the official you chose. Following a bill: your email, to send you the alerts you asked for.',
  'privacy.neverTitle': 'What we never ask',
  'privacy.neverBody':
    'We never ask anyone’s immigration status or country of origin. We do not keep IP addresses, and our logs never hold emails, phone numbers or addresses.',
  'privacy.publicTitle': 'What is public',
  'privacy.publicBody':
    'Only what you choose to show: for example, your name, title, congregation, city and state on a letter’s list of signers if you tick “show my name publicly”. Your email is never shown.',
  'privacy.howLongTitle': 'How long we keep it',
  'privacy.howLongBody':
    'Unconfirmed signatures are deleted after 7 days. Phone numbers and street addresses from advocacy days are deleted 90 days after the day. Copies of sent emails are trimmed after 90 days.',
  'privacy.whoTitle': 'Who can see it',
  'privacy.whoBody':
    'Only the coalition’s organizers, who sign in with a link sent to their email. Our email provider (Resend) handles addresses only to deliver email.',
  'privacy.choicesTitle': 'Your choices',
  'privacy.choicesBody':
    'Every email has a link to withdraw, change or unsubscribe. To see or erase everything we hold about your email address, write to the coalition; an organizer can export or erase it across every part of the site.',
};

/** Spanish strings: the type makes tsc fail when a key is missing or extra. */
const es: Record<keyof typeof en, string> = {
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
    'Las firmas sin confirmar se borran a los 7 días. Los teléfonos y direcciones de los días de incidencia se borran 90 días después del evento. Las copias de los correos enviados se recortan a los 90 días.',
  'privacy.whoTitle': 'Quién puede verlo',
  'privacy.whoBody':
    'Solo los organizadores de la coalición, que entran con un enlace enviado a su correo. Nuestro proveedor de correo (Resend) maneja las direcciones solo para entregar los mensajes.',
  'privacy.choicesTitle': 'Sus opciones',
  'privacy.choicesBody':
    'Cada correo tiene un enlace para retirar, cambiar o cancelar la suscripción. Para ver o borrar todo lo que guardamos sobre su correo, escriba a la coalición; un organizador puede exportarlo o borrarlo en todas las partes del sitio.',
};

export const privacyMessages = { en, es };
