import { describe, expect, it } from 'vitest';
import { csvHeaders, csvStream, toCsv, type CsvColumn } from '../../src/lib/csv';
import { markdownExcerpt, renderMarkdown } from '../../src/lib/markdown';

interface Row {
  name: string;
  note: string | null;
  count: number;
}
const columns: CsvColumn<Row>[] = [
  { header: 'name', value: (row) => row.name },
  { header: 'note', value: (row) => row.note },
  { header: 'count', value: (row) => row.count },
];

describe('toCsv (RFC 4180)', () => {
  it('ends lines with CRLF, quotes commas, quotes and line breaks, doubling quotes', () => {
    const csv = toCsv(columns, [
      { name: 'Reyes, Ana', note: 'She said "yes"', count: 1 },
      { name: 'Two\nlines', note: null, count: 2 },
    ]);
    expect(csv).toBe('name,note,count\r\n"Reyes, Ana","She said ""yes""",1\r\n"Two\nlines",,2\r\n');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('neutralizes a cell starting with a formula character: %j', (value, cell) => {
    expect(toCsv(columns, [{ name: value, note: null, count: 0 }], { header: false })).toBe(`${cell},,0\r\n`);
  });
});

describe('csvStream', () => {
  it('streams a BOM, the header and every page, reading pages one at a time', async () => {
    const pagesRead: (number | null)[] = [];
    const stream = csvStream<Row, number>(columns, async (cursor) => {
      pagesRead.push(cursor);
      const start = cursor ?? 0;
      const rows =
        start >= 4 ? [] : [0, 1].map((i) => ({ name: `n${start + i}`, note: null, count: start + i }));
      return { rows, next: rows.length ? start + 2 : null };
    });
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')).toEqual(['name,note,count', 'n0,,0', 'n1,,1', 'n2,,2', 'n3,,3', '']);
    expect(pagesRead).toEqual([null, 2, 4]);
  });

  it('gives download headers with a safe file name', () => {
    const headers = csvHeaders('signers-"x"\r\n.csv');
    expect(headers['content-type']).toContain('text/csv');
    expect(headers['content-disposition']).toBe('attachment; filename="signers-_x___.csv"');
  });
});

describe('renderMarkdown', () => {
  it('renders markdown and escapes raw HTML', () => {
    const html = renderMarkdown('**Dear Sheriff**\n\n<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(html).toContain('<strong>Dear Sheriff</strong>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('refuses javascript: and data: links and marks outside links noopener', () => {
    const html = renderMarkdown(
      '[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html,x) [d](https://ok.example)',
    );
    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html).toContain('<a href="https://ok.example" rel="noopener noreferrer">d</a>');
  });

  it('refuses a scheme spelled with character references or hidden in an autolink or image', () => {
    const html = renderMarkdown(
      '[a](java&#115;cript:alert(1)) [b](&#106;avascript:x) <javascript:alert(1)> ![c](javascript:x) ![d](data:image/png;base64,AA)',
    );
    expect(html).not.toMatch(/(href|src)="(javascript|&#)/i);
    expect(html).toContain('<img src="data:image/png;base64,AA" alt="d">');
  });

  it('makes a plain-text excerpt of the first paragraph', () => {
    expect(markdownExcerpt('# Title\n\nDear **Sheriff** <b>x</b>, we ask.', 20)).toBe('Title');
    expect(markdownExcerpt('Dear **Sheriff** <b>x</b>, we ask you to decline.', 22)).toBe(
      'Dear Sheriff <b>x</b>…',
    );
  });
});
