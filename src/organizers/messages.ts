/** English strings of organizer sign-in and the /admin shell. */
const en = {
  'admin.title': 'Organizer dashboard',
  'admin.nav': 'Organizer',
  'admin.signedInAs': 'Signed in as {email}',
  'admin.signOut': 'Sign out',
};

/** Spanish strings: the type makes tsc fail when a key is missing or extra. */
const es: Record<keyof typeof en, string> = {
  'admin.title': 'Panel de organizadores',
  'admin.nav': 'Organizadores',
  'admin.signedInAs': 'Sesión iniciada como {email}',
  'admin.signOut': 'Cerrar sesión',
};

export const organizerMessages = { en, es };
