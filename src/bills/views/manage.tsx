// The subscriber's manage page: everything one address follows, with a button for each change.
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { ChoiceGroup, ErrorSummary, fieldId, SelectField } from '../../web/form';
import type { FormErrors, FormValues } from '../../web/form';
import { billPath } from '../links';
import type { BillRow } from '../queries';
import type { FollowedItem } from '../queries/subscriptions';
import { billLabel, inLang } from './public';
import { pick } from '../../lib/bilingual';
import { SavedNotice } from '../../web/ui/saved-notice';

/** What the manage page shows. */
export interface ManagePageData {
  /** The private link's path (`/bills/subscriptions/<token>`); every form posts below it. */
  base: string;
  items: FollowedItem[];
  /** Tracked bills in the states followed as a whole, for "follow only this bill instead". */
  billsOfFollowedStates: BillRow[];
  /** The language and frequency shown in the choices form (the link's own subscription). */
  choices: { lang: string; frequency: string };
  notice?: string | null;
  errors?: FormErrors;
  values?: FormValues;
}

/** The manage page of an address: what it follows, what it can change, and stopping everything. */
export function ManagePage(props: ManagePageData): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const active = props.items.filter((i) => i.subscription.status === 'confirmed');
  const labels = {
    item: t('bills.manage.following'),
    bill: t('bills.manage.field.bill'),
    lang: t('bills.field.lang'),
    frequency: t('bills.field.frequency'),
  };
  return (
    <section>
      {props.notice ? <SavedNotice>{props.notice}</SavedNotice> : null}
      <h1>{t('bills.manageTitle')}</h1>
      <ErrorSummary errors={props.errors} labels={labels} />
      <h2 id={fieldId('item')} tabindex={-1}>
        {labels.item}
      </h2>
      {active.length === 0 ? <p>{t('bills.manage.nothingActive')}</p> : null}
      <ul class="following">
        {props.items.map((item) => (
          <FollowedItemRow item={item} base={props.base} />
        ))}
      </ul>
      {props.billsOfFollowedStates.length > 0 ? <FollowOneBillForm {...props} /> : null}
      {active.length > 0 ? (
        <>
          <h2>{t('bills.manage.choicesTitle')}</h2>
          <form method="post" action={props.base}>
            <SelectField
              name="lang"
              label={labels.lang}
              options={[
                ['en', 'English'],
                ['es', 'Español'],
              ]}
              value={props.choices.lang}
              errors={props.errors}
              required
            />
            <ChoiceGroup
              name="frequency"
              label={labels.frequency}
              options={[
                ['immediate', t('bills.frequency.immediate')],
                ['daily', t('bills.frequency.daily')],
              ]}
              value={props.choices.frequency}
              errors={props.errors}
              required
            />
            <p class="hint">{t('bills.manage.choicesHint')}</p>
            <button type="submit">{t('bills.manageSave')}</button>
          </form>
          <h2>{t('bills.manage.stopAllTitle')}</h2>
          <form method="post" action={`${props.base}/one-click-unsubscribe`}>
            <button type="submit" class="secondary">
              {t('bills.manage.stopAllButton')}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}

/** One thing followed: what it is, its state, and the buttons that change it. */
function FollowedItemRow(props: { item: FollowedItem; base: string }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { subscription, bill, campaign } = props.item;
  const button = (change: string, label: string, secondary = false) => (
    <form method="post" action={`${props.base}/following`} class="inline-form">
      <input type="hidden" name="item" value={subscription.id} />
      <input type="hidden" name="change" value={change} />
      <button type="submit" class={secondary ? 'secondary' : undefined}>
        {label}
      </button>
    </form>
  );
  return (
    <li>
      <p>
        {bill ? (
          <a href={billPath(bill)}>
            {billLabel(bill)}: {inLang(lang, bill.title, bill.titleEs)}
          </a>
        ) : campaign ? (
          <a href={campaign.path}>
            {t('bills.manage.campaign', { title: pick(campaign, 'title', lang).text })}
          </a>
        ) : subscription.campaignId ? (
          <strong>{t('bills.manage.campaignGone')}</strong>
        ) : (
          <strong>{t('bills.scope.state', { state: subscription.state })}</strong>
        )}
        <br />
        {subscription.status === 'confirmed'
          ? subscription.campaignId
            ? t('bills.manageStatus.confirmed')
            : `${t('bills.manageStatus.confirmed')} ${t(`bills.frequency.${subscription.frequency}`)}`
          : subscription.status === 'unsubscribed'
            ? t('bills.manage.stopped')
            : t('bills.manageStatus.pending')}
      </p>
      {subscription.status === 'confirmed' ? (
        <>
          {bill
            ? button('follow-state', t('bills.manage.followStateInstead', { state: subscription.state }))
            : null}
          {button('stop', t('bills.manage.stopButton'), true)}
        </>
      ) : (
        button('resume', t('bills.manage.resumeButton'))
      )}
    </li>
  );
}

/** "Follow only one bill instead of the whole state": one form for every state followed whole. */
function FollowOneBillForm(props: ManagePageData): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h2>{t('bills.manage.followBillTitle')}</h2>
      <form method="post" action={`${props.base}/follow-bill`}>
        <SelectField
          name="bill"
          label={t('bills.manage.field.bill')}
          hint={t('bills.manage.followBillHint')}
          placeholder=""
          options={props.billsOfFollowedStates.map(
            (b) => [b.id, `${billLabel(b)}: ${inLang(lang, b.title, b.titleEs)}`] as const,
          )}
          values={props.values}
          errors={props.errors}
          required
        />
        <button type="submit">{t('bills.manage.followBillButton')}</button>
      </form>
    </>
  );
}
