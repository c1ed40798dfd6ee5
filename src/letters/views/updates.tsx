// The organizer's updates page of a letter: the form for a new update and the past ones.
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { ErrorSummary, FieldList, type FormState } from '../../web/form';
import type { Letter } from '../schema';
import type { UpdateWithCounts } from '../queries/updates';
import type { RecipientCounts } from '../updates';
import { LetterAdminNav, adminPath } from './admin';
import { PastUpdates, Recipients, UpdateTextFields, useFieldLabels } from './update-parts';
import { SavedNotice } from '../../web/ui/saved-notice';
import { Section } from '../../web/ui/section';

/** The organizer's page: who would receive an update, the form to write one, and past updates. */
export function UpdatesPage(
  props: FormState & {
    letter: Letter;
    recipients: RecipientCounts;
    updates: UpdateWithCounts[];
    notice?: string;
  },
): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = useFieldLabels();
  return (
    <>
      <LetterAdminNav letter={props.letter} />
      <h1>{t('letters.updates.title')}</h1>
      {props.notice ? <SavedNotice>{props.notice}</SavedNotice> : null}
      <p>{t('letters.updates.intro')}</p>
      <Recipients recipients={props.recipients} />
      <p>
        <small>{t('letters.updates.whoHint')}</small>
      </p>
      <Section id="write-update-heading" title={t('letters.updates.writeHeading')}>
        <form method="post" action={adminPath(props.letter, '/updates/preview')} novalidate>
          <ErrorSummary errors={props.errors} labels={labels} />
          <UpdateTextFields lang="en" labels={labels} values={props.values} errors={props.errors} />
          <UpdateTextFields lang="es" labels={labels} values={props.values} errors={props.errors} />
          <FieldList
            legend={t('letters.updates.nextStepHeading')}
            labels={labels}
            hints={{
              nextStepUrl: t('letters.updates.hint.nextStepUrl'),
              nextStepLabelEn: t('letters.updates.hint.nextStepLabel'),
              nextStepLabelEs: t('letters.updates.hint.nextStepLabel'),
            }}
            state={props}
            fields={[
              { kind: 'text', name: 'nextStepUrl', type: 'url' },
              { kind: 'text', name: 'nextStepLabelEn' },
              { kind: 'text', name: 'nextStepLabelEs' },
            ]}
          >
            <p>
              <small>{t('letters.updates.nextStepHint')}</small>
            </p>
          </FieldList>
          <button type="submit">{t('letters.updates.previewButton')}</button>
        </form>
      </Section>
      <PastUpdates letter={props.letter} updates={props.updates} />
    </>
  );
}
