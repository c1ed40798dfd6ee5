// The shape every action page shares (a letter, an advocacy day, a bill): what to do and how it is
// going in the first screen, then the text beside a form that stays in view on wide screens.
import type { Child } from 'hono/jsx';

/**
 * A link that looks like the page's main button and takes the person to the form: the fragment
 * moves focus there (the form's section has tabindex="-1"), with or without JavaScript.
 */
export function JumpButton(props: { href: string; label: string }): Child {
  return (
    <p class="jump">
      <a href={props.href} class="button-link">
        {props.label}
      </a>
    </p>
  );
}

/**
 * Two columns on wide screens, one on phones. On phones the order is: `lead`, the form, then the
 * rest (`children`); on wide screens `lead` and the rest are on the left and the form on the
 * right, sticking in view while the left column scrolls (public/app.css, `.action-columns`). No
 * form (registration closed): the text takes the whole width.
 */
export function ActionColumns(props: { lead?: Child; form?: Child; children?: Child }): Child {
  return (
    <div class={props.form ? 'action-columns' : undefined}>
      {props.lead ? <div class="action-lead">{props.lead}</div> : null}
      {props.form ? <div class="action-form">{props.form}</div> : null}
      {props.children ? <div class="action-main">{props.children}</div> : null}
    </div>
  );
}

/** A bar toward a goal, with its percentage as its accessible name. */
export function GoalBar(props: { percent: number | null | undefined; label: string }): Child {
  if (props.percent == null) return null;
  return (
    <progress value={String(props.percent)} max="100" aria-label={props.label}>
      {props.percent}%
    </progress>
  );
}
