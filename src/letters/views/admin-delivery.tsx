import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { useRequestContext } from 'hono/jsx-renderer';
import { DataTable } from '../../web/ui/admin-list';
import type { AppEnv } from '../../env';
import { renderMarkdown } from '../../lib/markdown';
import { FieldForm, type FormState } from '../../web/form';
import { formatDate } from '../../lib/i18n';
import type { DeliveryPageData } from '../queries';
import type { Letter } from '../schema';
import { letterText } from '../status';
import { signedBySentence } from '../tally';
import { DELIVERY_RECIPIENTS_MAX } from '../validation';
import { Addressees, SignerLine } from './public';
import { adminPath, LetterAdminNav } from './admin';
import { SavedNotice } from '../../web/ui/saved-notice';
import { Section } from '../../web/ui/section';

/** The delivery page: the letter with its shown signers, ready to print, and the email form. */
export function DeliveryPage(props: FormState & DeliveryPageData & { letter: Letter; sent?: number }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const text = letterText(props.letter, lang);
  const officialEmails = props.officials
    .map((official) => official.email)
    .filter((email): email is string => Boolean(email));
  const values = props.values ?? { recipients: officialEmails.join('\n'), lang };
  return (
    <>
      <div class="no-print">
        <LetterAdminNav letter={props.letter} />
        <h1>{t('letters.admin.deliverTitle')}</h1>
        {props.sent ? (
          <SavedNotice>{t('letters.admin.deliveryQueued', { count: props.sent })}</SavedNotice>
        ) : null}
        <p>{t('letters.admin.printIntro')}</p>
        <button type="button" data-print hidden>
          {t('common.print')}
        </button>
        <Section id="deliver-email-heading" title={t('letters.admin.emailHeading')}>
          <FieldForm
            action={adminPath(props.letter, '/deliver')}
            submit={t('letters.admin.sendDelivery')}
            labels={{ recipients: t('letters.field.recipients'), lang: t('letters.field.deliveryLang') }}
            hints={{ recipients: t('letters.hint.recipients', { max: DELIVERY_RECIPIENTS_MAX }) }}
            state={{ values, errors: props.errors }}
            fields={[
              { kind: 'area', name: 'recipients', required: true, rows: 3 },
              {
                kind: 'select',
                name: 'lang',
                required: true,
                options: [
                  ['en', t('common.english')],
                  ['es', t('common.spanish')],
                ],
              },
            ]}
          />
          {props.deliveries.length > 0 ? (
            <DataTable
              caption={t('letters.admin.deliveriesCaption')}
              items={props.deliveries}
              columns={[
                { label: t('letters.admin.queuedColumn'), cell: (d) => formatDate(lang, d.createdAt, true) },
                { label: t('letters.admin.recipientsColumn'), cell: (d) => d.recipients.join(', ') },
                { label: t('letters.signaturesColumn'), cell: (d) => d.signerCount },
                {
                  label: t('letters.admin.sentColumn'),
                  cell: (d) => (
                    <>
                      {t('letters.admin.sentOf', { sent: d.sentCount, total: d.recipientCount })}
                      {d.lastSentAt ? ` · ${formatDate(lang, d.lastSentAt, true)}` : ''}
                    </>
                  ),
                },
              ]}
            />
          ) : null}
        </Section>
        <hr />
      </div>
      <article class="letter printable-letter">
        <Addressees letter={props.letter} officials={props.officials} />
        <h2>{text.title}</h2>
        {raw(renderMarkdown(text.body))}
        <h3 class="page-break-avoid">{signedBySentence(t, lang, props.tally)}</h3>
        <ul class="signer-list">
          {props.signers.map((signer) => (
            <SignerLine signer={signer} />
          ))}
        </ul>
      </article>
    </>
  );
}
