import type { Child } from 'hono/jsx';

/** What a PostButton sends: where, which hidden fields, and how the button looks. */
export interface PostButtonProps {
  action: string;
  /** Hidden fields sent with the press, by name. */
  hidden?: Record<string, string>;
  /** The button's class; a row button is `secondary outline`, the default. */
  buttonClass?: string;
  /** A class on the form (`inline-form` keeps it on the line). */
  formClass?: string;
  children: Child;
}

/**
 * A form that is one button: a POST to `action` with its hidden fields (hide a signer, remove an
 * organizer, delete a note). Row actions are forms, not links, because only a POST changes anything.
 * @example <PostButton action="/admin/x/1/remove" hidden={{ back: '/admin/x' }}>Remove</PostButton>
 */
export function PostButton(props: PostButtonProps): Child {
  return (
    <form method="post" action={props.action} class={props.formClass}>
      <HiddenFields fields={props.hidden} />
      <button type="submit" class={props.buttonClass ?? 'secondary outline'}>
        {props.children}
      </button>
    </form>
  );
}

/** The hidden fields a form sends with whichever button is pressed, by name. */
function HiddenFields(props: { fields?: Record<string, string> }): Child {
  return Object.entries(props.fields ?? {}).map(([name, value]) => (
    <input type="hidden" name={name} value={value} />
  ));
}

/**
 * A table whose rows each have POST buttons (hide a signer, verify one): one form around the table
 * carries the fields every button sends, so a row holds only its buttons (`RowPostButton`).
 */
export function RowActionsForm(props: { hidden: Record<string, string>; children: Child }): Child {
  return (
    <form method="post">
      <HiddenFields fields={props.hidden} />
      {props.children}
    </form>
  );
}

/** One row's button inside a `RowActionsForm`: posts the form to `action`, with `name=value`. */
export function RowPostButton(props: {
  action: string;
  name: string;
  value: string;
  children: Child;
}): Child {
  return (
    <button
      type="submit"
      formaction={props.action}
      name={props.name}
      value={props.value}
      class="secondary outline"
    >
      {props.children}
    </button>
  );
}
