// The form of each part of a campaign (goals, allies and opponents, targets, communications,
// tactics), written as field lists: the add forms of the campaign page and the edit page share them.
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { pick } from '../../lib/bilingual';
import type { Lang, Translate } from '../../lib/i18n';
import { titleLabel } from '../../officials/links';
import { FieldForm, type FieldRow, type FieldSpec, type FormState } from '../../web/form';
import type { ActionChoice, OfficialChoice, PartName } from '../queries';
import {
  COMMUNICATION_KINDS,
  GOAL_HORIZONS,
  GOAL_STATUSES,
  PARTY_SIDES,
  TACTIC_RUNGS,
  TACTIC_STATUSES,
  TARGET_RANKS,
  type CampaignGoal,
} from '../schema';

/** What the part forms' selects offer. */
export interface PartChoices {
  officials: OfficialChoice[];
  actions: ActionChoice[];
  goals: CampaignGoal[];
}

/** The label of each field of a part's form (also the error summary's). */
export function partLabels(t: Translate, part: PartName): Record<string, string> {
  switch (part) {
    case 'goals':
      return {
        horizon: t('campaigns.field.horizon'),
        textEn: t('campaigns.field.goalText'),
        textEs: t('campaigns.field.goalTextEs'),
        status: t('campaigns.field.status'),
      };
    case 'parties':
      return {
        side: t('campaigns.field.side'),
        name: t('campaigns.field.name'),
        officialId: t('campaigns.field.official'),
        note: t('campaigns.field.note'),
        outreachPlan: t('campaigns.field.outreachPlan'),
      };
    case 'targets':
      return { officialId: t('campaigns.field.official'), rank: t('campaigns.field.rank') };
    case 'communications':
      return {
        kind: t('campaigns.field.kind'),
        textEn: t('campaigns.field.commText'),
        textEs: t('campaigns.field.commTextEs'),
        onDate: t('campaigns.field.onDate'),
        url: t('campaigns.field.url'),
      };
    case 'tactics':
      return {
        rung: t('campaigns.field.rung'),
        titleEn: t('campaigns.field.tacticTitle'),
        titleEs: t('campaigns.field.tacticTitleEs'),
        onDate: t('campaigns.field.tacticDate'),
        status: t('campaigns.field.status'),
        goalId: t('campaigns.field.goal'),
        action: t('campaigns.field.action'),
      };
  }
}

/** An official as a select names them, their title in the reader's language: "Dana Morales, Sheriff (GA)". */
export function officialOption(t: Translate, official: OfficialChoice): readonly [string, string] {
  return [
    official.id,
    `${official.name}, ${titleLabel(t, official.title)} (${official.state.toUpperCase()})`,
  ];
}

/** An action as the tactic form's select names it. */
export function actionOptionLabel(t: Translate, lang: Lang, action: ActionChoice): string {
  const title =
    action.kind === 'bill'
      ? `${action.state ?? ''} ${action.title}`.trim()
      : pick(action, 'title', lang).text;
  const gathering = action.kind === 'day' && action.dayKind && action.dayKind !== 'advocacy_day';
  return gathering
    ? t('campaigns.action.gathering', { title })
    : t(`campaigns.action.${action.kind}`, { title });
}

/** A required select of one of `values`, each named by `label`. */
function requiredSelect<const T extends string>(
  name: string,
  values: readonly T[],
  label: (value: T) => string,
): FieldSpec {
  return {
    kind: 'select',
    name,
    required: true,
    options: values.map((value) => [value, label(value)] as const),
  };
}

/** The fields of a part's form, in order. */
export function partFields(t: Translate, lang: Lang, part: PartName, choices: PartChoices): FieldRow[] {
  switch (part) {
    case 'goals':
      return [
        [
          requiredSelect('horizon', GOAL_HORIZONS, (h) => t(`campaigns.horizon.${h}`)),
          requiredSelect('status', GOAL_STATUSES, (s) => t(`campaigns.goalStatus.${s}`)),
        ],
        [
          { kind: 'text', name: 'textEn', required: true, maxlength: 500 },
          { kind: 'text', name: 'textEs', maxlength: 500 },
        ],
      ];
    case 'parties':
      return [
        [
          requiredSelect('side', PARTY_SIDES, (s) => t(`campaigns.side.${s}`)),
          { kind: 'text', name: 'name', required: true, maxlength: 200 },
        ],
        {
          kind: 'select',
          name: 'officialId',
          placeholder: t('campaigns.noOfficial'),
          options: choices.officials.map((official) => officialOption(t, official)),
        },
        [
          { kind: 'area', name: 'note', rows: 2, maxlength: 2000 },
          { kind: 'area', name: 'outreachPlan', rows: 2, maxlength: 2000 },
        ],
      ];
    case 'targets':
      return [
        {
          kind: 'select',
          name: 'officialId',
          required: true,
          options: choices.officials.map((official) => officialOption(t, official)),
        },
        requiredSelect('rank', TARGET_RANKS, (r) => t(`campaigns.rank.${r}`)),
      ];
    case 'communications':
      return [
        requiredSelect('kind', COMMUNICATION_KINDS, (k) => t(`campaigns.kind.${k}`)),
        [
          { kind: 'area', name: 'textEn', required: true, rows: 2, maxlength: 2000 },
          { kind: 'area', name: 'textEs', rows: 2, maxlength: 2000 },
        ],
        [
          { kind: 'text', name: 'onDate', type: 'date', hint: t('campaigns.hint.onDate') },
          { kind: 'text', name: 'url', type: 'url', maxlength: 2000 },
        ],
      ];
    case 'tactics':
      return [
        [
          requiredSelect('rung', TACTIC_RUNGS, (r) => t(`campaigns.rung.${r}`)),
          { kind: 'text', name: 'onDate', type: 'date', required: true },
          requiredSelect('status', TACTIC_STATUSES, (s) => t(`campaigns.tacticStatus.${s}`)),
        ],
        [
          { kind: 'text', name: 'titleEn', required: true, maxlength: 300 },
          { kind: 'text', name: 'titleEs', maxlength: 300 },
        ],
        {
          kind: 'select',
          name: 'goalId',
          placeholder: t('campaigns.noGoal'),
          options: choices.goals.map((goal) => [goal.id, pick(goal, 'text', lang).text] as const),
        },
        {
          kind: 'select',
          name: 'action',
          required: true,
          options: [
            ['none', t('campaigns.action.none')],
            ['meeting_requests', t('campaigns.action.meeting_requests')],
            ...choices.actions.map((a) => [`${a.kind}:${a.id}`, actionOptionLabel(t, lang, a)] as const),
          ],
        },
      ];
  }
}

/** The add or edit form of one part's item. */
export function PartForm(props: {
  part: PartName;
  action: string;
  choices: PartChoices;
  state: FormState;
  submit: string;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <FieldForm
      action={props.action}
      labels={partLabels(t, props.part)}
      fields={partFields(t, lang, props.part, props.choices)}
      state={props.state}
      submit={props.submit}
    />
  );
}
