import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { lettersOpenActions } from '../letters/open-actions';
import { advocacyDaysOpenActions } from '../advocacy-days/open-actions';
import { billsOpenActions } from '../bills/open-actions';
import type { ListOpenActions } from '../web/open-actions';
import { OpenActionList } from '../web/pages';

/** Everything open now across features, grouped by kind, for the home page and thank-you pages. */
export const listOpenActions: ListOpenActions = async (db, lang) => {
  const [letters, days, bills] = await Promise.all([
    lettersOpenActions(db, lang),
    advocacyDaysOpenActions(db, lang),
    billsOpenActions(db, lang),
  ]);
  return { letter: letters, 'advocacy-day': days, bill: bills, meeting: [] };
};

/** The home page: what the coalition is working on now. */
export const homeRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { t, lang } = c.var;
  const open = await listOpenActions(getDb(c.env), lang);
  const sections = [
    { heading: t('nav.letters'), actions: open.letter },
    { heading: t('nav.days'), actions: open['advocacy-day'] },
    { heading: t('nav.bills'), actions: open.bill },
  ].filter((s) => s.actions.length > 0);
  return c.render(
    <>
      <hgroup>
        <h1>{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
      </hgroup>
      {sections.length === 0 ? <p>{t('home.nothingYet')}</p> : null}
      {sections.map((section) => (
        <section>
          <h2>{section.heading}</h2>
          <OpenActionList actions={section.actions} />
        </section>
      ))}
    </>,
    { title: t('home.title'), description: t('home.intro') },
  );
});
