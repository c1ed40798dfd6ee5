import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import { SavedNotice } from '../../../web/ui/saved-notice';
import type { AppEnv } from '../../../env';
import { FieldForm, labelsOf } from '../../../web/form';
import type { FormState } from '../../../web/form';
import type { AdvocacyDay, Team } from '../../schema';
import { teamDisplayName } from '../../teams';
import { DayNav, dayAdminPath } from './parts';

/** The email to all registrants or one team. */
export function EmailPage(
  props: FormState & {
    day: AdvocacyDay;
    teams: { team: Team }[];
    notice?: string;
  },
): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const labels = labelsOf(['audience', 'subject', 'body', 'subjectEs', 'bodyEs'], (name) =>
    t(`days.email.${name}`),
  );
  const audiences = [
    ['registered', t('days.email.allRegistered')] as const,
    ['waitlisted', t('days.email.allWaitlisted')] as const,
    ...props.teams.map(
      ({ team }) => [`team:${team.id}`, t('days.email.team', { team: teamDisplayName(lang, team) })] as const,
    ),
  ];
  return (
    <>
      <DayNav day={props.day} />
      <h1>{t('days.email.title')}</h1>
      {props.notice ? <SavedNotice>{props.notice}</SavedNotice> : null}
      <FieldForm
        action={`${dayAdminPath(props.day)}/email`}
        submit={t('common.send')}
        labels={labels}
        hints={{ body: t('days.email.bodyHint'), bodyEs: t('days.email.bodyEsHint') }}
        state={props}
        fields={[
          { kind: 'select', name: 'audience', required: true, options: audiences },
          { kind: 'text', name: 'subject', required: true, maxlength: 160 },
          { kind: 'area', name: 'body', required: true, rows: 10 },
          { kind: 'text', name: 'subjectEs', maxlength: 160 },
          { kind: 'area', name: 'bodyEs', rows: 10 },
        ]}
      />
    </>
  );
}
