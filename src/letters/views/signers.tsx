import type { Child } from 'hono/jsx';
import { DemoLabel } from '../../web/ui/demo-label';
import { useRequestContext } from 'hono/jsx-renderer';
import { DataTable } from '../../web/ui/admin-list';
import type { AppEnv } from '../../env';
import { formatNumber } from '../../lib/i18n';
import { traditionLabel } from '../choices';
import type { LetterCounts, PublicSigner } from '../queries';
import type { Letter } from '../schema';
import { letterText } from '../status';
import { signedBySentence } from '../tally';
import { BarChart, describeBars } from './chart';
import { letterPath, Pagination, SignerLine } from './public';
import { Section } from '../../web/ui/section';

/** The public list of signers, grouped by tradition, with counts and the breadth chart. */
export function SignersPage(props: {
  letter: Letter;
  counts: LetterCounts;
  signers: PublicSigner[];
  shownTotal: number;
  page: number;
  pages: number;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const text = letterText(props.letter, lang);
  const bars = props.counts.byTradition.map((row) => ({
    label: traditionLabel(t, row.tradition),
    value: row.count,
  }));
  const groups: { tradition: string; signers: PublicSigner[] }[] = [];
  for (const signer of props.signers) {
    const last = groups[groups.length - 1];
    if (last && last.tradition === signer.tradition) last.signers.push(signer);
    else groups.push({ tradition: signer.tradition, signers: [signer] });
  }
  return (
    <>
      <DemoLabel of={props.letter} />
      <hgroup>
        <h1>{t('letters.signersTitle')}</h1>
        <p>
          <a href={letterPath(props.letter)}>{text.title}</a>
        </p>
      </hgroup>
      <p>
        <strong>{signedBySentence(t, lang, { signed: props.counts.total, named: props.shownTotal })}</strong>
      </p>
      {props.counts.total > 0 ? (
        <Section id="breadth-heading" title={t('letters.breadthHeading')}>
          <BarChart
            id="tradition-chart"
            title={t('letters.chartTitle')}
            description={describeBars(bars)}
            bars={bars}
          />
          <div class="grid">
            <CountTable
              caption={t('letters.byTraditionCaption')}
              heading={t('letters.field.tradition')}
              rows={props.counts.byTradition.map((row) => [traditionLabel(t, row.tradition), row.count])}
            />
            <CountTable
              caption={t('letters.byStateCaption')}
              heading={t('letters.field.state')}
              rows={props.counts.byState.map((row) => [row.state, row.count])}
            />
          </div>
        </Section>
      ) : (
        <p>{t('letters.noSignersYet')}</p>
      )}
      {groups.map((group) => (
        <section class="signer-group">
          <h2>{traditionLabel(t, group.tradition)}</h2>
          <ul class="signer-list">
            {group.signers.map((signer) => (
              <SignerLine signer={signer} />
            ))}
          </ul>
        </section>
      ))}
      <Pagination page={props.page} pages={props.pages} base={letterPath(props.letter, '/signers')} />
    </>
  );
}

/** A two-column table of counts, the accessible twin of the chart. */
function CountTable(props: { caption: string; heading: string; rows: [string, number][] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <DataTable
      caption={props.caption}
      items={props.rows}
      columns={[
        { label: props.heading, rowHeader: true, cell: ([label]) => label },
        { label: t('letters.signaturesColumn'), cell: ([, count]) => formatNumber(lang, count) },
      ]}
    />
  );
}
