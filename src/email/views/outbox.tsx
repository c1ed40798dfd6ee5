import { useRequestContext } from 'hono/jsx-renderer';
import { DataTable, type DataColumn } from '../../web/ui/admin-list';
import type { AppEnv } from '../../env';
import { formatDate, formatNumber } from '../../lib/i18n';
import { maskEmail } from '../policy';
import type { OutboxStatus } from '../queries';
import type { ScheduledSend } from '../schedule';
import { ScheduledSendsTable } from './schedule';

/** A row of the outbox tables (no body, and the address masked when shown). */
export interface OutboxListRow {
  id: string;
  toAddress: string;
  template: string;
  attempts: number;
  lastError: string | null;
  createdAt: number;
  nextAttemptAt: number;
}

const STATUSES: OutboxStatus[] = ['pending', 'sending', 'sent', 'failed', 'suppressed'];

/** The organizers' outbox page: counts, failed emails with a retry button, pending emails. */
export function OutboxPage(props: {
  counts: Record<OutboxStatus, number>;
  failed: OutboxListRow[];
  pending: OutboxListRow[];
  held: boolean;
  mailbox: boolean;
  notice?: 'retried' | 'notRetried' | 'ran';
  scheduled: ScheduledSend[];
  now: number;
  /** Local development only: show the "run scheduled jobs now" button. */
  runJobsButton: boolean;
}) {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <section>
      <h1>{t('email.outbox.title')}</h1>
      <p>{t('email.outbox.intro')}</p>
      {props.notice ? (
        <p role="status" class="notice">
          {t(
            props.notice === 'ran'
              ? 'email.schedule.ran'
              : props.notice === 'retried'
                ? 'email.outbox.retried'
                : 'email.outbox.notRetried',
          )}
        </p>
      ) : null}
      {props.held ? (
        <p role="alert" class="notice">
          {t('email.outbox.held')}
        </p>
      ) : null}
      {props.mailbox ? (
        <p>
          <a href="/dev/mail">{t('email.outbox.mailboxLink')}</a>
        </p>
      ) : null}
      <h2 id="scheduled">{t('email.schedule.heading')}</h2>
      <p>{t('email.schedule.intro')}</p>
      <ScheduledSendsTable sends={props.scheduled} now={props.now} withLinks />
      {props.runJobsButton ? (
        <form method="post" action="/admin/outbox/run-scheduled">
          <p class="hint">{t('email.schedule.runNowHint')}</p>
          <button type="submit" class="secondary">
            {t('email.schedule.runNow')}
          </button>
        </form>
      ) : null}
      <h2>{t('email.outbox.counts')}</h2>
      <dl class="outbox-counts">
        {STATUSES.map((status) => (
          <>
            <dt>{t(`email.outbox.status.${status}`)}</dt>
            <dd data-status={status}>{formatNumber(lang, props.counts[status])}</dd>
          </>
        ))}
      </dl>
      <h2 id="failed">{t('email.outbox.failedHeading')}</h2>
      <OutboxTable rows={props.failed} retry />
      <h2 id="pending">{t('email.outbox.pendingHeading')}</h2>
      <OutboxTable rows={props.pending} />
    </section>
  );
}

function OutboxTable(props: { rows: OutboxListRow[]; retry?: boolean }) {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const retryColumn: DataColumn<OutboxListRow> = {
    label: t('email.outbox.retry'),
    class: 'row-actions',
    cell: (row) => (
      <form method="post" action={`/admin/outbox/${encodeURIComponent(row.id)}/retry`}>
        <button
          type="submit"
          aria-label={t('email.outbox.retryLabel', { recipient: maskEmail(row.toAddress) })}
        >
          {t('email.outbox.retry')}
        </button>
      </form>
    ),
  };
  return (
    <DataTable
      items={props.rows}
      empty={t('email.outbox.none')}
      columns={[
        { label: t('email.outbox.recipient'), cell: (row) => maskEmail(row.toAddress) },
        { label: t('email.outbox.template'), cell: (row) => row.template },
        { label: t('email.outbox.attempts'), cell: (row) => formatNumber(lang, row.attempts) },
        { label: t('email.outbox.lastError'), cell: (row) => row.lastError ?? '' },
        {
          label: props.retry ? t('email.outbox.created') : t('email.outbox.nextTry'),
          cell: (row) => formatDate(lang, props.retry ? row.createdAt : row.nextAttemptAt, true),
        },
        ...(props.retry ? [retryColumn] : []),
      ]}
    />
  );
}
