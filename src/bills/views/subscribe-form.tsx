import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { BotCheck, EMAIL_FIELD, FieldForm, LANGUAGE_OPTIONS, labelsOf } from '../../web/form';
import type { FormErrors, FormValues } from '../../web/form';
import { billPath } from '../links';
import type { BillRow } from '../queries';
import { billLabel } from './public';

/** The subscribe form of a bill page (beside the page on wide screens, after what to do on phones). */
export function SubscribeForm(props: { bill: BillRow; errors?: FormErrors; values?: FormValues }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { bill } = props;
  const labels = labelsOf(['email', 'scope', 'lang', 'frequency'], (name) => t(`bills.field.${name}`));
  const scopes = [
    ['bill', t('bills.scope.bill', { bill: billLabel(bill) })],
    ['state', t('bills.scope.state', { state: bill.state })],
  ] as const;
  const frequencies = [
    ['immediate', t('bills.frequency.immediate')],
    ['daily', t('bills.frequency.daily')],
  ] as const;
  const values = props.values ?? { scope: 'bill', lang, frequency: 'immediate' };
  return (
    <section aria-labelledby="bill-subscribe" id="subscribe" tabindex={-1}>
      <h2 id="bill-subscribe">{t('bills.subscribeTitle')}</h2>
      <p>{t('bills.subscribeIntro')}</p>
      <FieldForm
        action={`${billPath(bill)}/subscribe`}
        submit={t('bills.subscribeButton')}
        labels={labels}
        state={{ values, errors: props.errors }}
        fields={[
          EMAIL_FIELD,
          { kind: 'choices', name: 'scope', required: true, options: scopes },
          { kind: 'select', name: 'lang', required: true, options: LANGUAGE_OPTIONS },
          { kind: 'choices', name: 'frequency', required: true, options: frequencies },
        ]}
      >
        <BotCheck />
      </FieldForm>
    </section>
  );
}
