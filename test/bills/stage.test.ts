import { describe, expect, it } from 'vitest';
import { effectiveStage, stageFromActions, stageSteps, type StageAction } from '../../src/bills/stage';

function action(date: string, classification: string[], chamberKind = 'upper', position = 0): StageAction {
  return { date, classification, chamberKind, position };
}

const introduced = action('2027-01-10', ['introduction', 'reading-1'], 'upper', 1);
const referred = action('2027-01-11', ['referral-committee'], 'upper', 2);
const reported = action('2027-02-01', ['committee-passage-favorable'], 'upper', 3);
const passedSenate = action('2027-02-10', ['reading-3', 'passage'], 'upper', 4);
const referredHouse = action('2027-02-12', ['referral-committee'], 'lower', 5);
const reportedHouse = action('2027-03-01', ['committee-passage'], 'lower', 6);
const passedHouse = action('2027-03-10', ['passage'], 'lower', 7);
const toGovernor = action('2027-03-15', ['executive-receipt'], 'executive', 8);

describe('stageFromActions', () => {
  it('is introduced with no actions or only an introduction', () => {
    expect(stageFromActions([])).toBe('introduced');
    expect(stageFromActions([introduced])).toBe('introduced');
    expect(stageFromActions([action('2027-01-01', ['filing'])])).toBe('introduced');
  });

  it('is in committee after a referral', () => {
    expect(stageFromActions([introduced, referred])).toBe('in_committee');
  });

  it('has passed committee after a committee passage', () => {
    expect(stageFromActions([introduced, referred, reported])).toBe('passed_committee');
  });

  it('has passed its first chamber after a passage, and stays there through the second committee', () => {
    expect(stageFromActions([introduced, referred, reported, passedSenate])).toBe('passed_first_chamber');
    expect(
      stageFromActions([introduced, referred, reported, passedSenate, referredHouse, reportedHouse]),
    ).toBe('passed_first_chamber');
  });

  it('has passed both chambers after passages in two chambers', () => {
    expect(stageFromActions([introduced, passedSenate, passedHouse])).toBe('passed_both_chambers');
  });

  it('counts a second passage in the same chamber (a concurrence) as one chamber', () => {
    const concurrence = action('2027-02-20', ['passage'], 'upper', 9);
    expect(stageFromActions([passedSenate, concurrence])).toBe('passed_first_chamber');
  });

  it('treats a unicameral legislature as both chambers', () => {
    expect(stageFromActions([action('2027-02-01', ['passage'], 'legislature')])).toBe('passed_both_chambers');
  });

  it('is sent to the governor after executive receipt', () => {
    expect(stageFromActions([introduced, passedSenate, passedHouse, toGovernor])).toBe('sent_to_governor');
  });

  it('is signed after the signature or when it became law', () => {
    const signature = action('2027-03-20', ['executive-signature'], 'executive', 9);
    expect(stageFromActions([passedSenate, passedHouse, toGovernor, signature])).toBe('signed');
    const becameLaw = action('2027-04-20', ['became-law'], 'executive', 9);
    expect(stageFromActions([passedSenate, passedHouse, toGovernor, becameLaw])).toBe('signed');
  });

  it('is vetoed after a veto, and signed when both chambers override it', () => {
    const veto = action('2027-03-20', ['executive-veto'], 'executive', 9);
    expect(stageFromActions([passedSenate, passedHouse, toGovernor, veto])).toBe('vetoed');
    const overrideSenate = action('2027-04-01', ['veto-override-passage'], 'upper', 10);
    expect(stageFromActions([passedSenate, passedHouse, toGovernor, veto, overrideSenate])).toBe('vetoed');
    const overrideHouse = action('2027-04-02', ['veto-override-passage'], 'lower', 11);
    expect(
      stageFromActions([passedSenate, passedHouse, toGovernor, veto, overrideSenate, overrideHouse]),
    ).toBe('signed');
    const overrideFails = action('2027-04-02', ['veto-override-failure'], 'lower', 11);
    expect(
      stageFromActions([passedSenate, passedHouse, toGovernor, veto, overrideSenate, overrideFails]),
    ).toBe('vetoed');
  });

  it('is failed after a committee failure, a failed vote or a withdrawal', () => {
    expect(stageFromActions([introduced, referred, action('2027-02-01', ['committee-failure'])])).toBe(
      'failed',
    );
    expect(stageFromActions([introduced, reported, action('2027-02-05', ['failure'])])).toBe('failed');
    expect(stageFromActions([introduced, action('2027-01-20', ['withdrawal'])])).toBe('failed');
  });

  it('comes back from a failed vote when a reconsidered vote passes', () => {
    const failedVote = action('2027-02-09', ['failure'], 'upper', 3);
    expect(stageFromActions([introduced, failedVote, passedSenate])).toBe('passed_first_chamber');
  });

  it('gives the same stage whatever order the actions come in', () => {
    const history = [
      introduced,
      referred,
      reported,
      passedSenate,
      referredHouse,
      reportedHouse,
      passedHouse,
      toGovernor,
    ];
    const reversed = [...history].reverse();
    const shuffled = [
      passedHouse,
      introduced,
      toGovernor,
      referred,
      reportedHouse,
      passedSenate,
      reported,
      referredHouse,
    ];
    expect(stageFromActions(reversed)).toBe('sent_to_governor');
    expect(stageFromActions(shuffled)).toBe('sent_to_governor');
  });

  it('orders same-day actions by the legislature order, not by arrival', () => {
    const failedSameDay = action('2027-02-10', ['failure'], 'upper', 1);
    const passedSameDay = action('2027-02-10', ['passage'], 'upper', 2);
    expect(stageFromActions([passedSameDay, failedSameDay])).toBe('passed_first_chamber');
    const failedLater = action('2027-02-10', ['failure'], 'upper', 3);
    expect(stageFromActions([failedLater, passedSameDay])).toBe('failed');
  });

  it('ignores actions that do not move a bill (amendments, readings)', () => {
    expect(
      stageFromActions([introduced, referred, action('2027-01-15', ['amendment-introduction', 'reading-2'])]),
    ).toBe('in_committee');
  });
});

describe('effectiveStage', () => {
  it('prefers the organizer override', () => {
    expect(effectiveStage({ derivedStage: 'in_committee', stageOverride: 'failed' })).toBe('failed');
    expect(effectiveStage({ derivedStage: 'in_committee', stageOverride: null })).toBe('in_committee');
  });
});

describe('stageSteps', () => {
  it('marks the steps reached and the current one', () => {
    const steps = stageSteps('passed_committee');
    expect(steps.filter((s) => s.reached).map((s) => s.stage)).toEqual([
      'introduced',
      'in_committee',
      'passed_committee',
    ]);
    expect(steps.find((s) => s.current)?.stage).toBe('passed_committee');
  });

  it('adds the final stage at the end', () => {
    const steps = stageSteps('vetoed');
    expect(steps.at(-1)).toEqual({ stage: 'vetoed', reached: true, current: true });
  });
});
