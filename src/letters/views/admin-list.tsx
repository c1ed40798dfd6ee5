import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { formatNumber } from '../../lib/i18n';
import type { Letter } from '../schema';
import { letterText } from '../status';
import type { LetterTally } from '../tally';
import { adminPath } from './admin';
import { statusLabel } from '../choices';

/** Every letter with its status and count. */
export function LettersAdminList(props: { letters: (Letter & { tally: LetterTally })[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t('letters.admin.title')}</h1>
      <p>
        <a href="/admin/letters/new" role="button">
          {t('letters.admin.new')}
        </a>
      </p>
      <div class="table-wrap" tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('letters.admin.titleColumn')}</th>
              <th scope="col">{t('letters.field.status')}</th>
              <th scope="col">{t('letters.signaturesColumn')}</th>
              <th scope="col">{t('letters.field.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {props.letters.map((letter) => (
              <tr>
                <th scope="row">
                  <a href={adminPath(letter)}>{letterText(letter, lang).title}</a>
                  {letter.isDemo ? <span class="demo-label"> · {t('common.demo')}</span> : null}
                </th>
                <td>{statusLabel(t, letter.status)}</td>
                <td>
                  <a href={adminPath(letter, '/signers')}>{formatNumber(lang, letter.tally.signed)}</a>
                </td>
                <td>{letter.deadline ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
