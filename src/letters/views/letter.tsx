import type { Child } from 'hono/jsx';
import { DemoLabel } from '../../web/ui/demo-label';
import { raw } from 'hono/html';
import { useRequestContext } from 'hono/jsx-renderer';
import type { ActionCampaign, AppEnv } from '../../env';
import type { Official } from '../../officials/schema';
import type { FormState } from '../../web/form';
import { formatDate, formatNumber } from '../../lib/i18n';
import { ActionColumns, GoalBar, JumpButton } from '../../web/ui/action-page';
import type { Letter } from '../schema';
import { daysLeft, goalPercent, letterText, type SigningState } from '../status';
import { SignOrClosed } from './signature-form';
import { addresseeNames, letterBodyHtml, letterPath, signedCount } from './public';
import { SavedNotice } from '../../web/ui/saved-notice';
import { PartOfCampaigns } from '../../web/ui/part-of-campaigns';

/** Count, goal, bar and days left of a letter: its live status, in the HTML (nothing loads later). */
function Progress(props: { letter: Letter; count: number; now: number }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { letter } = props;
  const percent = goalPercent(props.count, letter.goal);
  const left = daysLeft(letter.deadline, props.now);
  return (
    <section class="action-status letter-progress" aria-label={t('letters.progressLabel')}>
      <p>
        <strong class="status-count">{signedCount(t, lang, props.count)}</strong>
        {letter.goal ? ` ${t('letters.goal', { goal: formatNumber(lang, letter.goal) })}` : null}
      </p>
      <GoalBar percent={percent} label={t('letters.goalProgress', { percent: percent ?? 0 })} />
      {letter.deadline ? (
        <p>
          {left !== null ? <strong>{t('letters.daysLeft', { count: left })}</strong> : null}{' '}
          <small>{t('letters.deadline', { date: formatDate(lang, `${letter.deadline}T12:00:00Z`) })}</small>
        </p>
      ) : null}
      <p>
        <a href={letterPath(letter, '/signers')}>{t('letters.seeSigners')}</a>
      </p>
    </section>
  );
}

/**
 * The public page of a letter. First: the title, to whom, the count toward the goal, the days
 * left and the button that moves to the form. Then the letter's text beside the form (which stays
 * in view on wide screens); on phones the text comes before the form.
 */
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
  const to = addresseeNames(t, props.letter, props.officials);
  return (
    <article class="letter action-page">
      {props.preview ? <SavedNotice>{t('letters.previewNotice')}</SavedNotice> : null}
      <DemoLabel of={props.letter} />
      <header class="action-head">
        <h1>{text.title}</h1>
        {to.length ? <p class="action-to">{t('letters.to', { names: to.join('; ') })}</p> : null}
        <Progress letter={props.letter} count={props.count} now={Date.now()} />
        {props.state === 'open' ? <JumpButton href="#sign" label={t('letters.form.submit')} /> : null}
      </header>
      <PartOfCampaigns campaigns={props.campaigns} />
      <ActionColumns
        lead={
          <section class="letter-body" aria-label={t('letters.bodyLabel')}>
            {raw(letterBodyHtml(text.body))}
          </section>
        }
        form={
          <section aria-labelledby="sign-heading" id="sign" tabindex={-1}>
            <h2 id="sign-heading">{t('letters.signHeading')}</h2>
            <SignOrClosed {...props} action={letterPath(props.letter, '/sign')} />
          </section>
        }
      />
    </article>
  );
}
