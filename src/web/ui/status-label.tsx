import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { MessageKey, Translate } from '../../lib/i18n';

/**
 * The message of each state of a thing (a letter's, a day's, a meeting's): a complete map, so a
 * state added without a label is a type error instead of a missing key at run time.
 */
export type StatusLabels<S extends string> = Readonly<Record<S, MessageKey>>;

/** The translated name of a state, for places that need the text itself (a select's options). */
export function statusText<S extends string>(t: Translate, labels: StatusLabels<S>, status: S): string {
  return t(labels[status]);
}

/**
 * The translated name of a state in the reader's language (the status column of an organizer list,
 * the status line of one item).
 * @example <StatusLabel labels={LETTER_STATUS_LABELS} status={letter.status} />
 */
export function StatusLabel<S extends string>(props: { labels: StatusLabels<S>; status: S }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return <>{statusText(t, props.labels, props.status)}</>;
}
