// One past update: what it said and where its emails are.
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { formatDate, formatNumber } from '../../lib/i18n';
import type { Letter, LetterUpdate } from '../schema';
import type { UpdateEmailCounts } from '../queries/updates';
import type { EmailPreview } from '../updates';
import { LetterAdminNav, adminPath } from './admin';
import { CountsLine, EmailPreviewCard } from './update-parts';
import { SavedNotice } from '../../web/ui/saved-notice';

/** One past update: what it said and where its emails are. */
export function UpdateDetailPage(props: {
  letter: Letter;
  update: LetterUpdate;
  counts: UpdateEmailCounts;
  previews: EmailPreview[];
  notice?: string;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <>
      <LetterAdminNav letter={props.letter} />
      <p>
        <a href={adminPath(props.letter, '/updates')}>{t('letters.updates.back')}</a>
      </p>
      <h1>{t('letters.updates.detailTitle', { subject: props.update.subjectEn })}</h1>
      {props.notice ? <SavedNotice>{props.notice}</SavedNotice> : null}
      <dl>
        <dt>{t('letters.updates.sentAtColumn')}</dt>
        <dd>{formatDate(lang, props.update.createdAt, true)}</dd>
        <dt>{t('letters.updates.recipientsColumn')}</dt>
        <dd>{formatNumber(lang, props.update.recipientCount)}</dd>
        <dt>{t('letters.updates.statusColumn')}</dt>
        <dd>
          <CountsLine counts={props.counts} />
          {props.update.fanoutStatus === 'sending' ? ` · ${t('letters.updates.stillSending')}` : ''}
        </dd>
      </dl>
      {props.counts.failed > 0 ? (
        <p>
          <a href="/admin/outbox">{t('letters.updates.failedHint')}</a>
        </p>
      ) : null}
      {props.previews.map((preview) => (
        <EmailPreviewCard preview={preview} />
      ))}
    </>
  );
}
