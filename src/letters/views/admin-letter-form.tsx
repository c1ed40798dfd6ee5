import type { Child } from 'hono/jsx';
import { titleLabel } from '../../officials/links';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { Official } from '../../officials/schema';
import { FieldForm, TextArea, TextField } from '../../web/form';
import type { FieldRow, FormState, FormValues } from '../../web/form';
import { PostButton } from '../../web/ui/post-button';
import type { MessageKey } from '../../lib/i18n';
import { LETTER_STATUSES, options } from '../choices';
import type { Letter } from '../schema';
import { adminPath, LetterAdminNav } from './admin';
import { statusLabel } from '../choices';
import { Section } from '../../web/ui/section';

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
export function LetterForm(
  props: FormState & {
    letter?: Letter;
    officials?: Official[];
    officialResults?: Official[];
    officialQuery?: string;
    embedUrl?: string;
  },
): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = letterLabels(t);
  const hints = {
    slug: t('letters.hint.slug'),
    status: t('letters.hint.status'),
    bodyEn: t('letters.hint.body'),
    bodyEs: t('letters.hint.body'),
    addressees: t('letters.hint.addressees'),
    deadline: t('letters.hint.deadline'),
  };
  const fields: FieldRow[] = [
    [
      { kind: 'text', name: 'slug', required: true, maxlength: 80 },
      {
        kind: 'select',
        name: 'status',
        required: true,
        options: options(LETTER_STATUSES, (v) => statusLabel(t, v)),
      },
    ],
    ...(['En', 'Es'] as const).flatMap((suffix): FieldRow[] => [
      { kind: 'text', name: `title${suffix}`, required: true, maxlength: 200 },
      { kind: 'area', name: `body${suffix}`, required: true, rows: 12 },
    ]),
    { kind: 'area', name: 'addressees', rows: 3 },
    [
      { kind: 'text', name: 'deadline', type: 'date' },
      { kind: 'text', name: 'goal', type: 'number', inputmode: 'numeric' },
    ],
  ];
  return (
    <>
      {props.letter ? <LetterAdminNav letter={props.letter} /> : null}
      <h1>{props.letter ? t('letters.admin.editTitle') : t('letters.admin.new')}</h1>
      <FieldForm
        action={props.letter ? adminPath(props.letter) : '/admin/letters/new'}
        submit={t('common.save')}
        fields={fields}
        labels={labels}
        hints={hints}
        state={props}
      />
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
    <Section id="embed-heading" title={t('letters.admin.embedHeading')}>
      <TextArea
        name="embedCode"
        label={t('letters.admin.embedCode')}
        hint={t('letters.admin.embedHint')}
        value={code}
        rows={3}
        required
      />
    </Section>
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
  return (
    <Section id="officials-heading" title={t('letters.admin.officialsHeading')}>
      {props.officials.length === 0 ? <p>{t('letters.admin.noOfficials')}</p> : null}
      <OfficialButtons
        officials={props.officials}
        action={adminPath(props.letter, '/officials/remove')}
        label={t('letters.admin.removeOfficial')}
        buttonClass="secondary outline"
      />
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
      <OfficialButtons
        officials={props.results}
        action={adminPath(props.letter, '/officials')}
        label={t('letters.admin.addOfficial')}
        buttonClass="secondary"
      />
    </Section>
  );
}

/** Officials, one a line, each with a button that posts its id (add it to the letter, or remove it). */
function OfficialButtons(props: {
  officials: Official[];
  action: string;
  label: string;
  buttonClass: string;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <ul>
      {props.officials.map((official) => (
        <li>
          {[
            titleLabel(t, official.title),
            official.name,
            official.jurisdictionName ?? official.state.toUpperCase(),
          ]
            .filter(Boolean)
            .join(', ')}{' '}
          <PostButton
            action={props.action}
            hidden={{ officialId: official.id }}
            formClass="inline-form"
            buttonClass={props.buttonClass}
          >
            {props.label}
          </PostButton>
        </li>
      ))}
    </ul>
  );
}
