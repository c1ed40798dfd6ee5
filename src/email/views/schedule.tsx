import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { DataTable } from '../../web/ui/admin-list';
import { formatNumber, type Lang } from '../../lib/i18n';
import type { OutboxStatus } from '../queries';
import { nextHourlyRun, scheduledSendState, type ScheduledSend } from '../schedule';

const STATUSES: OutboxStatus[] = ['sent', 'pending', 'sending', 'failed', 'suppressed'];

const LOCALES: Record<Lang, string> = { en: 'en-US', es: 'es-US' };

function formatWhen(lang: Lang, at: number, zone = 'UTC'): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    // dateStyle cannot be combined with timeZoneName, so the parts are named one by one.
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(at);
}

/** A table of scheduled emails: what, when, for how many, how many done, the outbox, the state. */
export function ScheduledSendsTable(props: {
  sends: ScheduledSend[];
  now: number;
  withLinks?: boolean;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const n = (value: number) => formatNumber(lang, value);
  const outboxLine = (send: ScheduledSend) =>
    STATUSES.filter((status) => send.emails[status] > 0)
      .map((status) => `${n(send.emails[status])} ${t(`email.outbox.status.${status}`).toLowerCase()}`)
      .join(' · ');
  return (
    <DataTable
      tableClass="scheduled-sends"
      items={props.sends}
      empty={t('email.schedule.none')}
      rowData={(send) => ({ send: send.key, state: scheduledSendState(send, props.now) })}
      columns={[
        {
          label: t('email.schedule.what'),
          cell: (send) => {
            const label = t(send.label, send.labelParams);
            return props.withLinks && send.href ? <a href={send.href}>{label}</a> : label;
          },
        },
        { label: t('email.schedule.when'), cell: (send) => formatWhen(lang, send.dueAt, send.zone) },
        {
          label: t('email.schedule.recipients'),
          cell: (send) =>
            t(
              new Intl.PluralRules(lang).select(send.recipients) === 'one'
                ? 'email.schedule.recipientsOne'
                : 'email.schedule.recipientsCount',
              { count: n(send.recipients) },
            ),
        },
        { label: t('email.schedule.handled'), cell: (send) => n(send.handled) },
        { label: t('email.schedule.emails'), cell: (send) => outboxLine(send) || '–' },
        { label: t('email.schedule.state'), cell: (send) => <SendState send={send} now={props.now} /> },
      ]}
    />
  );
}

/** Where a scheduled send stands: held (and why), due (at the next hourly run), or its state. */
function SendState(props: { send: ScheduledSend; now: number }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { send } = props;
  const state = scheduledSendState(send, props.now);
  if (state === 'held') return t('email.schedule.state.held', { why: send.held ? t(send.held) : '' });
  if (state === 'due') {
    return t('email.schedule.state.due', { time: formatWhen(lang, nextHourlyRun(props.now), send.zone) });
  }
  return t(`email.schedule.state.${state}`);
}
