import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { AdminListPage } from '../../web/ui/admin-list';
import { MEETING_TEMPLATE_KINDS } from '../schema';

/** The list of templates organizers can edit. */
export function TemplateList(props: { custom: Set<string> }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const templateLink = (kind: string, lang: 'en' | 'es') => (
    <a href={`/admin/meetings/templates/${kind}/${lang}`}>
      {t(props.custom.has(`${kind}.${lang}`) ? 'meetings.templates.custom' : 'meetings.templates.default')}
    </a>
  );
  return (
    <AdminListPage
      title={t('meetings.templates.title')}
      intro={t('meetings.templates.intro')}
      items={MEETING_TEMPLATE_KINDS}
      columns={[
        {
          label: t('meetings.templates.kind'),
          rowHeader: true,
          cell: (kind) => t(`meetings.templates.kind.${kind}`),
        },
        { label: t('common.english'), cell: (kind) => templateLink(kind, 'en') },
        { label: t('common.spanish'), cell: (kind) => templateLink(kind, 'es') },
      ]}
    />
  );
}
