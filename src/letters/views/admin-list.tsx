import type { Child } from 'hono/jsx';
import { DemoLabel } from '../../web/ui/demo-label';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { formatNumber } from '../../lib/i18n';
import { AdminListPage } from '../../web/ui/admin-list';
import type { Letter } from '../schema';
import { letterText } from '../status';
import type { LetterTally } from '../tally';
import { adminPath } from './admin';
import { statusLabel } from '../choices';

/** Every letter with its status and count. */
export function LettersAdminList(props: { letters: (Letter & { tally: LetterTally })[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <AdminListPage
      title={t('letters.admin.title')}
      action={{ href: '/admin/letters/new', label: t('letters.admin.new') }}
      items={props.letters}
      columns={[
        {
          label: t('letters.admin.titleColumn'),
          rowHeader: true,
          cell: (letter) => (
            <>
              <a href={adminPath(letter)}>{letterText(letter, lang).title}</a>
              <DemoLabel of={letter} inline />
            </>
          ),
        },
        { label: t('letters.field.status'), cell: (letter) => statusLabel(t, letter.status) },
        {
          label: t('letters.signaturesColumn'),
          cell: (letter) => (
            <a href={adminPath(letter, '/signers')}>{formatNumber(lang, letter.tally.signed)}</a>
          ),
        },
        { label: t('letters.field.deadline'), cell: (letter) => letter.deadline ?? '—' },
      ]}
    />
  );
}
