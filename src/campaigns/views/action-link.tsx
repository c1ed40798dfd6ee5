import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { actionPath } from '../actions';
import type { ActionChoice } from '../queries';
import type { CampaignTactic } from '../schema';
import { actionOptionLabel } from './part-forms';

/** What carries a tactic out, as a link to its page (meeting requests: to the targets' pages). */
export function ActionLink(props: {
  tactic: Pick<CampaignTactic, 'action' | 'actionRef'>;
  actions: readonly ActionChoice[];
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { action, actionRef } = props.tactic;
  if (action === 'none' || action === 'meeting_requests') return <>{t(`campaigns.action.${action}`)}</>;
  const found = props.actions.find((a) => a.kind === action && a.id === actionRef);
  if (!found) return <>{t('campaigns.action.none')}</>;
  return <a href={actionPath(found)}>{actionOptionLabel(t, lang, found)}</a>;
}
