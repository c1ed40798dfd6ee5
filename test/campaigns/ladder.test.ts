// The escalation ladder: a planned tactic that skips rungs warns; the toolkit's order does not.
import { describe, expect, it } from 'vitest';
import { ladderWarnings } from '../../src/campaigns/ladder';
import type { CampaignTactic } from '../../src/campaigns/schema';

type Tactic = Pick<CampaignTactic, 'id' | 'rung' | 'status' | 'onDate'>;
const tactic = (
  id: string,
  rung: Tactic['rung'],
  onDate: string,
  status: Tactic['status'] = 'planned',
): Tactic => ({
  id,
  rung,
  status,
  onDate,
});

describe('ladderWarnings', () => {
  it('warns when a vigil is planned before any meeting with the decision makers', () => {
    expect(ladderWarnings([tactic('v', 'vigil_rally', '2027-02-01')])).toEqual([
      { tacticId: 'v', rung: 'vigil_rally', skipped: ['meeting'] },
    ]);
  });

  it('accepts a vigil after a meeting that happened, or one planned for earlier', () => {
    expect(
      ladderWarnings([
        tactic('m', 'meeting', '2027-01-10', 'done'),
        tactic('v', 'vigil_rally', '2027-02-01'),
      ]),
    ).toEqual([]);
    expect(
      ladderWarnings([tactic('m', 'meeting', '2027-01-10'), tactic('v', 'vigil_rally', '2027-02-01')]),
    ).toEqual([]);
  });

  it('warns when the meeting is planned only after the vigil, and names every skipped rung', () => {
    const warnings = ladderWarnings([
      tactic('m', 'meeting', '2027-03-01'),
      tactic('v', 'vigil_rally', '2027-02-01'),
      tactic('d', 'direct_action', '2027-02-15'),
    ]);
    expect(warnings).toEqual([
      { tacticId: 'v', rung: 'vigil_rally', skipped: ['meeting'] },
      { tacticId: 'd', rung: 'direct_action', skipped: ['meeting', 'forum', 'press'] },
    ]);
  });

  it('never warns about tactics that happened or were called off, and ignores called-off lower rungs', () => {
    expect(ladderWarnings([tactic('d', 'direct_action', '2027-01-01', 'done')])).toEqual([]);
    expect(ladderWarnings([tactic('d', 'direct_action', '2027-01-01', 'cancelled')])).toEqual([]);
    expect(
      ladderWarnings([
        tactic('m', 'meeting', '2027-01-01', 'cancelled'),
        tactic('v', 'vigil_rally', '2027-02-01'),
      ]),
    ).toHaveLength(1);
  });
});
