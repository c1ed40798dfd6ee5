import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { pick } from '../lib/bilingual';
import { ladderWarnings } from './ladder';
import { listActionChoices, loadCampaignParts } from './queries';
import { loadCampaignRecords, timelineOf } from './records';
import type { Campaign } from './schema';
import { StrategyChart } from './views/chart';

/** The printable strategy chart of a campaign (organizers only: it holds the power map). */
export async function renderChart(c: Context<AppEnv>, campaign: Campaign): Promise<Response> {
  const { t, lang } = c.var;
  const db = getDb(c.env);
  const [parts, actions] = await Promise.all([loadCampaignParts(db, campaign), listActionChoices(db)]);
  const records = await loadCampaignRecords(db, parts, { withPowerMap: true });
  return c.render(
    <StrategyChart
      parts={parts}
      records={records}
      timeline={timelineOf(parts, records, Date.now())}
      warnings={ladderWarnings(parts.tactics)}
      actions={actions}
    />,
    { title: t('campaigns.chart.title', { title: pick(campaign, 'title', lang).text }), wide: true },
  );
}
