import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { formatDate } from '../../lib/i18n';
import { ErrorSummary, labelsOf, SelectField, TextArea, TextField } from '../../web/form';
import type { FormState } from '../../web/form';
import { DataTable } from '../../web/ui/admin-list';
import { PostButton } from '../../web/ui/post-button';
import { adminOfficialPath, stanceLabel } from '../links';
import type { PowerMapData } from '../queries';
import { STANCES, type Official, type PowerMapEntry } from '../schema';
import { Section } from '../../web/ui/section';

/** What the power map shows: the official, their entries and corrections, the entry being edited. */
export type PowerMapProps = FormState &
  PowerMapData & {
    official: Official;
    /** The entry open for editing in the form, if any. */
    editing?: PowerMapEntry;
    today: string;
  };

/**
 * An official's power map for organizers: the current stance, the dated entries with edit and
 * delete, the form to add an entry (or correct the one being edited), and the history of corrections.
 */
export function PowerMap(props: PowerMapProps): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const o = props.official;
  const current = props.entries[0];
  const editing = props.editing;
  const entryPath = (action: 'edit' | 'delete', entryId: string) =>
    `/admin/officials/power-map/${action}?id=${encodeURIComponent(o.id)}&entry=${encodeURIComponent(entryId)}`;
  const labels = labelsOf(['stance', 'notedOn', 'note'], (name) => t(`officials.admin.${name}`));
  const formValues =
    props.values ??
    (editing
      ? { stance: editing.stance, notedOn: editing.notedOn, note: editing.note ?? '' }
      : { stance: current?.stance ?? 'unknown', notedOn: props.today });
  return (
    <Section id="power-map-heading" title={t('officials.admin.powerMap')}>
      <p>
        <small>{t('officials.admin.powerMapPrivate')}</small>
      </p>
      <p>
        {t('officials.admin.currentStance')}: <strong>{stanceLabel(t, current?.stance ?? 'unknown')}</strong>
      </p>
      <DataTable
        items={props.entries}
        empty={t('officials.admin.noNotes')}
        columns={[
          { label: labels.notedOn, cell: (entry) => entry.notedOn },
          { label: labels.stance, cell: (entry) => stanceLabel(t, entry.stance) },
          {
            label: labels.note,
            class: 'pre-line',
            cell: (entry) => <EntryNote entry={entry} />,
          },
          {
            label: t('officials.admin.entryActions'),
            cell: (entry) => (
              <>
                <a href={`${adminOfficialPath(o.id)}&edit=${encodeURIComponent(entry.id)}#power-map-form`}>
                  {t('officials.admin.editEntry', { date: entry.notedOn })}
                </a>
                <PostButton action={entryPath('delete', entry.id)} formClass="inline-form">
                  {t('officials.admin.deleteEntry', { date: entry.notedOn })}
                </PostButton>
              </>
            ),
          },
        ]}
      />
      <ErrorSummary errors={props.errors} labels={labels} />
      <form
        method="post"
        id="power-map-form"
        action={
          editing
            ? entryPath('edit', editing.id)
            : `/admin/officials/power-map?id=${encodeURIComponent(o.id)}`
        }
      >
        {editing ? <h3>{t('officials.admin.editingEntry', { date: editing.notedOn })}</h3> : null}
        <div class="grid">
          <SelectField
            name="stance"
            label={labels.stance}
            values={formValues}
            errors={props.errors}
            options={STANCES.map((stance) => [stance, stanceLabel(t, stance)] as const)}
            required
          />
          <TextField
            name="notedOn"
            type="date"
            label={labels.notedOn}
            hint={t('officials.admin.notedOnHint')}
            values={formValues}
            errors={props.errors}
            required
          />
        </div>
        <TextArea name="note" label={labels.note} values={formValues} errors={props.errors} rows={3} />
        <button type="submit">{t(editing ? 'officials.admin.saveEntry' : 'officials.admin.addNote')}</button>
        {editing ? (
          <>
            {' '}
            <a href={adminOfficialPath(o.id)}>{t('common.cancel')}</a>
          </>
        ) : null}
      </form>
      {props.changes.length ? (
        <section aria-labelledby="power-map-history">
          <h3 id="power-map-history">{t('officials.admin.history')}</h3>
          <ul>
            {props.changes.map((change) => (
              <li>
                {formatDate(lang, change.at, true)} ·{' '}
                {t(
                  change.action === 'delete'
                    ? 'officials.admin.historyDeleted'
                    : 'officials.admin.historyEdited',
                  {
                    date: change.before.notedOn,
                    stance: stanceLabel(t, change.before.stance),
                  },
                )}
                {change.before.note ? ` (“${change.before.note}”)` : ''}
                {change.organizerName
                  ? ` · ${t('officials.admin.historyBy', { name: change.organizerName })}`
                  : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Section>
  );
}

/** A power-map note, with a link to the meeting it came from. */
function EntryNote(props: { entry: PowerMapEntry }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const { entry } = props;
  return (
    <>
      {entry.note ?? ''}
      {entry.meetingId ? (
        <small>
          {entry.note ? ' · ' : ''}
          <a href={`/admin/meetings/view?id=${encodeURIComponent(entry.meetingId)}`}>
            {t('officials.admin.fromMeeting')}
          </a>
        </small>
      ) : null}
    </>
  );
}
