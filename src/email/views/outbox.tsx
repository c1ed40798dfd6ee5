import { useRequestContext } from 'hono/jsx-renderer';
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
  if (props.rows.length === 0) return <p>{t('email.outbox.none')}</p>;
  return (
    <div class="table-wrap" tabindex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('email.outbox.recipient')}</th>
            <th scope="col">{t('email.outbox.template')}</th>
            <th scope="col">{t('email.outbox.attempts')}</th>
            <th scope="col">{t('email.outbox.lastError')}</th>
            <th scope="col">{props.retry ? t('email.outbox.created') : t('email.outbox.nextTry')}</th>
            {props.retry ? (
              <th scope="col" class="row-actions">
                {t('email.outbox.retry')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => {
            const recipient = maskEmail(row.toAddress);
            return (
              <tr>
                <td>{recipient}</td>
                <td>{row.template}</td>
                <td>{formatNumber(lang, row.attempts)}</td>
                <td>{row.lastError ?? ''}</td>
                <td>{formatDate(lang, props.retry ? row.createdAt : row.nextAttemptAt, true)}</td>
                {props.retry ? (
                  <td class="row-actions">
                    <form method="post" action={`/admin/outbox/${encodeURIComponent(row.id)}/retry`}>
                      <button type="submit" aria-label={t('email.outbox.retryLabel', { recipient })}>
                        {t('email.outbox.retry')}
                      </button>
                    </form>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
