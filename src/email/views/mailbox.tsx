import { useRequestContext } from 'hono/jsx-renderer';
import { AdminListPage } from '../../web/ui/admin-list';
import type { AppEnv } from '../../env';
import { formatDate } from '../../lib/i18n';
import type { OutboxRow } from '../queries';
import { storedAttachments, storedCc } from '../resend';
import { DetailRow } from '../../web/ui/detail-row';

/** One line of the mailbox list. */
export interface MailboxEntry {
  id: string;
  toAddress: string;
  subject: string;
  sentAt: number | null;
}

/** The development mailbox: every locally delivered email, newest first. */
export function MailboxList(props: { entries: MailboxEntry[] }) {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <AdminListPage
      title={t('email.mailbox.title')}
      intro={t('email.mailbox.intro')}
      items={props.entries}
      empty={t('email.mailbox.empty')}
      columns={[
        {
          label: t('email.mailbox.time'),
          cell: (entry) => (entry.sentAt ? formatDate(lang, entry.sentAt, true) : ''),
        },
        { label: t('email.mailbox.to'), cell: (entry) => entry.toAddress },
        {
          label: t('email.mailbox.subject'),
          cell: (entry) => <a href={`/dev/mail/${entry.id}`}>{entry.subject}</a>,
        },
      ]}
    />
  );
}

/** One email as its recipient would get it: headers, the text part with live links, the HTML part. */
export function MailboxMessage(props: { row: OutboxRow; from: string }) {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { row } = props;
  const cc = storedCc(row);
  const attachments = storedAttachments(row);
  const bodyRemoved = row.textBody === '' && row.htmlBody === '';
  return (
    <article>
      <p>
        <a href="/dev/mail">{t('email.mailbox.back')}</a>
      </p>
      <h1>{row.subject}</h1>
      <h2>{t('email.mailbox.headers')}</h2>
      <dl class="mail-headers">
        <dt>{t('email.mailbox.from')}</dt>
        <dd>{props.from}</dd>
        <dt>{t('email.mailbox.to')}</dt>
        <dd>{row.toAddress}</dd>
        {row.replyTo ? <DetailRow term={t('email.mailbox.replyTo')}>{row.replyTo}</DetailRow> : null}
        {cc.length ? <DetailRow term={t('email.mailbox.cc')}>{cc.join(', ')}</DetailRow> : null}
        {row.unsubscribeUrl ? (
          <>
            <dt>{t('email.mailbox.listUnsubscribe')}</dt>
            <dd>
              <code>{`<${row.unsubscribeUrl}>`}</code>
              <br />
              <code>List-Unsubscribe-Post: List-Unsubscribe=One-Click</code>
            </dd>
          </>
        ) : null}
        <dt>{t('email.mailbox.subject')}</dt>
        <dd>{row.subject}</dd>
        <dt>{t('email.mailbox.time')}</dt>
        <dd>{row.sentAt ? formatDate(lang, row.sentAt, true) : ''}</dd>
        <dt>{t('email.mailbox.language')}</dt>
        <dd>{row.lang}</dd>
      </dl>
      {bodyRemoved ? (
        <p>{t('email.mailbox.bodyRemoved')}</p>
      ) : (
        <>
          <h2>{t('email.mailbox.textPart')}</h2>
          <div class="mail-text">
            <TextPart text={row.textBody} />
          </div>
          <h2>{t('email.mailbox.htmlPart')}</h2>
          {/* srcdoc keeps the page's own CSP (no scripts); the sandbox also gives the email no
              origin, and links open in a new tab because the email's links leave the frame. */}
          <iframe
            class="mail-html"
            title={t('email.mailbox.htmlFrameTitle')}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            srcdoc={htmlForFrame(row.htmlBody)}
            width="100%"
            height="480"
          ></iframe>
          <p>
            <a href={`/dev/mail/${row.id}/html`}>{t('email.mailbox.openHtml')}</a>
          </p>
        </>
      )}
      {attachments.length ? (
        <>
          <h2>{t('email.mailbox.attachments')}</h2>
          <ul>
            {attachments.map((attachment, index) => (
              <li>
                <a href={`/dev/mail/${row.id}/attachments/${index}`} download={attachment.filename}>
                  {attachment.filename}
                </a>{' '}
                <small>({attachment.contentType})</small>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

const URL_PATTERN = /(https?:\/\/[^\s<>"')]+)/g;

/**
 * The text part as paragraphs and line breaks (so it wraps on a phone, where a <pre> would not),
 * with its http(s) URLs as links a person can follow (sign-in and confirm links).
 */
function TextPart(props: { text: string }) {
  const paragraphs = props.text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  return (
    <>
      {paragraphs.map((paragraph) => (
        <p>
          {paragraph.split('\n').map((line, index) => (
            <>
              {index > 0 ? <br /> : null}
              <LinkedText text={line} />
            </>
          ))}
        </p>
      ))}
    </>
  );
}

function LinkedText(props: { text: string }) {
  const parts = props.text.split(URL_PATTERN);
  return <>{parts.map((part, index) => (index % 2 === 1 ? <a href={part}>{part}</a> : part))}</>;
}

/** The email's HTML with links opening outside the frame. */
export function htmlForFrame(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + base) : base + html;
}
