import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { BotCheck, ChoiceGroup, ErrorSummary, SelectField, TextField } from '../../web/form';
import type { FormErrors, FormValues } from '../../web/form';
import { billPath } from '../links';
import type { BillRow } from '../queries';
import { billLabel } from './public';

/** The subscribe form at the end of a bill page. */
export function SubscribeForm(props: { bill: BillRow; errors?: FormErrors; values?: FormValues }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { bill } = props;
  const labels = {
    email: t('bills.field.email'),
    scope: t('bills.field.scope'),
    lang: t('bills.field.lang'),
    frequency: t('bills.field.frequency'),
  };
  const values = props.values ?? { scope: 'bill', lang, frequency: 'immediate' };
  return (
    <section aria-labelledby="bill-subscribe" id="subscribe">
      <h2 id="bill-subscribe">{t('bills.subscribeTitle')}</h2>
      <p>{t('bills.subscribeIntro')}</p>
      <form method="post" action={`${billPath(bill)}/subscribe`} novalidate>
        <ErrorSummary errors={props.errors} labels={labels} />
        <TextField
          name="email"
          type="email"
          label={labels.email}
          autocomplete="email"
          inputmode="email"
          required
          values={values}
          errors={props.errors}
        />
        <ChoiceGroup
          name="scope"
          label={labels.scope}
          options={[
            ['bill', t('bills.scope.bill', { bill: billLabel(bill) })],
            ['state', t('bills.scope.state', { state: bill.state })],
          ]}
          required
          values={values}
          errors={props.errors}
        />
        <SelectField
          name="lang"
          label={labels.lang}
          options={[
            ['en', 'English'],
            ['es', 'Español'],
          ]}
          required
          values={values}
          errors={props.errors}
        />
        <ChoiceGroup
          name="frequency"
          label={labels.frequency}
          options={[
            ['immediate', t('bills.frequency.immediate')],
            ['daily', t('bills.frequency.daily')],
          ]}
          required
          values={values}
          errors={props.errors}
        />
        <BotCheck />
        <button type="submit">{t('bills.subscribeButton')}</button>
      </form>
    </section>
  );
}
