import type { Child } from 'hono/jsx';

/**
 * A part of a page named by its heading: the heading's id labels the section (aria-labelledby), so
 * a screen reader can list it and jump to it.
 */
export function Section(props: { id: string; title: Child; level?: 2 | 3; children?: Child }): Child {
  const heading =
    props.level === 3 ? <h3 id={props.id}>{props.title}</h3> : <h2 id={props.id}>{props.title}</h2>;
  return (
    <section aria-labelledby={props.id}>
      {heading}
      {props.children}
    </section>
  );
}

/**
 * A headed list of things, left out of the page when there are none: a Section holding a `<ul>`,
 * one `item` a `<li>`.
 * @example <ListSection id="bill-sponsors" title="Sponsors" items={sponsors} item={(s) => s.name} />
 */
export function ListSection<T>(props: {
  id: string;
  title: Child;
  items: readonly T[];
  item: (item: T) => Child;
}): Child {
  if (props.items.length === 0) return null;
  return (
    <Section id={props.id} title={props.title}>
      <ul>
        {props.items.map((item) => (
          <li>{props.item(item)}</li>
        ))}
      </ul>
    </Section>
  );
}
