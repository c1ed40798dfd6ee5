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
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.buttonClass ?? 'secondary outline'}>
        {props.children}
      </button>
    </form>
  );
}
