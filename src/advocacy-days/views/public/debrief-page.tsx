import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../../env';
import { ChoiceGroup, ErrorSummary, TextArea, type FormState } from '../../../web/form';
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
  const common = { values: props.values, errors: props.errors };
  return (
    <article>
      <hgroup>
        <h1>{t('days.debrief.title')}</h1>
        <DayTextTag day={props.day} field="title" as="p" />
      </hgroup>
      <p>{t('days.debrief.intro')}</p>
      <form method="post" action={props.action} novalidate>
        <ErrorSummary errors={props.errors} labels={labels} />
        <ChoiceGroup
          name="teamId"
          label={labels.teamId}
          required
          options={props.teams.map((team) => [team.id, team.label] as const)}
          value={props.values?.teamId ?? props.defaultTeamId ?? undefined}
          {...common}
        />
        <TextArea
          name="whatTheySaid"
          label={labels.whatTheySaid}
          required
          rows={4}
          maxlength={2000}
          {...common}
        />
        <TextArea name="commitment" label={labels.commitment} rows={2} maxlength={1000} {...common} />
        <ChoiceGroup
          name="stance"
          label={labels.stance}
          required
          options={STANCES.map((stance) => [stance, t(`days.stance.${stance}`)] as const)}
          {...common}
        />
        <TextArea
          name="followUp"
          label={labels.followUp}
          hint={t('days.debrief.followUpHint')}
          rows={2}
          maxlength={1000}
          {...common}
        />
        <button type="submit">{t('days.debrief.submit')}</button>
      </form>
    </article>
  );
}
