import type { Child } from 'hono/jsx';

/**
 * One term and its description in a `<dl>` (a meeting's "Held on", "Next steps").
 * @example {m.heldOn ? <DetailRow term="Held on">{m.heldOn}</DetailRow> : null}
 */
export function DetailRow(props: { term: Child; class?: string; children: Child }): Child {
  return (
    <>
      <dt>{props.term}</dt>
      <dd class={props.class}>{props.children}</dd>
    </>
  );
}
