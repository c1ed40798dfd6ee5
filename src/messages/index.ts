import { common as commonEn } from './en/common';
import { organizers as organizersEn } from './en/organizers';
import { email as emailEn } from './en/email';
import { webhooks as webhooksEn } from './en/webhooks';
import { letters as lettersEn } from './en/letters';
import { advocacyDays as advocacyDaysEn } from './en/advocacy-days';
import { gatherings as gatheringsEn } from './en/gatherings';
import { officials as officialsEn } from './en/officials';
import { meetings as meetingsEn } from './en/meetings';
import { bills as billsEn } from './en/bills';
import { privacy as privacyEn } from './en/privacy';
import { campaigns as campaignsEn } from './en/campaigns';
import { api as apiEn } from './en/api';
import { common as commonEs } from './es/common';
import { organizers as organizersEs } from './es/organizers';
import { email as emailEs } from './es/email';
import { webhooks as webhooksEs } from './es/webhooks';
import { letters as lettersEs } from './es/letters';
import { advocacyDays as advocacyDaysEs } from './es/advocacy-days';
import { gatherings as gatheringsEs } from './es/gatherings';
import { officials as officialsEs } from './es/officials';
import { meetings as meetingsEs } from './es/meetings';
import { bills as billsEs } from './es/bills';
import { privacy as privacyEs } from './es/privacy';
import { campaigns as campaignsEs } from './es/campaigns';
import { api as apiEs } from './es/api';

/**
 * Every message of the app, one file a feature a language (like a locale folder), merged here.
 * Plain data at the bottom of the code, so the translator in lib/i18n can type its keys without
 * importing any feature. Each Spanish file is typed against its English one, so a missing key
 * fails tsc; test/web/i18n.test.ts checks the merged result too.
 */
const en = {
  ...commonEn,
  ...organizersEn,
  ...emailEn,
  ...webhooksEn,
  ...lettersEn,
  ...advocacyDaysEn,
  ...gatheringsEn,
  ...officialsEn,
  ...meetingsEn,
  ...billsEn,
  ...privacyEn,
  ...campaignsEn,
  ...apiEn,
};

const es: Record<keyof typeof en, string> = {
  ...commonEs,
  ...organizersEs,
  ...emailEs,
  ...webhooksEs,
  ...lettersEs,
  ...advocacyDaysEs,
  ...gatheringsEs,
  ...officialsEs,
  ...meetingsEs,
  ...billsEs,
  ...privacyEs,
  ...campaignsEs,
  ...apiEs,
};

export const dictionaries = { en, es };
