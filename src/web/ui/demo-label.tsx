import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';

/**
 * The "demo content" mark on demo rows (letters, days): its own line on the thing's page, or
 * `inline` after its name in a list.
 */
export function DemoLabel(props: { of: { isDemo: boolean }; inline?: boolean }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  if (!props.of.isDemo) return null;
  if (props.inline) return <span class="demo-label"> · {t('common.demo')}</span>;
  return <p class="demo-label">{t('common.demo')}</p>;
}
