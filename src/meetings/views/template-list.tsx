import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { MEETING_TEMPLATE_KINDS } from '../schema';

/** The list of templates organizers can edit. */
export function TemplateList(props: { custom: Set<string> }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t('meetings.templates.title')}</h1>
      <p>{t('meetings.templates.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('meetings.templates.kind')}</th>
            <th scope="col">{t('common.english')}</th>
            <th scope="col">{t('common.spanish')}</th>
          </tr>
        </thead>
        <tbody>
          {MEETING_TEMPLATE_KINDS.map((kind) => (
            <tr>
              <th scope="row">{t(`meetings.templates.kind.${kind}`)}</th>
              {(['en', 'es'] as const).map((lang) => (
                <td>
                  <a href={`/admin/meetings/templates/${kind}/${lang}`}>
                    {t(
                      props.custom.has(`${kind}.${lang}`)
                        ? 'meetings.templates.custom'
                        : 'meetings.templates.default',
                    )}
                  </a>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
