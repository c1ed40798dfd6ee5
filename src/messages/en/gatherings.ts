/** English strings of gatherings (vigils, rallies, forums, listening sessions, trainings). */
export const gatherings = {
  'nav.gatherings': 'Gatherings',
  'gatherings.kind.advocacy_day': 'Advocacy day',
  'gatherings.kind.vigil': 'Vigil',
  'gatherings.kind.rally': 'Rally',
  'gatherings.kind.forum': 'Accountability forum',
  'gatherings.kind.listening_session': 'Listening session',
  'gatherings.kind.training': 'Training',
  'gatherings.index.title': 'Vigils, rallies and forums',
  'gatherings.index.intro':
    'Come stand with immigrant neighbors: vigils, rallies, accountability forums, listening sessions and trainings. RSVP so that we know how many to expect.',
  'gatherings.index.none': 'No gathering is scheduled right now. Please check back soon.',
  'gatherings.page.rsvp': 'RSVP',
  'gatherings.page.placesLeft':
    '{count, plural, one {# of {capacity} places left} other {# of {capacity} places left}}.',
  'gatherings.page.full':
    'Every place is taken. You can join the waitlist ({waiting} waiting): if a place opens, the first person waiting gets it and an email.',
  'gatherings.page.deadline': 'RSVPs close {date}.',
  'gatherings.page.preview': 'Preview: this gathering is a draft and only organizers can see it.',
  'gatherings.page.submit': 'RSVP',
  'gatherings.page.holdNotice':
    'We hold your place for 6 hours after you send this form. Confirm it with the button in the email we send you; if it is not confirmed within 6 hours, it goes to the next person waiting.',
  'gatherings.field.language': 'Language of our emails to you',
  'gatherings.hint.phone': 'Optional. Only for text messages on the day itself. Deleted 90 days after it.',
  'gatherings.closed.draft': 'RSVPs are not open yet.',
  'gatherings.closed.deadline': 'RSVPs have closed. Thank you for your interest!',
  'gatherings.closed.past': 'This gathering has already taken place.',
  'gatherings.done.body':
    'Thank you. We are emailing the address you gave about {title}: whether you have a place or are on the waitlist, your check-in code, and your private link to change or cancel.',
  'gatherings.done.back': 'Back to the gathering',
  'gatherings.private.registered': 'You have a place. See you there!',
  'gatherings.private.cancelButton': 'Cancel my RSVP',
  'gatherings.private.cancelDone': 'Your RSVP is cancelled. Thank you for letting us know.',
  'gatherings.private.again': 'RSVP again',
  'gatherings.admin.title': 'Gatherings',
  'gatherings.admin.intro':
    'Vigils, rallies, accountability forums, listening sessions and trainings: people RSVP with their name and email, with seats, a waitlist, reminders, the calendar file and check-in as for an advocacy day.',
  'gatherings.admin.new': 'New gathering',
  'gatherings.admin.edit': 'Edit the gathering',
  'gatherings.admin.gathering': 'Gathering',
  'gatherings.admin.kind': 'Kind',
  'gatherings.field.kind': 'Kind of gathering',
  'gatherings.hint.state': 'Two letters, like GA: the state the gathering is in.',
  'gatherings.hint.slug': 'Lower-case letters, numbers and dashes. The public page is /gatherings/ and this.',
} as const;
