import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { pick } from '../../lib/bilingual';
import { formatDate } from '../../lib/i18n';
import type { LadderWarning } from '../ladder';
import { TACTIC_RUNGS, type CampaignTactic } from '../schema';

/** The escalation check: the ladder, and a warning for each tactic that skips rungs (not a block). */
export function LadderCheck(props: { warnings: LadderWarning[]; tactics: CampaignTactic[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const byId = new Map(props.tactics.map((tactic) => [tactic.id, tactic]));
  const list = new Intl.ListFormat(lang, { type: 'disjunction' });
  return (
    <section aria-labelledby="ladder-title" class="ladder-check">
      <h2 id="ladder-title">{t('campaigns.ladder.title')}</h2>
      <p>{t('campaigns.ladder.intro')}</p>
      <p>
        {t('campaigns.ladder.order')}: {TACTIC_RUNGS.map((rung) => t(`campaigns.rung.${rung}`)).join(' → ')}
      </p>
      {props.warnings.length === 0 ? (
        <p>{t('campaigns.ladder.ok')}</p>
      ) : (
        <ul class="ladder-warnings" role="status">
          {props.warnings.map((warning) => {
            const tactic = byId.get(warning.tacticId)!;
            return (
              <li>
                <a href={`#tactic-${tactic.id}`}>
                  {t('campaigns.ladder.warning', {
                    tactic: pick(tactic, 'title', lang).text,
                    rung: t(`campaigns.rung.${warning.rung}`),
                    date: formatDate(lang, tactic.onDate),
                    skipped: list.format(
                      warning.skipped.map((rung) => t(`campaigns.rung.${rung}`).toLowerCase()),
                    ),
                  })}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
