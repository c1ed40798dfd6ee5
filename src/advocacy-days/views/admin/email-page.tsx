import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import { SavedNotice } from '../../../web/ui/saved-notice';
import type { AppEnv } from '../../../env';
import { ErrorSummary, SelectField, TextArea, TextField } from '../../../web/form';
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
  const labels = {
    audience: t('days.email.audience'),
    subject: t('days.email.subject'),
    body: t('days.email.body'),
    subjectEs: t('days.email.subjectEs'),
    bodyEs: t('days.email.bodyEs'),
  };
  const common = { values: props.values, errors: props.errors };
  return (
    <>
      <DayNav day={props.day} />
      <h1>{t('days.email.title')}</h1>
      {props.notice ? <SavedNotice>{props.notice}</SavedNotice> : null}
      <form method="post" action={`${dayAdminPath(props.day)}/email`} novalidate>
        <ErrorSummary errors={props.errors} labels={labels} />
        <SelectField
          name="audience"
          label={labels.audience}
          required
          options={[
            ['registered', t('days.email.allRegistered')],
            ['waitlisted', t('days.email.allWaitlisted')],
            ...props.teams.map(
              ({ team }) =>
                [`team:${team.id}`, t('days.email.team', { team: teamDisplayName(lang, team) })] as const,
            ),
          ]}
          {...common}
        />
        <TextField name="subject" label={labels.subject} required maxlength={160} {...common} />
        <TextArea
          name="body"
          label={labels.body}
          hint={t('days.email.bodyHint')}
          required
          rows={10}
          {...common}
        />
        <TextField name="subjectEs" label={labels.subjectEs} maxlength={160} {...common} />
        <TextArea
          name="bodyEs"
          label={labels.bodyEs}
          hint={t('days.email.bodyEsHint')}
          rows={10}
          {...common}
        />
        <button type="submit">{t('common.send')}</button>
      </form>
    </>
  );
}
