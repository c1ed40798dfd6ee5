import { Hono } from 'hono';
import type { AppEnv } from '../env';

/** The public privacy page. */
export const privacyRoutes = new Hono<AppEnv>();
privacyRoutes.get('/privacy', (c) => {
  const { t } = c.var;
  const sections = [
    ['privacy.whatTitle', 'privacy.whatBody'],
    ['privacy.neverTitle', 'privacy.neverBody'],
    ['privacy.publicTitle', 'privacy.publicBody'],
    ['privacy.howLongTitle', 'privacy.howLongBody'],
    ['privacy.geocoderTitle', 'privacy.geocoderBody'],
    ['privacy.whoTitle', 'privacy.whoBody'],
    ['privacy.choicesTitle', 'privacy.choicesBody'],
  ] as const;
  return c.render(
    <>
      <h1>{t('privacy.title')}</h1>
      <p>{t('privacy.intro', { org: c.env.ORG_NAME })}</p>
      {sections.map(([title, body]) => (
        <section>
          <h2>{t(title)}</h2>
          <p>{t(body)}</p>
        </section>
      ))}
    </>,
    { title: t('privacy.title') },
  );
});
