import type { Child } from 'hono/jsx';

/** A list of things, one item each, or the `none` line when there are none. */
export function ItemList<T>(props: {
  items: T[];
  /** Shown instead of items when the list is empty (the empty list stays, for the page's shape). */
  none: string;
  item: (item: T) => Child;
  class?: string;
}): Child {
  return (
    <>
      {props.items.length === 0 ? <p>{props.none}</p> : null}
      <ul class={props.class}>
        {props.items.map((item) => (
          <li>{props.item(item)}</li>
        ))}
      </ul>
    </>
  );
}

/**
 * A public page that lists things to act on (letters to sign, days to join): the heading with its
 * introduction, then the list.
 */
export function ActionListPage<T>(props: {
  title: string;
  intro: string;
  none: string;
  items: T[];
  item: (item: T) => Child;
}): Child {
  const { title, intro, ...list } = props;
  return (
    <>
      <hgroup>
        <h1>{title}</h1>
        <p>{intro}</p>
      </hgroup>
      <ItemList {...list} class="action-list" />
    </>
  );
}
