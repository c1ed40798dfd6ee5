// What a visitor of a campaign's public page can do now: its planned tactics whose action is open,
// soonest first (the order of urgency). Meeting requests become one request link per target.
import { meetingRequestPath } from '../officials/links';
import { actionPath } from './actions';
import type { ActionChoice, CampaignParts } from './queries';
import type { CampaignTactic } from './schema';

/** One open action on the public page: the tactic it carries out and where to act. */
export interface PublicAction {
  tactic: CampaignTactic;
  href: string;
  /** The letter, day or bill it leads to; for a meeting request, the target's name. */
  action: ActionChoice | null;
  officialName: string | null;
}

/** The open actions of a campaign in order of urgency (the tactic's date, then its rung). */
export function openActionsOf(parts: CampaignParts, actions: readonly ActionChoice[]): PublicAction[] {
  const planned = parts.tactics
    .filter((tactic) => tactic.status === 'planned')
    .sort((a, b) => a.onDate.localeCompare(b.onDate) || a.createdAt - b.createdAt);
  return planned.flatMap((tactic): PublicAction[] => {
    if (tactic.action === 'meeting_requests')
      return parts.targets.map((target) => ({
        tactic,
        href: meetingRequestPath(target.official),
        action: null,
        officialName: target.official.name,
      }));
    const action = actions.find((a) => a.kind === tactic.action && a.id === tactic.actionRef);
    return action?.open ? [{ tactic, href: actionPath(action), action, officialName: null }] : [];
  });
}
