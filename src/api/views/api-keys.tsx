import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { formatDate } from '../../lib/i18n';
import type { FormErrors, FormValues } from '../../web/form-values';
import { ErrorSummary, SelectField, TextField } from '../../web/form-fields';
import { ScrollTable } from '../../web/ui/admin-list';
import { SavedNotice } from '../../web/ui/saved-notice';
import type { ApiKey } from '../schema';
import { Section } from '../../web/ui/section';

/** The API keys page: the list, revoking, creating (and the new key, shown once). */
export function ApiKeysPage(props: {
  keys: ApiKey[];
  apiUrl: string;
  mayChange: boolean;
  created?: { name: string; secret: string };
  revoked?: boolean;
  values?: FormValues;
  errors?: FormErrors;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const scopes = [
    ['read', t('apiKeys.scope.read')],
    ['write', t('apiKeys.scope.write')],
  ] as const;
  return (
    <>
      <h1>{t('apiKeys.title')}</h1>
      <p>{t('apiKeys.intro', { url: props.apiUrl })}</p>
      {props.revoked ? <SavedNotice>{t('apiKeys.notice.revoked')}</SavedNotice> : null}
      {props.created ? (
        <section aria-labelledby="new-key-heading" role="status">
          <h2 id="new-key-heading">{t('apiKeys.createdTitle')}</h2>
          <p>{t('apiKeys.createdBody')}</p>
          <p>
            <strong>{props.created.name}</strong>: <code>{props.created.secret}</code>
          </p>
        </section>
      ) : null}
      <ScrollTable
        columns={[
          t('apiKeys.nameHeader'),
          t('apiKeys.scopeHeader'),
          t('apiKeys.createdHeader'),
          t('apiKeys.usedHeader'),
          { label: t('apiKeys.actionsHeader'), class: 'row-actions' },
        ]}
        items={props.keys}
        empty={t('apiKeys.none')}
        row={(key) => (
          <tr>
            <th scope="row">{key.name}</th>
            <td>{t(key.scope === 'write' ? 'apiKeys.scope.write' : 'apiKeys.scope.read')}</td>
            <td>{formatDate(lang, key.createdAt, true)}</td>
            <td>{key.lastUsedAt ? formatDate(lang, key.lastUsedAt, true) : t('apiKeys.neverUsed')}</td>
            <td class="row-actions">
              {key.revokedAt ? (
                t('apiKeys.revoked', { date: formatDate(lang, key.revokedAt, true) })
              ) : props.mayChange ? (
                <form method="post" action={`/admin/api-keys/${encodeURIComponent(key.id)}/revoke`}>
                  <button type="submit" class="secondary outline">
                    {t('apiKeys.revoke')}
                    <span class="visually-hidden"> {key.name}</span>
                  </button>
                </form>
              ) : null}
            </td>
          </tr>
        )}
      />
      <Section id="create-key-heading" title={t('apiKeys.createTitle')}>
        {props.mayChange ? (
          <form method="post" action="/admin/api-keys" novalidate>
            <ErrorSummary
              errors={props.errors}
              labels={{ name: t('apiKeys.nameLabel'), scope: t('apiKeys.scopeLabel') }}
            />
            <TextField
              name="name"
              label={t('apiKeys.nameLabel')}
              required
              values={props.values}
              errors={props.errors}
            />
            <SelectField
              name="scope"
              label={t('apiKeys.scopeLabel')}
              options={scopes}
              required
              values={props.values}
              errors={props.errors}
            />
            <button type="submit">{t('apiKeys.create')}</button>
          </form>
        ) : (
          <p>{t('apiKeys.viewerNote')}</p>
        )}
      </Section>
    </>
  );
}
