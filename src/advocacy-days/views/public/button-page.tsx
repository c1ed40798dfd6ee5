import type { Child } from 'hono/jsx';

/** A one-button page (unsubscribe) and its done state. */
export function ButtonPage(props: {
  title: string;
  body: string;
  action?: string;
  button?: string;
  link?: { href: string; text: string };
}): Child {
  return (
    <article>
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      {props.link ? (
        <p>
          <a href={props.link.href}>{props.link.text}</a>
        </p>
      ) : null}
      {props.action ? (
        <form method="post" action={props.action}>
          <button type="submit">{props.button}</button>
        </form>
      ) : null}
    </article>
  );
}
