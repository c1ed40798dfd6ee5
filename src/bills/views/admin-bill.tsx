import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { formatDate } from '../../lib/i18n';
import { billPath, movementHeadline, stageLabelKey } from '../links';
import type { BillMovementRow, BillRow } from '../queries';
import { effectiveStage } from '../stage';
import { billLabel } from './public';
import { BillForm, type FormState } from './admin-bill-form';
import { PostActionForm, PostUpdateForm, StageOverrideForm } from './admin-bill-parts';
import { SavedNotice } from '../../web/ui/saved-notice';
import { ListSection, Section } from '../../web/ui/section';

/** The organizer page of one bill: edit, post an action or update, override the stage. */
export function AdminBillPage(props: {
  bill: BillRow;
  movements: BillMovementRow[];
  subscribers: number;
  notice: string | null;
  publicUrl: string;
  form: FormState;
  action?: FormState;
  update?: FormState;
  stage?: FormState;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { bill } = props;
  const notices: Record<string, string> = {
    saved: t('bills.admin.saved'),
    action: t('bills.admin.actionPosted'),
    update: t('bills.admin.updatePosted'),
    stage: t('bills.admin.stageSaved'),
  };
  return (
    <>
      {props.notice && notices[props.notice] ? <SavedNotice>{notices[props.notice]}</SavedNotice> : null}
      <hgroup>
        <h1>{t('bills.admin.editTitle', { bill: billLabel(bill) })}</h1>
        <p>
          {t(stageLabelKey(effectiveStage(bill)))} · {t('bills.admin.subscribers')}: {props.subscribers} ·{' '}
          <a href={props.publicUrl}>{t('bills.admin.view')}</a>
        </p>
      </hgroup>

      <PostActionForm bill={bill} state={props.action} />
      <PostUpdateForm bill={bill} state={props.update} />
      <StageOverrideForm bill={bill} state={props.stage} />

      <ListSection
        id="movements"
        title={t('bills.admin.movements')}
        items={props.movements}
        item={(m) => (
          <>
            {formatDate(lang, m.createdAt, true)}: {movementHeadline(m, lang)} (
            {t(stageLabelKey(m.stageAfter))};{' '}
            {m.fanoutStatus === 'done' ? t('bills.admin.fanoutDone') : t('bills.admin.fanoutPending')})
          </>
        )}
      />

      <Section id="edit-bill" title={t('common.edit')}>
        <BillForm action={`/admin/bills/${bill.id}`} errors={props.form.errors} values={props.form.values} />
      </Section>
      <p>
        <a href={billPath(bill)}>{t('bills.admin.view')}</a>
      </p>
    </>
  );
}
