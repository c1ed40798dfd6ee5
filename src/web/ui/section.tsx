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
