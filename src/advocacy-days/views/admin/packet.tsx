import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import { DataTable } from '../../../web/ui/admin-list';
import type { AppEnv } from '../../../env';
import { partyLabel, titleLabel } from '../../../officials/links';
import type { Official } from '../../../officials/schema';
import { formatDayTimes, formatInZone } from '../../calendar';
import { TEAM_ROLES, type AdvocacyDay, type Registration, type Team } from '../../schema';
import { teamDisplayName } from '../../teams';
import { type LocalizedText, langAttribute, pick } from '../../../lib/bilingual';
import { dayAdminPath } from './parts';

function paragraphs(text: string): Child[] {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => <p>{p}</p>);
}

function PacketText(props: { text: LocalizedText }): Child {
  const { lang } = useRequestContext<AppEnv>().var;
  if (!props.text.text.trim()) return <p>–</p>;
  return <div lang={langAttribute(props.text, lang)}>{paragraphs(props.text.text)}</div>;
}

/** The bar above printable packets: back to the teams, and a print button (shown by app.js). */
export function PacketToolbar(props: { day: AdvocacyDay }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <p class="no-print">
      <a href={`${dayAdminPath(props.day)}/teams`}>{t('days.admin.teams')}</a>{' '}
      <button type="button" data-print hidden>
        {t('common.print')}
      </button>
    </p>
  );
}

/** One team's printable packet (organizer-only: it carries phone numbers). */
export function Packet(props: {
  day: AdvocacyDay;
  team: Team;
  official: Official | null;
  members: Registration[];
  pageBreak?: boolean;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day, team, official } = props;
  const offices = official?.offices ?? [];
  return (
    <article class={props.pageBreak ? 'packet page-break' : 'packet'}>
      <h1>{teamDisplayName(lang, team)}</h1>
      <p>
        <strong>{pick(day, 'title', lang).text}</strong> · {formatDayTimes(lang, day)}
      </p>
      <p>
        {t('days.packet.meeting')}:{' '}
        {team.meetingAt ? formatInZone(lang, team.meetingAt, day.timeZone, 'time') : t('days.packet.tbd')}
        {' · '}
        {t('days.packet.place')}: {team.room ?? t('days.packet.tbd')}, {day.placeName}
      </p>
      <h2>{t('days.packet.legislator')}</h2>
      {official ? (
        <ul>
          <li>
            {titleLabel(t, official.title)} {official.name}
            {official.party ? ` (${partyLabel(t, official.party)})` : ''}
          </li>
          {official.email ? <li>{official.email}</li> : null}
          {offices.map((office) => (
            <li>
              {office.classification}: {[office.address, office.voice].filter(Boolean).join(' · ')}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('days.packet.notInDirectory')}</p>
      )}
      <h2>{t('days.packet.roster')}</h2>
      <DataTable
        items={props.members}
        columns={[
          { label: t('days.field.name'), cell: (member) => member.name },
          {
            label: t('days.admin.role'),
            cell: (member) => (member.teamRole ? t(`days.role.${member.teamRole}`) : t('days.role.member')),
          },
          { label: t('days.field.phone'), cell: (member) => member.phone ?? '–' },
          { label: t('days.field.congregation'), cell: (member) => member.congregation ?? '' },
        ]}
      />
      <h2>{t('days.packet.roles')}</h2>
      <ul>
        {TEAM_ROLES.map((role) => (
          <li>
            <strong>{t(`days.role.${role}`)}:</strong> {t(`days.roleHelp.${role}`)}
          </li>
        ))}
      </ul>
      {/* In the language the packet is printed in (switch the site to Spanish for a Spanish packet). */}
      <h2>{t('days.packet.talkingPoints')}</h2>
      <PacketText text={pick(day, 'talkingPoints', lang)} />
      <h2>{t('days.packet.leaveBehind')}</h2>
      <PacketText text={pick(day, 'leaveBehind', lang)} />
    </article>
  );
}
