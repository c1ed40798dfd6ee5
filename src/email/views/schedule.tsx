import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
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
  if (props.sends.length === 0) return <p>{t('email.schedule.none')}</p>;
  const n = (value: number) => formatNumber(lang, value);
  return (
    <div class="table-wrap" tabindex={0}>
      <table class="scheduled-sends">
        <thead>
          <tr>
            <th scope="col">{t('email.schedule.what')}</th>
            <th scope="col">{t('email.schedule.when')}</th>
            <th scope="col">{t('email.schedule.recipients')}</th>
            <th scope="col">{t('email.schedule.handled')}</th>
            <th scope="col">{t('email.schedule.emails')}</th>
            <th scope="col">{t('email.schedule.state')}</th>
          </tr>
        </thead>
        <tbody>
          {props.sends.map((send) => {
            const state = scheduledSendState(send, props.now);
            const label = t(send.label, send.labelParams);
            const inOutbox = STATUSES.filter((status) => send.emails[status] > 0)
              .map(
                (status) => `${n(send.emails[status])} ${t(`email.outbox.status.${status}`).toLowerCase()}`,
              )
              .join(' · ');
            return (
              <tr data-send={send.key} data-state={state}>
                <td>{props.withLinks && send.href ? <a href={send.href}>{label}</a> : label}</td>
                <td>{formatWhen(lang, send.dueAt, send.zone)}</td>
                <td>
                  {t(
                    new Intl.PluralRules(lang).select(send.recipients) === 'one'
                      ? 'email.schedule.recipientsOne'
                      : 'email.schedule.recipientsCount',
                    { count: n(send.recipients) },
                  )}
                </td>
                <td>{n(send.handled)}</td>
                <td>{inOutbox || '–'}</td>
                <td>
                  {state === 'held'
                    ? t('email.schedule.state.held', { why: send.held ? t(send.held) : '' })
                    : state === 'due'
                      ? t('email.schedule.state.due', {
                          time: formatWhen(lang, nextHourlyRun(props.now), send.zone),
                        })
                      : t(`email.schedule.state.${state}`)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
