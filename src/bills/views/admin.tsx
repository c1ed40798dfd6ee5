import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import {
  CheckboxField,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type FormErrors,
  type FormValues,
} from '../../web/form';
import { US_STATES } from '../../web/fields';
import { formatDate, formatNumber } from '../../lib/i18n';
import { billPath, positionLabelKey, stageLabelKey } from '../links';
import type { BillMovementRow, BillRow } from '../queries';
import { BILL_POSITIONS, BILL_STAGES, CALL_TO_ACTION_KINDS } from '../schema';
import { effectiveStage } from '../stage';
import { CTA_ROWS, ORGANIZER_CLASSIFICATIONS } from '../validation';
import { billLabel } from './public';

type FormState = { errors: FormErrors; values: FormValues };

/** The organizer list of bills with subscriber counts and the Open States status. */
/** What an import or a fetch did, shown above the list. */
export type ImportSummary =
  | { kind: 'imported'; lines: { billId: string; created: boolean; addedActions: number }[] }
  | { kind: 'refused'; detail: string }
  | { kind: 'fetched'; movements: number }
  | { kind: 'fetchFailed' };

export function AdminBillList(props: {
  bills: BillRow[];
  counts: { byBill: Map<string, number>; byState: Map<string, number> };
  sync: { lastSuccessAt: number | null; lastAttemptAt: number | null; lastError: string | null } | null;
  openStatesOn: boolean;
  /** What the import or fetch just done did. */
  summary?: ImportSummary;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { sync } = props;
  const byId = new Map(props.bills.map((bill) => [bill.id, bill]));
  return (
    <>
      <h1>{t('bills.admin.title')}</h1>
      <p>
        <a href="/admin/bills/new" role="button">
          {t('bills.admin.add')}
        </a>
      </p>
      <section aria-labelledby="openstates-status">
        <h2 id="openstates-status">{t('bills.admin.openStates')}</h2>
        {!props.openStatesOn ? <p>{t('bills.admin.openStatesOff')}</p> : null}
        <p>
          {sync?.lastSuccessAt
            ? t('bills.admin.openStatesLast', { date: formatDate(lang, sync.lastSuccessAt, true) })
            : t('bills.admin.openStatesNever')}
        </p>
        {sync?.lastError && sync.lastAttemptAt ? (
          <p role="status">
            {t('bills.admin.openStatesError', { date: formatDate(lang, sync.lastAttemptAt, true) })}
          </p>
        ) : null}
        <ImportSummaryBox summary={props.summary} bills={byId} />
        {props.openStatesOn ? (
          <form method="post" action="/admin/bills/fetch-now">
            <button type="submit" class="secondary">
              {t('bills.import.fetchNow')}
            </button>
          </form>
        ) : null}
        <form method="post" action="/admin/bills/import" enctype="multipart/form-data">
          <label for="import-file">
            {t('bills.import.file')}
            <input
              id="import-file"
              name="file"
              type="file"
              accept=".json,application/json"
              required
              aria-describedby="import-file-hint"
            />
            <small id="import-file-hint">{t('bills.import.fileHint')}</small>
          </label>
          <button type="submit">{t('bills.import.upload')}</button>
        </form>
      </section>
      <div class="overflow-auto">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('bills.admin.bill')}</th>
              <th scope="col">{t('bills.admin.stage')}</th>
              <th scope="col">{t('bills.admin.position')}</th>
              <th scope="col">{t('bills.admin.subscribers')}</th>
              <th scope="col">{t('bills.admin.lastMovement')}</th>
            </tr>
          </thead>
          <tbody>
            {props.bills.map((bill) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/bills/${bill.id}`}>{billLabel(bill)}</a> {bill.title.slice(0, 80)}
                  {bill.isDemo ? <small> ({t('common.demo')})</small> : null}
                  {!bill.tracked ? <small> ({t('bills.admin.notTracked')})</small> : null}
                </th>
                <td>{t(stageLabelKey(effectiveStage(bill)))}</td>
                <td>{t(positionLabelKey(bill.position))}</td>
                <td>{props.counts.byBill.get(bill.id) ?? 0}</td>
                <td>{bill.lastMovementAt ? formatDate(lang, bill.lastMovementAt) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.counts.byState.size > 0 ? (
        <section aria-labelledby="state-subscribers">
          <h2 id="state-subscribers">{t('bills.admin.stateSubscribers')}</h2>
          <ul>
            {[...props.counts.byState.entries()].map(([state, n]) => (
              <li>
                {state}: {n}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** The bill add/edit form (both languages of every text). */
export function BillForm(props: { action: string; errors?: FormErrors; values?: FormValues }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const common = { values: props.values, errors: props.errors };
  const labels: Record<string, string> = {
    state: t('bills.admin.field.state'),
    session: t('bills.admin.field.session'),
    identifier: t('bills.admin.field.identifier'),
    title: t('bills.admin.field.title'),
    titleEs: t('bills.admin.field.titleEs'),
    position: t('bills.admin.field.position'),
    summaryEn: t('bills.admin.field.summaryEn'),
    summaryEs: t('bills.admin.field.summaryEs'),
    analysisEn: t('bills.admin.field.analysisEn'),
    analysisEs: t('bills.admin.field.analysisEs'),
    talkingPointsEn: t('bills.admin.field.talkingPointsEn'),
    talkingPointsEs: t('bills.admin.field.talkingPointsEs'),
    sources: t('bills.admin.field.sources'),
  };
  for (let i = 0; i < CTA_ROWS; i++) labels[`cta${i}Url`] = t('bills.admin.cta', { n: i + 1 });
  return (
    <form method="post" action={props.action} novalidate>
      <ErrorSummary errors={props.errors} labels={labels} />
      <div class="grid">
        <SelectField
          name="state"
          label={labels.state!}
          options={US_STATES.map((s) => [s, s] as const)}
          required
          {...common}
        />
        <TextField name="session" label={labels.session!} required maxlength={40} {...common} />
        <TextField name="identifier" label={labels.identifier!} required maxlength={40} {...common} />
      </div>
      <TextField name="title" label={labels.title!} required maxlength={500} {...common} />
      <TextField name="titleEs" label={labels.titleEs!} maxlength={500} {...common} />
      <SelectField
        name="position"
        label={labels.position!}
        options={BILL_POSITIONS.map((p) => [p, t(positionLabelKey(p))] as const)}
        required
        {...common}
      />
      <div class="grid">
        <TextArea name="summaryEn" label={labels.summaryEn!} rows={5} {...common} />
        <TextArea name="summaryEs" label={labels.summaryEs!} rows={5} {...common} />
      </div>
      <div class="grid">
        <TextArea name="analysisEn" label={labels.analysisEn!} rows={5} {...common} />
        <TextArea name="analysisEs" label={labels.analysisEs!} rows={5} {...common} />
      </div>
      <div class="grid">
        <TextArea name="talkingPointsEn" label={labels.talkingPointsEn!} rows={5} {...common} />
        <TextArea name="talkingPointsEs" label={labels.talkingPointsEs!} rows={5} {...common} />
      </div>
      {Array.from({ length: CTA_ROWS }, (_, i) => (
        <fieldset>
          <legend>{t('bills.admin.cta', { n: i + 1 })}</legend>
          <SelectField
            name={`cta${i}Kind`}
            label={t('bills.admin.field.ctaKind')}
            options={CALL_TO_ACTION_KINDS.map((k) => [k, t(`bills.ctaKind.${k}`)] as const)}
            required
            {...common}
          />
          <TextField name={`cta${i}Url`} label={t('bills.admin.field.ctaUrl')} {...common} />
          <div class="grid">
            <TextField name={`cta${i}LabelEn`} label={t('bills.admin.field.ctaLabelEn')} {...common} />
            <TextField name={`cta${i}LabelEs`} label={t('bills.admin.field.ctaLabelEs')} {...common} />
          </div>
        </fieldset>
      ))}
      <TextArea name="sources" label={labels.sources!} rows={3} {...common} />
      <CheckboxField name="tracked" label={t('bills.admin.field.tracked')} {...common} />
      <button type="submit">{t('common.save')}</button>
    </form>
  );
}

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
  const chamberOptions = (['upper', 'lower', 'executive', 'legislature'] as const).map(
    (k) => [k, t(`bills.admin.chamber.${k}`)] as const,
  );
  const actionLabels = {
    date: t('bills.admin.field.date'),
    chamberKind: t('bills.admin.field.chamber'),
    description: t('bills.admin.field.description'),
    classification: t('bills.admin.field.classification'),
  };
  const updateLabels = {
    headlineEn: t('bills.admin.field.headlineEn'),
    headlineEs: t('bills.admin.field.headlineEs'),
    detailEn: t('bills.admin.field.detailEn'),
    detailEs: t('bills.admin.field.detailEs'),
  };
  const stageLabels = {
    stage: t('bills.admin.field.stage'),
    noteEn: t('bills.admin.field.noteEn'),
    noteEs: t('bills.admin.field.noteEs'),
  };
  const stageValues = props.stage?.values ?? {
    stage: bill.stageOverride ?? '',
    noteEn: bill.stageNoteEn ?? '',
    noteEs: bill.stageNoteEs ?? '',
  };
  return (
    <>
      {props.notice && notices[props.notice] ? (
        <p role="status" class="notice">
          {notices[props.notice]}
        </p>
      ) : null}
      <hgroup>
        <h1>{t('bills.admin.editTitle', { bill: billLabel(bill) })}</h1>
        <p>
          {t(stageLabelKey(effectiveStage(bill)))} · {t('bills.admin.subscribers')}: {props.subscribers} ·{' '}
          <a href={props.publicUrl}>{t('bills.admin.view')}</a>
        </p>
      </hgroup>

      <section aria-labelledby="post-action">
        <h2 id="post-action">{t('bills.admin.postAction')}</h2>
        <p>{t('bills.admin.postActionHint')}</p>
        <form method="post" action={`/admin/bills/${bill.id}/actions`} novalidate>
          <ErrorSummary errors={props.action?.errors} labels={actionLabels} />
          <div class="grid">
            <TextField
              name="date"
              type="date"
              label={actionLabels.date}
              required
              values={props.action?.values ?? { date: new Date().toISOString().slice(0, 10) }}
              errors={props.action?.errors}
            />
            <SelectField
              name="chamberKind"
              label={actionLabels.chamberKind}
              options={chamberOptions}
              required
              values={props.action?.values}
              errors={props.action?.errors}
            />
          </div>
          <TextField
            name="description"
            label={actionLabels.description}
            required
            maxlength={500}
            values={props.action?.values}
            errors={props.action?.errors}
          />
          <SelectField
            name="classification"
            label={actionLabels.classification}
            options={ORGANIZER_CLASSIFICATIONS.map((k) => [k, t(`bills.actionKind.${k}`)] as const)}
            required
            values={props.action?.values}
            errors={props.action?.errors}
          />
          <button type="submit">{t('bills.admin.postAction')}</button>
        </form>
      </section>

      <section aria-labelledby="post-update">
        <h2 id="post-update">{t('bills.admin.postUpdate')}</h2>
        <p>{t('bills.admin.postUpdateHint')}</p>
        <form method="post" action={`/admin/bills/${bill.id}/updates`} novalidate>
          <ErrorSummary errors={props.update?.errors} labels={updateLabels} />
          <div class="grid">
            <TextField
              name="headlineEn"
              label={updateLabels.headlineEn}
              required
              values={props.update?.values}
              errors={props.update?.errors}
            />
            <TextField
              name="headlineEs"
              label={updateLabels.headlineEs}
              required
              values={props.update?.values}
              errors={props.update?.errors}
            />
          </div>
          <div class="grid">
            <TextArea
              name="detailEn"
              label={updateLabels.detailEn}
              values={props.update?.values}
              errors={props.update?.errors}
            />
            <TextArea
              name="detailEs"
              label={updateLabels.detailEs}
              values={props.update?.values}
              errors={props.update?.errors}
            />
          </div>
          <button type="submit">{t('bills.admin.postUpdate')}</button>
        </form>
      </section>

      <section aria-labelledby="override-stage">
        <h2 id="override-stage">{t('bills.admin.overrideStage')}</h2>
        <p>{t('bills.admin.overrideHint', { stage: t(stageLabelKey(bill.derivedStage)) })}</p>
        <form method="post" action={`/admin/bills/${bill.id}/stage`} novalidate>
          <ErrorSummary errors={props.stage?.errors} labels={stageLabels} />
          <SelectField
            name="stage"
            label={stageLabels.stage}
            options={[
              ['', t('bills.admin.stageFromActions')] as const,
              ...BILL_STAGES.map((s) => [s, t(stageLabelKey(s))] as const),
            ]}
            required
            values={stageValues}
            errors={props.stage?.errors}
          />
          <div class="grid">
            <TextField
              name="noteEn"
              label={stageLabels.noteEn}
              values={stageValues}
              errors={props.stage?.errors}
            />
            <TextField
              name="noteEs"
              label={stageLabels.noteEs}
              values={stageValues}
              errors={props.stage?.errors}
            />
          </div>
          <button type="submit">{t('common.save')}</button>
        </form>
      </section>

      {props.movements.length > 0 ? (
        <section aria-labelledby="movements">
          <h2 id="movements">{t('bills.admin.movements')}</h2>
          <ul>
            {props.movements.map((m) => (
              <li>
                {formatDate(lang, m.createdAt, true)}: {lang === 'es' ? m.headlineEs : m.headlineEn} (
                {t(stageLabelKey(m.stageAfter))};{' '}
                {m.fanoutStatus === 'done' ? t('bills.admin.fanoutDone') : t('bills.admin.fanoutPending')})
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="edit-bill">
        <h2 id="edit-bill">{t('common.edit')}</h2>
        <BillForm action={`/admin/bills/${bill.id}`} errors={props.form.errors} values={props.form.values} />
      </section>
      <p>
        <a href={billPath(bill)}>{t('bills.admin.view')}</a>
      </p>
    </>
  );
}

/** The result of an upload or a fetch: one line per bill, or why nothing was imported. */
function ImportSummaryBox(props: { summary?: ImportSummary; bills: Map<string, BillRow> }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const summary = props.summary;
  if (!summary) return null;
  if (summary.kind === 'refused')
    return (
      <div class="error-summary" role="alert" tabindex={-1}>
        <h2>{t('bills.import.refused')}</h2>
        <p>
          <code>{summary.detail}</code>
        </p>
      </div>
    );
  if (summary.kind === 'fetchFailed')
    return (
      <p class="notice" role="alert">
        {t('bills.import.fetchFailed')}
      </p>
    );
  if (summary.kind === 'fetched')
    return (
      <p class="notice" role="status">
        {t('bills.import.fetched', { count: formatNumber(lang, summary.movements) })}
      </p>
    );
  return (
    <div class="notice" role="status">
      <p>{t('bills.import.done', { count: formatNumber(lang, summary.lines.length) })}</p>
      <ul>
        {summary.lines.map((line) => {
          const bill = props.bills.get(line.billId);
          return (
            <li>
              {bill ? <a href={`/admin/bills/${bill.id}`}>{billLabel(bill)}</a> : line.billId}:{' '}
              {line.created
                ? t('bills.import.added', { count: formatNumber(lang, line.addedActions) })
                : line.addedActions > 0
                  ? t('bills.import.newActions', { count: formatNumber(lang, line.addedActions) })
                  : t('bills.import.noChange')}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
