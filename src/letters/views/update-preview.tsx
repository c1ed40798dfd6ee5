// The preview of an update before it is sent: the email in each language and the Send button.
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { FormValues } from '../../web/form';
import type { Letter } from '../schema';
import { type EmailPreview, type RecipientCounts } from '../updates';
import { LetterAdminNav, adminPath } from './admin';
import { EmailPreviewCard, Recipients, UPDATE_FIELDS } from './update-parts';

/** The preview: each language's email, the count, and the button that sends it (once). */
export function UpdatePreviewPage(props: {
  letter: Letter;
  recipients: RecipientCounts;
  previews: EmailPreview[];
  values: FormValues;
  updateId: string;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const hidden = UPDATE_FIELDS.map((name) => {
    const value = props.values[name];
    return (
      <input type="hidden" name={name} value={Array.isArray(value) ? (value[0] ?? '') : (value ?? '')} />
    );
  });
  return (
    <>
      <LetterAdminNav letter={props.letter} />
      <h1>{t('letters.updates.previewTitle')}</h1>
      <p>{t('letters.updates.previewIntro')}</p>
      <Recipients recipients={props.recipients} />
      {props.previews.map((preview) => (
        <EmailPreviewCard preview={preview} />
      ))}
      <div class="grid">
        {props.recipients.total > 0 ? (
          <form method="post" action={adminPath(props.letter, '/updates/send')}>
            {hidden}
            <input type="hidden" name="updateId" value={props.updateId} />
            <button type="submit">
              {t('letters.updates.sendButton', { count: props.recipients.total })}
            </button>
          </form>
        ) : null}
        <form method="post" action={adminPath(props.letter, '/updates/edit')}>
          {hidden}
          <button type="submit" class="secondary">
            {t('letters.updates.editButton')}
          </button>
        </form>
      </div>
    </>
  );
}
