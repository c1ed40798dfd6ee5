import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { OpenAction } from '../open-actions';
import { GoalBar } from './action-page';

/**
 * One card per open action, in the order given: what it is, its title, how it is going and one
 * button. A plain function of the list, so that callers choose the order and the grouping.
 */
export function ActionCards(props: { actions: OpenAction[]; idPrefix?: string }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const prefix = props.idPrefix ?? 'action';
  return (
    <ul class="card-grid action-cards">
      {props.actions.map((action, index) => {
        const id = `${prefix}-${index + 1}`;
        return (
          <li>
            <article aria-labelledby={id}>
              <p class="card-kind">{t(`home.kind.${action.kind}`)}</p>
              <h2 id={id}>{action.title}</h2>
              {action.status ? <p class="card-status">{action.status}</p> : null}
              <GoalBar
                percent={action.percent}
                label={t('home.goalProgress', { percent: action.percent ?? 0 })}
              />
              {action.summary ? <p class="card-summary">{action.summary}</p> : null}
              <a href={action.url} class="button-link" aria-describedby={id}>
                {action.button ?? t('home.open')}
              </a>
            </article>
          </li>
        );
      })}
    </ul>
  );
}
