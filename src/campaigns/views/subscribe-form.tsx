import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { BotCheck, EMAIL_FIELD, FieldForm, LANGUAGE_OPTIONS, type FormState } from '../../web/form';
import { campaignPath } from '../links';
import type { Campaign } from '../schema';

/** The public page's subscribe-for-updates form (double opt-in, like bill alerts). */
export function CampaignSubscribeForm(props: { campaign: Campaign; state?: FormState }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const labels = { email: t('campaigns.subscribe.email'), lang: t('campaigns.subscribe.lang') };
  return (
    <section aria-labelledby="campaign-subscribe" id="subscribe" tabindex={-1}>
      <h2 id="campaign-subscribe">{t('campaigns.subscribe.title')}</h2>
      <p>{t('campaigns.subscribe.intro')}</p>
      <FieldForm
        action={`${campaignPath(props.campaign)}/subscribe`}
        submit={t('campaigns.subscribe.button')}
        labels={labels}
        state={{ values: props.state?.values ?? { lang }, errors: props.state?.errors }}
        fields={[EMAIL_FIELD, { kind: 'select', name: 'lang', required: true, options: LANGUAGE_OPTIONS }]}
      >
        <BotCheck />
      </FieldForm>
    </section>
  );
}
