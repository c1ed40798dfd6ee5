import type { Child } from 'hono/jsx';

/**
 * A public page that lists things to act on (letters to sign, days to join): the heading with its
 * introduction, a line when there is nothing, and one list item per thing.
 */
export function ActionListPage<T>(props: {
  title: string;
  intro: string;
  /** Shown instead of the list when it is empty. */
  none: string;
  items: T[];
  item: (item: T) => Child;
}): Child {
  return (
    <>
      <hgroup>
        <h1>{props.title}</h1>
        <p>{props.intro}</p>
      </hgroup>
      {props.items.length === 0 ? <p>{props.none}</p> : null}
      <ul class="action-list">
        {props.items.map((item) => (
          <li>{props.item(item)}</li>
        ))}
      </ul>
    </>
  );
}
