// What every organizer page of one letter shares: its address and the links between its pages.
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { LinkBar } from '../../web/nav';
import type { Letter } from '../schema';
import { letterPath } from './public';

/** The organizer address of a letter's pages. */
export function adminPath(letter: Pick<Letter, 'id'>, rest = ''): string {
  return `/admin/letters/${encodeURIComponent(letter.id)}${rest}`;
}

/** Links between the organizer pages of one letter. */
export function LetterAdminNav(props: { letter: Letter }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <LinkBar
      label={t('letters.admin.letterNav')}
      links={[
        { href: '/admin/letters', label: t('letters.admin.allLetters') },
        { href: adminPath(props.letter), label: t('common.edit') },
        { href: adminPath(props.letter, '/signers'), label: t('letters.admin.signers') },
        { href: adminPath(props.letter, '/deliver'), label: t('letters.admin.deliver') },
        { href: adminPath(props.letter, '/updates'), label: t('letters.admin.updates'), section: true },
        {
          href: letterPath(props.letter),
          label: props.letter.status === 'draft' ? t('letters.admin.preview') : t('letters.admin.viewPublic'),
        },
      ]}
    />
  );
}
