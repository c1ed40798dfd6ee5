import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { OpenAction } from '../open-actions';
import { GoalBar } from './action-page';

/**
 * One card per open action, in the order given: what it is, its title, how it is going and one
 * button. A plain function of the list, so that callers choose the order and the grouping.
 */
export function ActionCards(props: {
  actions: OpenAction[];
  idPrefix?: string;
  headingLevel?: 2 | 3;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const prefix = props.idPrefix ?? 'action';
  // Under a group's heading (the home page's campaigns) the cards' titles are one level down.
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <ul class="card-grid action-cards">
      {props.actions.map((action, index) => {
        const id = `${prefix}-${index + 1}`;
        return (
          <li>
            <article aria-labelledby={id}>
              <p class="card-kind">{action.kindLabel ?? t(`home.kind.${action.kind}`)}</p>
              <Heading id={id}>{action.title}</Heading>
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
