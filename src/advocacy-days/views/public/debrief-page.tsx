import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../../env';
import { FieldForm, type FormState } from '../../../web/form';
import type { AdvocacyDay } from '../../schema';
import { STANCES } from '../../validation';
import { DayTextTag } from '../parts';

/** The debrief form after the day. */
export function DebriefPage(
  props: FormState & {
    day: AdvocacyDay;
    teams: { id: string; label: string }[];
    defaultTeamId: string | null;
    action: string;
  },
): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = {
    teamId: t('days.debrief.meeting'),
    whatTheySaid: t('days.debrief.whatTheySaid'),
    commitment: t('days.debrief.commitment'),
    stance: t('days.debrief.stance'),
    followUp: t('days.debrief.followUp'),
  };
  return (
    <article>
      <hgroup>
        <h1>{t('days.debrief.title')}</h1>
        <DayTextTag day={props.day} field="title" as="p" />
      </hgroup>
      <p>{t('days.debrief.intro')}</p>
      <FieldForm
        action={props.action}
        submit={t('days.debrief.submit')}
        labels={labels}
        hints={{ followUp: t('days.debrief.followUpHint') }}
        state={props}
        fields={[
          {
            kind: 'choices',
            name: 'teamId',
            required: true,
            options: props.teams.map((team) => [team.id, team.label] as const),
            value: props.values?.teamId ?? props.defaultTeamId ?? undefined,
          },
          { kind: 'area', name: 'whatTheySaid', required: true, rows: 4, maxlength: 2000 },
          { kind: 'area', name: 'commitment', rows: 2, maxlength: 1000 },
          {
            kind: 'choices',
            name: 'stance',
            required: true,
            options: STANCES.map((stance) => [stance, t(`days.stance.${stance}`)] as const),
          },
          { kind: 'area', name: 'followUp', rows: 2, maxlength: 1000 },
        ]}
      />
    </article>
  );
}
