import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { formatDate } from '../../lib/i18n';
import type { FormErrors, FormValues } from '../../web/form-values';
import { FieldForm } from '../../web/form-fields';
import { DataTable } from '../../web/ui/admin-list';
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
      <DataTable
        items={props.keys}
        empty={t('apiKeys.none')}
        columns={[
          { label: t('apiKeys.nameHeader'), cell: (key) => key.name, rowHeader: true },
          {
            label: t('apiKeys.scopeHeader'),
            cell: (key) => t(key.scope === 'write' ? 'apiKeys.scope.write' : 'apiKeys.scope.read'),
          },
          { label: t('apiKeys.createdHeader'), cell: (key) => formatDate(lang, key.createdAt, true) },
          {
            label: t('apiKeys.usedHeader'),
            cell: (key) => (key.lastUsedAt ? formatDate(lang, key.lastUsedAt, true) : t('apiKeys.neverUsed')),
          },
          {
            label: t('apiKeys.actionsHeader'),
            class: 'row-actions',
            cell: (key) =>
              key.revokedAt ? (
                t('apiKeys.revoked', { date: formatDate(lang, key.revokedAt, true) })
              ) : props.mayChange ? (
                <form method="post" action={`/admin/api-keys/${encodeURIComponent(key.id)}/revoke`}>
                  <button type="submit" class="secondary outline">
                    {t('apiKeys.revoke')}
                    <span class="visually-hidden"> {key.name}</span>
                  </button>
                </form>
              ) : null,
          },
        ]}
      />
      <Section id="create-key-heading" title={t('apiKeys.createTitle')}>
        {props.mayChange ? (
          <FieldForm
            action="/admin/api-keys"
            submit={t('apiKeys.create')}
            labels={{ name: t('apiKeys.nameLabel'), scope: t('apiKeys.scopeLabel') }}
            state={{ values: props.values, errors: props.errors }}
            fields={[
              { kind: 'text', name: 'name', required: true },
              { kind: 'select', name: 'scope', options: scopes, required: true },
            ]}
          />
        ) : (
          <p>{t('apiKeys.viewerNote')}</p>
        )}
      </Section>
    </>
  );
}
