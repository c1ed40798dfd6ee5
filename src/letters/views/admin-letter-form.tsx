import type { Child } from 'hono/jsx';
import { titleLabel } from '../../officials/links';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { Official } from '../../officials/schema';
import { ErrorSummary, SelectField, TextArea, TextField } from '../../web/form';
import type { FormErrors, FormValues } from '../../web/form';
import type { MessageKey } from '../../lib/i18n';
import { LETTER_STATUSES, options } from '../choices';
import type { Letter } from '../schema';
import { adminPath, LetterAdminNav } from './admin';
import { statusLabel } from '../choices';

/** The labels of the letter form, also used by the error summary. */
function letterLabels(t: (key: MessageKey) => string): Record<string, string> {
  return {
    slug: t('letters.field.slug'),
    status: t('letters.field.status'),
    titleEn: t('letters.field.titleEn'),
    titleEs: t('letters.field.titleEs'),
    bodyEn: t('letters.field.bodyEn'),
    bodyEs: t('letters.field.bodyEs'),
    addressees: t('letters.field.addressees'),
    deadline: t('letters.field.deadline'),
    goal: t('letters.field.goal'),
  };
}

/** Values of the letter form from a stored letter. */
export function letterFormValues(letter: Letter): FormValues {
  return {
    slug: letter.slug,
    status: letter.status,
    titleEn: letter.titleEn,
    titleEs: letter.titleEs,
    bodyEn: letter.bodyEn,
    bodyEs: letter.bodyEs,
    addressees: letter.addressees,
    deadline: letter.deadline ?? '',
    goal: letter.goal === null ? '' : String(letter.goal),
  };
}

/** Create or edit a letter: slug, status, both languages, addressees, deadline and goal. */
export function LetterForm(props: {
  letter?: Letter;
  officials?: Official[];
  officialResults?: Official[];
  officialQuery?: string;
  embedUrl?: string;
  values?: FormValues;
  errors?: FormErrors;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = letterLabels(t);
  const common = { values: props.values, errors: props.errors };
  const action = props.letter ? adminPath(props.letter) : '/admin/letters/new';
  return (
    <>
      {props.letter ? <LetterAdminNav letter={props.letter} /> : null}
      <h1>{props.letter ? t('letters.admin.editTitle') : t('letters.admin.new')}</h1>
      <form method="post" action={action} novalidate>
        <ErrorSummary errors={props.errors} labels={labels} />
        <div class="grid">
          <TextField
            name="slug"
            label={labels.slug!}
            hint={t('letters.hint.slug')}
            required
            maxlength={80}
            {...common}
          />
          <SelectField
            name="status"
            label={labels.status!}
            required
            hint={t('letters.hint.status')}
            options={options(LETTER_STATUSES, (value) => statusLabel(t, value))}
            {...common}
          />
        </div>
        <TextField name="titleEn" label={labels.titleEn!} required maxlength={200} {...common} />
        <TextArea
          name="bodyEn"
          label={labels.bodyEn!}
          hint={t('letters.hint.body')}
          required
          rows={12}
          {...common}
        />
        <TextField name="titleEs" label={labels.titleEs!} required maxlength={200} {...common} />
        <TextArea
          name="bodyEs"
          label={labels.bodyEs!}
          hint={t('letters.hint.body')}
          required
          rows={12}
          {...common}
        />
        <TextArea
          name="addressees"
          label={labels.addressees!}
          hint={t('letters.hint.addressees')}
          rows={3}
          {...common}
        />
        <div class="grid">
          <TextField
            name="deadline"
            type="date"
            label={labels.deadline!}
            hint={t('letters.hint.deadline')}
            {...common}
          />
          <TextField name="goal" type="number" inputmode="numeric" label={labels.goal!} {...common} />
        </div>
        <button type="submit">{t('common.save')}</button>
      </form>
      {props.letter && props.embedUrl ? <EmbedCode url={props.embedUrl} /> : null}
      {props.letter ? (
        <OfficialAddressees
          letter={props.letter}
          officials={props.officials ?? []}
          results={props.officialResults ?? []}
          query={props.officialQuery ?? ''}
        />
      ) : null}
    </>
  );
}

/** The iframe code a congregation pastes into its website to show the signature form. */
function EmbedCode(props: { url: string }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const code = `<iframe src="${props.url}" title="${t('letters.signHeading')}" width="100%" height="1400" style="border:0"></iframe>`;
  return (
    <section aria-labelledby="embed-heading">
      <h2 id="embed-heading">{t('letters.admin.embedHeading')}</h2>
      <TextArea
        name="embedCode"
        label={t('letters.admin.embedCode')}
        hint={t('letters.admin.embedHint')}
        value={code}
        rows={3}
        required
      />
    </section>
  );
}

/** Addressees from the officials directory: the chosen ones, and a search to add more. */
function OfficialAddressees(props: {
  letter: Letter;
  officials: Official[];
  results: Official[];
  query: string;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const describe = (official: Official) =>
    [titleLabel(t, official.title), official.name, official.jurisdictionName ?? official.state.toUpperCase()]
      .filter(Boolean)
      .join(', ');
  return (
    <section aria-labelledby="officials-heading">
      <h2 id="officials-heading">{t('letters.admin.officialsHeading')}</h2>
      {props.officials.length === 0 ? <p>{t('letters.admin.noOfficials')}</p> : null}
      <ul>
        {props.officials.map((official) => (
          <li>
            {describe(official)}{' '}
            <form method="post" action={adminPath(props.letter, `/officials/remove`)} class="inline-form">
              <input type="hidden" name="officialId" value={official.id} />
              <button type="submit" class="secondary outline">
                {t('letters.admin.removeOfficial')}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <form method="get" action={adminPath(props.letter)} aria-label={t('letters.admin.findOfficial')}>
        <TextField
          name="official"
          type="search"
          label={t('letters.admin.findOfficial')}
          value={props.query}
        />
        <button type="submit" class="secondary">
          {t('common.search')}
        </button>
      </form>
      {props.query && props.results.length === 0 ? <p>{t('letters.admin.noOfficialResults')}</p> : null}
      <ul>
        {props.results.map((official) => (
          <li>
            {describe(official)}{' '}
            <form method="post" action={adminPath(props.letter, '/officials')} class="inline-form">
              <input type="hidden" name="officialId" value={official.id} />
              <button type="submit" class="secondary">
                {t('letters.admin.addOfficial')}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
