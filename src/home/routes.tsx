import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { lettersOpenActions } from '../letters/open-actions';
import { advocacyDaysOpenActions, gatheringsOpenActions } from '../advocacy-days/open-actions';
import { billsOpenActions } from '../bills/open-actions';
import { mostUrgentFirst, type ListOpenActions, type OpenAction } from '../web/open-actions';
import { ActionCards } from '../web/ui/action-cards';

/** Everything open now across features, grouped by kind, for the home page and thank-you pages. */
export const listOpenActions: ListOpenActions = async (db, lang) => {
  const [letters, days, gatherings, bills] = await Promise.all([
    lettersOpenActions(db, lang),
    advocacyDaysOpenActions(db, lang),
    gatheringsOpenActions(db, lang),
    billsOpenActions(db, lang),
  ]);
  return { letter: letters, 'advocacy-day': days, gathering: gatherings, bill: bills, meeting: [] };
};

/** Every open action of every kind in one list, most urgent first (the home page's cards). */
export function homeCards(open: Record<OpenAction['kind'], OpenAction[]>, now: number): OpenAction[] {
  return mostUrgentFirst(Object.values(open).flat(), now);
}

/** The home page: what the coalition is working on now, one card per open action. */
export const homeRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { t, lang } = c.var;
  const cards = homeCards(await listOpenActions(getDb(c.env), lang), Date.now());
  return c.render(
    <>
      <hgroup>
        <h1>{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
      </hgroup>
      {cards.length === 0 ? (
        <p>{t('home.nothingYet')}</p>
      ) : (
        <section aria-label={t('home.actionsLabel')}>
          <ActionCards actions={cards} />
        </section>
      )}
    </>,
    { title: t('home.title'), description: t('home.intro') },
  );
});
