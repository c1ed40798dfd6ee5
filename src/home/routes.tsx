import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { lettersOpenActions } from '../letters/open-actions';
import { advocacyDaysOpenActions, gatheringsOpenActions } from '../advocacy-days/open-actions';
import { billsOpenActions } from '../bills/open-actions';
import { mostUrgentFirst, type ListOpenActions, type OpenAction } from '../web/open-actions';
import { ActionCards } from '../web/ui/action-cards';
import { pick } from '../lib/bilingual';
import { campaignActionLinks, groupByCampaign, type CardGroup } from '../campaigns/home-groups';
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';

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
  const db = getDb(c.env);
  const [open, links] = await Promise.all([listOpenActions(db, lang), campaignActionLinks(db)]);
  const cards = homeCards(open, Date.now());
  const groups = groupByCampaign(cards, links);
  return c.render(
    <>
      <hgroup>
        <h1>{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
      </hgroup>
      {cards.length === 0 ? <p>{t('home.nothingYet')}</p> : <CardGroups groups={groups} />}
    </>,
    { title: t('home.title'), description: t('home.intro') },
  );
});

/**
 * The home page's cards: under each campaign's heading (a link to its page), most urgent campaign
 * first, then the actions of no campaign; one list as before when no campaign has open actions.
 */
function CardGroups(props: { groups: CardGroup[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { groups } = props;
  if (groups.every((group) => group.campaign === null))
    return (
      <section aria-label={t('home.actionsLabel')}>
        <ActionCards actions={groups.flatMap((group) => group.cards)} />
      </section>
    );
  return (
    <>
      {groups.map((group, index) => {
        const id = `group-${index + 1}`;
        const title = group.campaign ? pick(group.campaign, 'title', lang) : null;
        return (
          <section aria-labelledby={id} class="action-group">
            <h2 id={id} lang={title && title.lang !== lang ? title.lang : undefined}>
              {group.campaign && title ? (
                <a href={group.campaign.path}>{title.text}</a>
              ) : (
                t('home.otherActions')
              )}
            </h2>
            <ActionCards actions={group.cards} idPrefix={`${id}-action`} headingLevel={3} />
          </section>
        );
      })}
    </>
  );
}
