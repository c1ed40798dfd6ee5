import { commonMessages } from './messages';
import { organizerMessages } from '../organizers/messages';
import { emailMessages } from '../email/messages';
import { lettersMessages } from '../letters/messages';
import { advocacyDaysMessages } from '../advocacy-days/messages';
import { officialsMessages } from '../officials/messages';
import { meetingsMessages } from '../meetings/messages';
import { billsMessages } from '../bills/messages';
import { privacyMessages } from '../privacy/messages';

/**
 * Every feature keeps its own strings beside its code; this is the one place they meet.
 * Each feature's Spanish dictionary is typed against its English one, so a missing key fails tsc,
 * and test/web/i18n.test.ts checks the merged result too.
 */
const en = {
  ...commonMessages.en,
  ...organizerMessages.en,
  ...emailMessages.en,
  ...lettersMessages.en,
  ...advocacyDaysMessages.en,
  ...officialsMessages.en,
  ...meetingsMessages.en,
  ...billsMessages.en,
  ...privacyMessages.en,
};

const es: Record<keyof typeof en, string> = {
  ...commonMessages.es,
  ...organizerMessages.es,
  ...emailMessages.es,
  ...lettersMessages.es,
  ...advocacyDaysMessages.es,
  ...officialsMessages.es,
  ...meetingsMessages.es,
  ...billsMessages.es,
  ...privacyMessages.es,
};

export const dictionaries = { en, es };
