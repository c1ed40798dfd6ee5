import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { ErrorSummary, SelectField, type FormErrors } from '../../web/form';
import { SavedNotice } from '../../web/ui/saved-notice';
import { officialPath, roleLabel, titleLabel } from '../links';
import { PowerMap, type PowerMapProps } from './power-map';

/** One official for organizers: facts, language setting, power map (private), meetings link. */
export function AdminOfficialPage(props: PowerMapProps & { saved: boolean; langErrors?: FormErrors }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const o = props.official;
  return (
    <>
      <h1>{o.name}</h1>
      {props.saved ? <SavedNotice plain>{t('officials.admin.saved')}</SavedNotice> : null}
      <p>
        {titleLabel(t, o.title)} · {roleLabel(t, o.chamber)} · {o.state.toUpperCase()}
        {o.district ? ` · ${t('officials.district', { district: o.district })}` : ''}
        {o.inOffice ? '' : ` · ${t('officials.admin.retired')}`}
      </p>
      <p>
        {o.inOffice || o.source === 'manual' ? (
          <a href={officialPath(o)}>{t('officials.admin.publicPage')}</a>
        ) : null}
        {' · '}
        <a href={`/admin/meetings?official=${encodeURIComponent(o.id)}`}>{t('officials.admin.meetings')}</a>
        {o.source === 'manual' ? (
          <>
            {' · '}
            <a href={`/admin/officials/edit?id=${encodeURIComponent(o.id)}`}>{t('officials.admin.edit')}</a>
          </>
        ) : null}
      </p>
      {o.source === 'openstates' ? (
        <p>
          <small>{t('officials.admin.openstatesNote')}</small>
        </p>
      ) : null}
      <ErrorSummary errors={props.langErrors} labels={{ lang: t('officials.admin.lang') }} />
      <form method="post" action={`/admin/officials/lang?id=${encodeURIComponent(o.id)}`} class="inline-form">
        <SelectField
          name="lang"
          label={t('officials.admin.lang')}
          value={props.langErrors ? '' : o.lang}
          errors={props.langErrors}
          options={[
            ['en', t('common.english')],
            ['es', t('common.spanish')],
          ]}
          required
        />
        <button type="submit" class="secondary">
          {t('common.save')}
        </button>
      </form>
      <PowerMap
        official={o}
        entries={props.entries}
        changes={props.changes}
        editing={props.editing}
        today={props.today}
        values={props.values}
        errors={props.errors}
      />
    </>
  );
}
