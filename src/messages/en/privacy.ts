/** English strings of the privacy page and privacy tools. */
export const privacy = {
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
    'Unconfirmed signatures are deleted after 7 days. Phone numbers and street addresses from advocacy days are deleted 90 days after the day, and a seat not confirmed within 6 hours is released. Meeting requests never confirmed are deleted after 30 days; 90 days after a meeting is over (thanked or declined), the phone number, the story and the other attendees’ contact details are deleted (their names stay in the record). Once an email has been handed to our email provider, our copy keeps only its subject; copies of other emails are trimmed after 90 days. Private links stop working some time after what they are for is over: 14 days after an advocacy day, 30 days after a letter closes or a meeting is over.',
  'privacy.geocoderTitle': 'Your address and the U.S. Census Bureau',
  'privacy.geocoderBody':
    'To find your state legislative districts from an address (“Find my officials” and advocacy-day registration), we send the street address you type, and nothing else (never your name or email), to the U.S. Census Bureau’s public geocoder, a government service. If you prefer to send nothing, choose your districts yourself: look up your legislators by name or district number in the officials directory, or type your district numbers on the registration form instead of an address.',
  'privacy.whoTitle': 'Who can see it',
  'privacy.whoBody':
    'Only the coalition’s organizers, who sign in with a link sent to their email. Our email provider (Resend) handles addresses only to deliver email. The coalition’s own systems (such as its supporter database) can read names, emails, city, state, congregation and what each person did here through a key an organizer creates; never phone numbers or street addresses.',
  'privacy.choicesTitle': 'Your choices',
  'privacy.choicesBody':
    'Every email has a link to withdraw, change or unsubscribe. To see or erase everything we hold about your email address, write to the coalition; an organizer can export or erase it across every part of the site.',
  'privacy.admin.title': 'Privacy requests',
  'privacy.admin.intro':
    'When someone asks what we hold about them, or asks to be forgotten, look up their email address here. You can download everything as a file for them, or erase it from every part of the site.',
  'privacy.admin.emailLabel': 'Email address',
  'privacy.admin.find': 'Find everything',
  'privacy.admin.resultTitle': 'What we hold about {email}',
  'privacy.admin.nothing': 'Nothing is held about this address.',
  'privacy.admin.tableHeader': 'Where',
  'privacy.admin.rowsHeader': 'Rows',
  'privacy.admin.onErasureHeader': 'On erasure',
  'privacy.admin.mode.delete': 'Deleted',
  'privacy.admin.mode.blank': 'Personal details blanked, row kept for counts',
  'privacy.admin.mode.delete-if-chosen': 'Deleted only if ticked below',
  'privacy.admin.mode.keep': 'Kept: public record',
  'privacy.admin.exportTitle': 'Export',
  'privacy.admin.exportButton': 'Download everything (JSON)',
  'privacy.admin.eraseTitle': 'Erase',
  'privacy.admin.eraseWarning':
    'Erasing cannot be undone. It is removed from the site at once; copies in the database’s 30-day backup history disappear within 30 days. The record of the erasure keeps only the date, who did it and how many rows, never the address.',
  'privacy.admin.includeOrganizer': 'Also remove the organizer account with this address',
  'privacy.admin.confirm':
    'I have checked that this person asked for it, and I want to erase everything listed above',
  'privacy.admin.confirmRequired': 'Tick the box to confirm the erasure.',
  'privacy.admin.eraseButton': 'Erase everything',
  'privacy.admin.erased': 'Erased. Rows deleted or blanked: {total}.',
  'privacy.admin.historyTitle': 'Past erasures',
  'privacy.admin.historyEmpty': 'No erasure yet.',
  'privacy.admin.whenHeader': 'When',
  'privacy.admin.byHeader': 'By organizer',
  'privacy.admin.organizerGone': 'An organizer whose account was removed since',
  'privacy.admin.countsHeader': 'Rows per table',
  'privacy.admin.whyHeader': 'Why',
  'privacy.table.letter_signatures': 'Letter signatures',
  'privacy.table.day_registrations': 'Advocacy-day registrations',
  'privacy.table.meetings': 'Meeting requests and records (sender or attendee)',
  'privacy.table.bill_subscriptions': 'Bill alert subscriptions',
  'privacy.table.outbox': 'Emails (to, reply-to or copy)',
  'privacy.table.email_suppressions': 'Do-not-email list',
  'privacy.table.people': 'People (one entry per address, what the API shares)',
  'privacy.table.organizers': 'Organizer accounts',
  'privacy.table.officials': 'Officials directory',
  'privacy.why.letter_signatures':
    'A signature is the person’s own act; withdrawing already deletes it, and a letter counts only signatures that exist. Past deliveries keep their own signer count.',
  'privacy.why.day_registrations':
    'For a day still ahead the seat or waitlist place is cancelled and goes to the first person waiting. Seats, waitlist order, check-ins and districts of past days are counts the coalition keeps: the row stays with name, email, phone, address, congregation, languages and needs blanked, and its private links stop working.',
  'privacy.why.meetings':
    'A meeting with an official, its outcome and the official’s commitments are the coalition’s record. As sender: name, email, phone, story and request text are blanked and the private link stops working. As attendee: the person is removed from the list.',
  'privacy.why.bill_subscriptions':
    'A subscription only exists to send alerts to this address: deleted with its links. One never confirmed is deleted by itself 7 days after it was asked for.',
  'privacy.why.outbox':
    'Emails sent to the address are deleted. Emails to officials that carried it as reply-to or copy stay as a record that they were sent, with the address removed and the text blanked; one not yet sent is stopped.',
  'privacy.why.email_suppressions':
    'Once erased, nothing else holds the address, so nothing can be sent to it; signing up again is a new start.',
  'privacy.why.people':
    'The one entry that gives the address an id for other systems (the API), with the tags organizers gave them: deleted, so it vanishes from every collection the API serves.',
  'privacy.why.organizers':
    'Staff access, not a supporter’s data: removed with its sessions only when the box below is ticked.',
  'privacy.why.officials': 'The public office address of an elected official: shown, never erased.',
};
