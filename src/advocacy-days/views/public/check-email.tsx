import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../../env';
import type { AdvocacyDay } from '../../schema';
import { pick } from '../../../lib/bilingual';
import { dayPath, isGathering } from '../../kinds';

/**
 * After the form was sent: the same page whether the address was new, already registered, or the
 * honeypot was filled, so that nobody can learn from it whether someone is on the list. What
 * happened (a seat, the waitlist place, "already registered") is told by email to the address.
 */
export function CheckEmailPage(props: { day: AdvocacyDay }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const gathering = isGathering(props.day);
  return (
    <article>
      <h1>{t('days.done.title')}</h1>
      <p>
        {t(gathering ? 'gatherings.done.body' : 'days.done.body', {
          title: pick(props.day, 'title', lang).text,
        })}
      </p>
      <p>{t('days.done.again')}</p>
      <p>
        <a href={dayPath(props.day)}>{t(gathering ? 'gatherings.done.back' : 'days.done.back')}</a>
      </p>
    </article>
  );
}
