// A campaign's updates: the organizer's page (the post form and what was posted) and the list the
// public page shows.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { pick } from '../../lib/bilingual';
import { formatDate } from '../../lib/i18n';
import { renderMarkdown } from '../../lib/markdown';
import { FieldForm, labelsOf, type FormState } from '../../web/form';
import { SavedNotice } from '../../web/ui/saved-notice';
import { adminCampaignPath } from '../links';
import type { Campaign, CampaignUpdate } from '../schema';
import { campaignUpdateText } from '../updates';
import { CampaignLinks } from './admin-campaign';

/** The organizer's page of a campaign's updates: post one (it is emailed to subscribers), see the posted ones. */
export function AdminUpdatesPage(props: {
  campaign: Campaign;
  updates: CampaignUpdate[];
  subscribers: number;
  notice: string | null;
  state: FormState;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { campaign } = props;
  const labels = labelsOf(['titleEn', 'bodyEn', 'titleEs', 'bodyEs'], (name) =>
    t(`campaigns.updates.field.${name}`),
  );
  return (
    <>
      <h1>
        {t('campaigns.updates.title')}: {pick(campaign, 'title', lang).text}
      </h1>
      <CampaignLinks campaign={campaign} />
      {props.notice ? <SavedNotice>{props.notice}</SavedNotice> : null}
      <section aria-labelledby="post-update">
        <h2 id="post-update">{t('campaigns.updates.post')}</h2>
        <p>{t('campaigns.updates.reach', { count: props.subscribers })}</p>
        <FieldForm
          action={adminCampaignPath(campaign, '/updates')}
          submit={t('campaigns.updates.postButton')}
          labels={labels}
          hints={{ bodyEn: t('campaigns.updates.markdownHint'), bodyEs: t('campaigns.updates.markdownHint') }}
          state={props.state}
          fields={[
            { kind: 'text', name: 'titleEn', required: true, maxlength: 150 },
            { kind: 'area', name: 'bodyEn', required: true, rows: 8 },
            { kind: 'text', name: 'titleEs', maxlength: 150 },
            { kind: 'area', name: 'bodyEs', rows: 8 },
          ]}
        />
      </section>
      <section aria-labelledby="posted-updates">
        <h2 id="posted-updates">{t('campaigns.updates.posted')}</h2>
        {props.updates.length === 0 ? (
          <p>{t('campaigns.updates.none')}</p>
        ) : (
          <ul>
            {props.updates.map((update) => (
              <li>
                <strong>{campaignUpdateText(update, lang).title}</strong> (
                {formatDate(lang, update.createdAt)}
                ): {t('campaigns.updates.sentTo', { count: update.recipientCount })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The posted updates on the public campaign page, newest first. */
export function PublicUpdates(props: { updates: CampaignUpdate[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  if (props.updates.length === 0) return null;
  return (
    <section aria-labelledby="campaign-updates">
      <h2 id="campaign-updates">{t('campaigns.updates.publicTitle')}</h2>
      {props.updates.map((update) => {
        const text = campaignUpdateText(update, lang);
        return (
          <article lang={text.lang === lang ? undefined : text.lang}>
            <h3>{text.title}</h3>
            <p>
              <small>{formatDate(lang, update.createdAt)}</small>
            </p>
            {raw(renderMarkdown(text.body))}
          </article>
        );
      })}
    </section>
  );
}
