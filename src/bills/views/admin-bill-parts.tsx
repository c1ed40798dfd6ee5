// The three small forms of a bill's organizer page: post an action, post an update, override the stage.
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { FieldForm, labelsOf } from '../../web/form';
import { stageLabelKey } from '../links';
import type { BillRow } from '../queries';
import { BILL_STAGES } from '../schema';
import { ORGANIZER_CLASSIFICATIONS } from '../validation';
import type { FormState } from './admin-bill-form';
import { Section } from '../../web/ui/section';

/** An action seen in the legislature, posted by hand: a movement like an imported one. */
export function PostActionForm(props: { bill: Pick<BillRow, 'id'>; state?: FormState }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const chamberOptions = (['upper', 'lower', 'executive', 'legislature'] as const).map(
    (k) => [k, t(`bills.admin.chamber.${k}`)] as const,
  );
  const actionLabels = {
    date: t('bills.admin.field.date'),
    chamberKind: t('bills.admin.field.chamber'),
    description: t('bills.admin.field.description'),
    classification: t('bills.admin.field.classification'),
  };
  return (
    <Section id="post-action" title={t('bills.admin.postAction')}>
      <p>{t('bills.admin.postActionHint')}</p>
      <FieldForm
        action={`/admin/bills/${props.bill.id}/actions`}
        submit={t('bills.admin.postAction')}
        labels={actionLabels}
        state={{
          values: props.state?.values ?? { date: new Date().toISOString().slice(0, 10) },
          errors: props.state?.errors,
        }}
        fields={[
          [
            { kind: 'text', name: 'date', type: 'date', required: true },
            { kind: 'select', name: 'chamberKind', options: chamberOptions, required: true },
          ],
          { kind: 'text', name: 'description', required: true, maxlength: 500 },
          {
            kind: 'select',
            name: 'classification',
            options: ORGANIZER_CLASSIFICATIONS.map((k) => [k, t(`bills.actionKind.${k}`)] as const),
            required: true,
          },
        ]}
      />
    </Section>
  );
}

/** An organizer's update in both languages, sent to subscribers as a movement. */
export function PostUpdateForm(props: { bill: Pick<BillRow, 'id'>; state?: FormState }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const updateLabels = labelsOf(['headlineEn', 'headlineEs', 'detailEn', 'detailEs'], (name) =>
    t(`bills.admin.field.${name}`),
  );
  return (
    <Section id="post-update" title={t('bills.admin.postUpdate')}>
      <p>{t('bills.admin.postUpdateHint')}</p>
      <FieldForm
        action={`/admin/bills/${props.bill.id}/updates`}
        submit={t('bills.admin.postUpdate')}
        labels={updateLabels}
        state={props.state}
        fields={[
          [
            { kind: 'text', name: 'headlineEn', required: true },
            { kind: 'text', name: 'headlineEs', required: true },
          ],
          [
            { kind: 'area', name: 'detailEn' },
            { kind: 'area', name: 'detailEs' },
          ],
        ]}
      />
    </Section>
  );
}

/** The organizer's stage override with its note, or back to the stage the actions give. */
export function StageOverrideForm(props: {
  bill: Pick<BillRow, 'id' | 'derivedStage' | 'stageOverride' | 'stageNoteEn' | 'stageNoteEs'>;
  state?: FormState;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const { bill } = props;
  const stageLabels = labelsOf(['stage', 'noteEn', 'noteEs'], (name) => t(`bills.admin.field.${name}`));
  const stageValues = props.state?.values ?? {
    stage: bill.stageOverride ?? '',
    noteEn: bill.stageNoteEn ?? '',
    noteEs: bill.stageNoteEs ?? '',
  };
  return (
    <Section id="override-stage" title={t('bills.admin.overrideStage')}>
      <p>{t('bills.admin.overrideHint', { stage: t(stageLabelKey(bill.derivedStage)) })}</p>
      <FieldForm
        action={`/admin/bills/${props.bill.id}/stage`}
        submit={t('common.save')}
        labels={stageLabels}
        state={{ values: stageValues, errors: props.state?.errors }}
        fields={[
          {
            kind: 'select',
            name: 'stage',
            options: [
              ['', t('bills.admin.stageFromActions')] as const,
              ...BILL_STAGES.map((s) => [s, t(stageLabelKey(s))] as const),
            ],
            required: true,
          },
          [
            { kind: 'text', name: 'noteEn' },
            { kind: 'text', name: 'noteEs' },
          ],
        ]}
      />
    </Section>
  );
}
