import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { formatDate, type MessageKey } from '../../lib/i18n';
import {
  ChoiceGroup,
  ErrorSummary,
  FieldForm,
  CheckboxField,
  type FormErrors,
  type FormValues,
} from '../../web/form';
import { DataTable } from '../../web/ui/admin-list';
import { SavedNotice } from '../../web/ui/saved-notice';
import { StatusLabel, type StatusLabels } from '../../web/ui/status-label';
import type { DeliveryLogRow } from '../queries';
import {
  WEBHOOK_EVENT_TYPES,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEventType,
} from '../schema';

const EVENT_LABELS: Record<WebhookEventType, MessageKey> = {
  'signature.confirmed': 'webhooks.event.signature.confirmed',
  'registration.changed': 'webhooks.event.registration.changed',
  'meeting_request.sent': 'webhooks.event.meeting_request.sent',
  'meeting_request.recorded': 'webhooks.event.meeting_request.recorded',
  'subscription.confirmed': 'webhooks.event.subscription.confirmed',
  'subscription.ended': 'webhooks.event.subscription.ended',
  'person.erased': 'webhooks.event.person.erased',
};

const STATUS_LABELS: StatusLabels<WebhookDelivery['status']> = {
  pending: 'webhooks.status.pending',
  sending: 'webhooks.status.sending',
  delivered: 'webhooks.status.delivered',
  failed: 'webhooks.status.failed',
  skipped: 'webhooks.status.skipped',
};

/** The notices the pages show after a change. */
export const WEBHOOK_NOTICES = ['added', 'saved', 'removed', 'queued'] as const;
export type WebhookNotice = (typeof WEBHOOK_NOTICES)[number];

function eventsOf(endpoint: WebhookEndpoint): WebhookEventType[] {
  return JSON.parse(endpoint.events) as WebhookEventType[];
}

function EventChoices(props: { values?: FormValues; errors?: FormErrors; chosen?: string[] }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <ChoiceGroup
      name="events"
      label={t('webhooks.events')}
      multiple
      options={WEBHOOK_EVENT_TYPES.map((type) => [type, t(EVENT_LABELS[type])] as const)}
      values={props.values}
      errors={props.errors}
      value={props.chosen}
    />
  );
}

/** The endpoints, and the form that adds one. */
export function WebhooksPage(props: {
  endpoints: WebhookEndpoint[];
  notice?: WebhookNotice;
  values?: FormValues;
  errors?: FormErrors;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t('webhooks.title')}</h1>
      <p>{t('webhooks.intro')}</p>
      {props.notice ? <SavedNotice>{t(`webhooks.notice.${props.notice}`)}</SavedNotice> : null}
      <h2>{t('webhooks.endpoints')}</h2>
      <DataTable
        items={props.endpoints}
        empty={t('webhooks.none')}
        columns={[
          { label: t('webhooks.urlHeader'), cell: (endpoint) => new URL(endpoint.url).host, rowHeader: true },
          {
            label: t('webhooks.eventsHeader'),
            cell: (endpoint) =>
              eventsOf(endpoint)
                .map((type) => t(EVENT_LABELS[type]))
                .join(', '),
          },
          {
            label: t('webhooks.stateHeader'),
            cell: (endpoint) => (endpoint.active ? t('webhooks.active') : t('webhooks.paused')),
          },
          {
            label: t('webhooks.actionsHeader'),
            class: 'row-actions',
            cell: (endpoint) => (
              <a href={`/admin/webhooks/${encodeURIComponent(endpoint.id)}`}>{t('webhooks.open')}</a>
            ),
          },
        ]}
      />
      <h2>{t('webhooks.add')}</h2>
      <FieldForm
        action="/admin/webhooks"
        submit={t('webhooks.save')}
        labels={{ url: t('webhooks.url'), events: t('webhooks.events') }}
        hints={{ url: t('webhooks.urlHint') }}
        state={{ values: props.values, errors: props.errors }}
        fields={[{ kind: 'text', name: 'url', type: 'url', maxlength: 2000, required: true }]}
      >
        <EventChoices values={props.values} errors={props.errors} />
      </FieldForm>
    </>
  );
}

/** Shown once, right after an endpoint is added: its secret. */
export function SecretPage(props: { endpoint: WebhookEndpoint; secret: string }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t('webhooks.title')}</h1>
      <SavedNotice>{t('webhooks.notice.added')}</SavedNotice>
      <h2>{t('webhooks.secretTitle')}</h2>
      <p>{t('webhooks.secretOnce')}</p>
      <p class="pre-wrap">
        <code data-webhook-secret>{props.secret}</code>
      </p>
      <p>
        <a href={`/admin/webhooks/${encodeURIComponent(props.endpoint.id)}`}>{t('webhooks.open')}</a> ·{' '}
        <a href="/admin/webhooks">{t('webhooks.back')}</a>
      </p>
    </>
  );
}

/** One endpoint: its events, pausing or removing it, and its delivery log with "send again". */
export function EndpointPage(props: {
  endpoint: WebhookEndpoint;
  log: DeliveryLogRow[];
  notice?: WebhookNotice;
  values?: FormValues;
  errors?: FormErrors;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const base = `/admin/webhooks/${encodeURIComponent(props.endpoint.id)}`;
  return (
    <>
      <p>
        <a href="/admin/webhooks">{t('webhooks.back')}</a>
      </p>
      <h1>{new URL(props.endpoint.url).host}</h1>
      <p class="pre-wrap">
        <code>{props.endpoint.url}</code>
      </p>
      {props.notice ? <SavedNotice>{t(`webhooks.notice.${props.notice}`)}</SavedNotice> : null}
      <form method="post" action={base} novalidate>
        <ErrorSummary errors={props.errors} labels={{ events: t('webhooks.events') }} />
        <EventChoices
          values={props.values}
          errors={props.errors}
          chosen={props.values ? undefined : eventsOf(props.endpoint)}
        />
        <CheckboxField name="paused" label={t('webhooks.pause')} checked={!props.endpoint.active} />
        <button type="submit">{t('webhooks.change')}</button>
      </form>
      <form method="post" action={`${base}/remove`}>
        <button type="submit" class="secondary outline">
          {t('webhooks.remove')}
        </button>
      </form>
      <h2>{t('webhooks.log')}</h2>
      <DataTable
        items={props.log}
        empty={t('webhooks.noDeliveries')}
        columns={[
          { label: t('webhooks.eventHeader'), cell: (d) => t(EVENT_LABELS[d.eventType]), rowHeader: true },
          {
            label: t('webhooks.stateHeader'),
            cell: (d) => <StatusLabel labels={STATUS_LABELS} status={d.status} />,
          },
          { label: t('webhooks.attemptsHeader'), cell: (d) => d.attempts },
          { label: t('webhooks.codeHeader'), cell: (d) => d.lastStatusCode ?? t('webhooks.noAnswer') },
          {
            label: t('webhooks.timeHeader'),
            cell: (d) => (d.lastAttemptAt ? formatDate(lang, d.lastAttemptAt, true) : '–'),
          },
          {
            label: t('webhooks.actionsHeader'),
            class: 'row-actions',
            cell: (d) =>
              d.status === 'sending' ? null : (
                <form method="post" action={`${base}/deliveries/${encodeURIComponent(d.id)}/send-again`}>
                  <button type="submit" class="secondary outline">
                    {t('webhooks.sendAgain')}
                  </button>
                </form>
              ),
          },
        ]}
      />
    </>
  );
}
