import type { Child } from 'hono/jsx';
import { DemoLabel } from '../../web/ui/demo-label';
import { raw } from 'hono/html';
import { useRequestContext } from 'hono/jsx-renderer';
import type { ActionCampaign, AppEnv } from '../../env';
import type { Official } from '../../officials/schema';
import type { FormState } from '../../web/form';
import { formatDate, formatNumber } from '../../lib/i18n';
import type { Letter } from '../schema';
import { goalPercent, letterText, type SigningState } from '../status';
import { SignOrClosed } from './signature-form';
import { Addressees, letterBodyHtml, letterPath, signedCount } from './public';
import { SavedNotice } from '../../web/ui/saved-notice';
import { PartOfCampaigns } from '../../web/ui/part-of-campaigns';

/** Count, goal and deadline of a letter. */
function Progress(props: { letter: Letter; count: number }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const percent = goalPercent(props.count, props.letter.goal);
  return (
    <section class="letter-progress" aria-label={t('letters.progressLabel')}>
      <p>
        <strong>{signedCount(t, lang, props.count)}</strong>
        {props.letter.goal ? ` ${t('letters.goal', { goal: formatNumber(lang, props.letter.goal) })}` : null}
      </p>
      {percent !== null ? (
        <progress value={String(percent)} max="100" aria-label={t('letters.goalProgress', { percent })}>
          {percent}%
        </progress>
      ) : null}
      {props.letter.deadline ? (
        <p>{t('letters.deadline', { date: formatDate(lang, `${props.letter.deadline}T12:00:00Z`) })}</p>
      ) : null}
      <p>
        <a href={letterPath(props.letter, '/signers')}>{t('letters.seeSigners')}</a>
      </p>
    </section>
  );
}

/** The public page of a letter: its text, addressees, progress and the signature form. */
export function LetterPage(
  props: FormState & {
    letter: Letter;
    officials: Official[];
    count: number;
    state: SigningState;
    preview: boolean;
    campaigns?: ActionCampaign[];
  },
): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const text = letterText(props.letter, lang);
  return (
    <article class="letter">
      {props.preview ? <SavedNotice>{t('letters.previewNotice')}</SavedNotice> : null}
      <DemoLabel of={props.letter} />
      <h1>{text.title}</h1>
      <PartOfCampaigns campaigns={props.campaigns} />
      <Addressees letter={props.letter} officials={props.officials} />
      <section class="letter-body" aria-label={t('letters.bodyLabel')}>
        {raw(letterBodyHtml(text.body))}
      </section>
      <Progress letter={props.letter} count={props.count} />
      <section aria-labelledby="sign-heading">
        <h2 id="sign-heading">{t('letters.signHeading')}</h2>
        <SignOrClosed {...props} action={letterPath(props.letter, '/sign')} />
      </section>
    </article>
  );
}
