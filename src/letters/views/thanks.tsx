import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { OpenAction } from '../../web/open-actions';
import { OpenActionList } from '../../web/pages';
import type { Letter } from '../schema';
import { letterText } from '../status';
import { letterPath } from './public';
import { Section } from '../../web/ui/section';

/** After confirming: thanks, ways to share, and the coalition's other open actions. */
export function ThanksPage(props: { letter: Letter; letterUrl: string; others: OpenAction[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const title = letterText(props.letter, lang).title;
  const message = t('letters.shareMessage', { title, url: props.letterUrl });
  const mailto = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(message)}`;
  const sms = `sms:?&body=${encodeURIComponent(message)}`;
  return (
    <>
      <section>
        <h1>{t('letters.thanksTitle')}</h1>
        <p>{t('letters.thanksBody', { title })}</p>
        <p>
          <a href={letterPath(props.letter, '/signers')}>{t('letters.seeSigners')}</a>
        </p>
      </section>
      <Section id="share-heading" title={t('letters.shareHeading')}>
        <p>{t('letters.shareIntro')}</p>
        <p>
          <label for="share-link">{t('letters.shareLinkLabel')}</label>
          <input id="share-link" type="text" readonly value={props.letterUrl} />
        </p>
        <div class="share-buttons">
          <button
            type="button"
            class="secondary"
            data-copy={props.letterUrl}
            data-copied={t('letters.copied')}
            hidden
          >
            {t('letters.copyLink')}
          </button>{' '}
          <a role="button" class="secondary outline" href={mailto}>
            {t('letters.shareEmail')}
          </a>{' '}
          <a role="button" class="secondary outline" href={sms}>
            {t('letters.shareSms')}
          </a>
        </div>
      </Section>
      {props.others.length > 0 ? (
        <Section id="others-heading" title={t('letters.otherActions')}>
          <OpenActionList actions={props.others} />
        </Section>
      ) : null}
    </>
  );
}
