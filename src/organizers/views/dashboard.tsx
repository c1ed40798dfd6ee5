import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { sectionsFor } from '../../web/ui/admin-nav';
import { Section } from '../../web/ui/section';

/** The /admin dashboard: who is signed in and a card for each organizer section. */
export function Dashboard(): Child {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const organizer = c.var.organizer;
  return (
    <>
      <hgroup>
        <h1>{t('admin.title')}</h1>
        <p>
          {t('admin.signedInAs', {
            email: organizer?.name ? `${organizer.name} <${organizer.email}>` : (organizer?.email ?? ''),
          })}
        </p>
        <p>
          <a href="/admin/passkeys">{t('admin.passkeysLink')}</a>
        </p>
      </hgroup>
      <Section id="admin-sections-heading" title={t('admin.sectionsHeading')}>
        <ul class="card-grid">
          {sectionsFor(organizer).map((section) => (
            <li>
              <article>
                <h3>
                  <a href={section.path}>{t(section.title)}</a>
                </h3>
                <p>{t(section.hint)}</p>
              </article>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
