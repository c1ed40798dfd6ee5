import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MEETING_TEMPLATE_KINDS } from '../../src/meetings/schema';
import { mergeDataFor } from '../../src/meetings/merge-data';
import type { Official } from '../../src/officials/schema';
import {
  defaultMeetingTemplate,
  purposeLine,
  renderMeetingTemplate,
  sampleMergeData,
  validateMeetingTemplate,
} from '../../src/meetings/templates';
import { organizerCookie, postForm, request } from '../helpers';

describe('default meeting templates', () => {
  for (const kind of MEETING_TEMPLATE_KINDS) {
    for (const lang of ['en', 'es'] as const) {
      it(`${kind}.${lang} is valid and renders every sample value it uses`, () => {
        const template = defaultMeetingTemplate(kind, lang);
        expect(validateMeetingTemplate(template)).toBeNull();
        const { subject, text } = renderMeetingTemplate(template, sampleMergeData(lang, 'Welcome Table'));
        expect(subject).not.toMatch(/[\r\n]/);
        expect(subject).not.toContain('{{');
        expect(text).not.toContain('{{');
        expect(text).toContain('Ana Morales');
      });
    }
  }

  it('restates commitments in the thank-you and lists attendees with contacts', () => {
    const data = sampleMergeData('en', 'Welcome Table');
    expect(renderMeetingTemplate(defaultMeetingTemplate('thanks', 'en'), data).text).toContain(
      '- Read the bill and answer within two weeks (HB 1105)',
    );
    expect(renderMeetingTemplate(defaultMeetingTemplate('attendees', 'en'), data).text).toContain(
      '- Pastor Luis Vega (luis@example.org)',
    );
  });

  it('does not HTML-escape values in the text it produces (the HTML part escapes later)', () => {
    const data = { ...sampleMergeData('en', 'Welcome Table'), group: 'Saints & Sinners <Church>' };
    expect(renderMeetingTemplate(defaultMeetingTemplate('request', 'en'), data).subject).toContain(
      'Saints & Sinners <Church>',
    );
  });
});

describe('validateMeetingTemplate', () => {
  it('refuses an unknown merge field, with its line', () => {
    expect(
      validateMeetingTemplate({ subject: 'Hello', body: 'Dear {{officialName}},\n\nFrom {{sendr}}' }),
    ).toEqual({
      part: 'body',
      line: 3,
      code: 'unknown_field',
      name: 'sendr',
      reason: 'unknown merge field "sendr"',
    });
  });

  it('refuses a template that does not parse, with its line', () => {
    const problem = validateMeetingTemplate({
      subject: 'Hi',
      body: 'One\nTwo {{#attendees}}\n{{name}}\nfour',
    });
    expect(problem).toMatchObject({ part: 'body', line: 2 });
    expect(problem!.reason).toContain('never closed');
  });

  it('refuses unknown fields in the subject, multi-line subjects and partials', () => {
    expect(validateMeetingTemplate({ subject: 'Hi {{nope}}', body: 'x' })).toMatchObject({
      part: 'subject',
      line: 1,
    });
    expect(validateMeetingTemplate({ subject: 'Hi\nBcc: x', body: 'x' })).toMatchObject({ part: 'subject' });
    expect(validateMeetingTemplate({ subject: 'Hi', body: '{{> footer}}' })!.reason).toContain('partials');
  });

  it('refuses names every object inherits (constructor, __proto__, toString) as unknown fields', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      for (const body of [`{{#${name}}}x{{/${name}}}`, `{{${name}}}`, `{{^${name}}}x{{/${name}}}`]) {
        expect(validateMeetingTemplate({ subject: 'Hi', body })).toMatchObject({
          part: 'body',
          code: 'unknown_field',
          name,
        });
      }
    }
    expect(
      validateMeetingTemplate({ subject: 'Hi', body: '{{#attendees}}{{constructor}}{{/attendees}}' }),
    ).toMatchObject({ code: 'unknown_field', name: 'constructor' });
  });

  it('accepts item fields inside their list only', () => {
    expect(
      validateMeetingTemplate({ subject: 'Hi', body: '{{#attendees}}{{name}} {{contact}}{{/attendees}}' }),
    ).toBeNull();
    expect(validateMeetingTemplate({ subject: 'Hi', body: '{{name}}' })).toMatchObject({
      reason: 'unknown merge field "name"',
    });
    expect(
      validateMeetingTemplate({ subject: 'Hi', body: '{{#attendees}}{{text}}{{/attendees}}' }),
    ).not.toBeNull();
  });
});

describe('/admin/meetings/templates', () => {
  const path = '/admin/meetings/templates/request/en';

  it('shows the editor with merge fields and a preview on sample data', async () => {
    const cookie = await organizerCookie();
    const html = await (await request(path, { cookie })).text();
    expect(html).toContain('{{officialGreeting}}');
    expect(html).toContain('Preview on sample data');
    expect(html).toContain('Dear Representative Powell,');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });

  it('previews an edited template without saving it', async () => {
    const cookie = await organizerCookie();
    const response = await postForm(
      path,
      {
        subject: 'Visit from {{group}}',
        body: 'Hello {{officialGreeting}}, from {{senderName}}.',
        intent: 'preview',
      },
      { cookie },
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Hello Representative Powell, from Rev. Ana Morales.');
    const row = await env.DB.prepare('select count(*) as n from meeting_templates').first<{ n: number }>();
    expect(row!.n).toBe(0);
  });

  it('saves a good template, then refuses a bad one with line and reason while the saved one keeps working', async () => {
    const cookie = await organizerCookie();
    const saved = await postForm(
      path,
      {
        subject: 'Visit from {{group}}',
        body: 'Hello {{officialGreeting}},\n\n{{purpose}}\n\n{{senderName}}',
        intent: 'save',
      },
      { cookie },
    );
    expect(saved.status).toBe(303);

    const refused = await postForm(
      path,
      { subject: 'Visit', body: 'Hello\n{{#attendees}}\n{{whoever}}\n{{/attendees}}', intent: 'save' },
      { cookie },
    );
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('Message, line 3: unknown merge field &quot;whoever&quot;.');
    expect(html).toContain('{{whoever}}');

    const stored = await env.DB.prepare(
      "select subject, body from meeting_templates where kind = 'request' and lang = 'en'",
    ).first<{ subject: string; body: string }>();
    expect(stored!.subject).toBe('Visit from {{group}}');

    // The public preview step uses the saved version.
    await env.DB.prepare(
      "insert or ignore into officials (id, name, family_name, state, chamber, title, email, source, created_at, updated_at, offices, links, in_office, lang) values ('manual-tpl', 'Pat Lee', 'Lee', 'ga', 'judge', 'Judge', 'judge@court.example', 'manual', 0, 0, '[]', '[]', 1, 'en')",
    ).run();
    const preview = await postForm(
      '/meetings/new',
      {
        official: 'manual-tpl',
        senderName: 'Ana Morales',
        senderEmail: 'ana@example.org',
        groupName: 'St. Paul',
        city: 'Hartwell',
        purpose: 'Courthouse arrests; we ask you to stop them.',
        proposedDates: 'Any Monday',
      },
      { headers: { 'cf-connecting-ip': '198.51.100.7' } },
    );
    const previewHtml = await preview.text();
    expect(previewHtml).toContain('Visit from St. Paul');
    expect(previewHtml).toContain('Hello Judge Lee,');
  });

  it('refuses a template using {{#constructor}} with 422 and a clear reason, never a 500', async () => {
    const cookie = await organizerCookie();
    for (const intent of ['preview', 'save']) {
      const refused = await postForm(
        path,
        { subject: 'Visit', body: 'Hello\n{{#constructor}}x{{/constructor}}', intent },
        { cookie },
      );
      expect(refused.status).toBe(422);
      expect(await refused.text()).toContain('Message, line 2: unknown merge field &quot;constructor&quot;.');
    }
  });

  it('explains a refusal in the organizer’s language', async () => {
    const cookie = await organizerCookie();
    const refused = await postForm(
      path,
      { subject: 'Hola', body: 'Hola\n\n{{nombre}}', intent: 'save' },
      { cookie, lang: 'es' },
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain(
      'Mensaje, línea 3: campo de combinación desconocido &quot;nombre&quot;.',
    );
  });

  it('goes back to the default on reset', async () => {
    const cookie = await organizerCookie();
    expect((await postForm(`${path}/reset`, {}, { cookie })).status).toBe(303);
    const html = await (await request(path, { cookie })).text();
    expect(html).toContain('The default version is in use.');
  });

  it('is for organizers only', async () => {
    const response = await request(path);
    expect(response.status).not.toBe(200);
  });
});

describe('the purpose in the emails', () => {
  const official = {
    id: 'ocd-person/x',
    name: 'Elena Parent',
    givenName: 'Elena',
    familyName: 'Parent',
    title: 'Senator',
    district: '42',
  } as Official;
  const typed = {
    senderName: 'Ana Morales',
    senderEmail: 'ana@example.org',
    senderPhone: null,
    groupName: 'St. Paul Methodist Church',
    city: 'Hartwell',
    purpose: '  Ask Senator Parent to co-sponsor the\n  driver’s license bill.. ',
    proposedDates: null,
    attendees: [],
    story: null,
    heldOn: '2027-01-12',
  };

  it('stands on its own line, as typed but without its final periods, in every email that uses it', () => {
    for (const lang of ['en', 'es'] as const) {
      const data = mergeDataFor(official, typed, lang, 'Welcome Table');
      for (const kind of ['thanks', 'attendees', 'report', 'request'] as const) {
        const { text } = renderMeetingTemplate(defaultMeetingTemplate(kind, lang), data);
        expect(text, `${kind}.${lang}`).toContain(
          '\n\nAsk Senator Parent to co-sponsor the driver’s license bill\n\n',
        );
        expect(text, `${kind}.${lang}`).not.toMatch(/bill\./);
      }
    }
  });

  it('keeps a question or an exclamation, and drops trailing commas, colons and spaces', () => {
    expect(purposeLine('Will you co-sponsor HB 1105?')).toBe('Will you co-sponsor HB 1105?');
    expect(purposeLine('Driver’s licenses; the ask:  \n')).toBe('Driver’s licenses; the ask');
    expect(purposeLine('Licencias,,')).toBe('Licencias');
  });
});

describe('template errors an organizer can act on', () => {
  it('refuses unescaped fields, {{{…}}} and {{& …}}, with their line', () => {
    expect(validateMeetingTemplate({ subject: 'Hi', body: 'Hello\n{{{group}}}' })).toMatchObject({
      part: 'body',
      line: 2,
      code: 'unescaped',
      name: 'group',
    });
    expect(validateMeetingTemplate({ subject: 'Hi {{& group}}', body: 'x' })).toMatchObject({
      part: 'subject',
      code: 'unescaped',
      name: 'group',
    });
    expect(
      validateMeetingTemplate({ subject: 'Hi', body: '{{#attendees}}\n{{{name}}}\n{{/attendees}}' }),
    ).toMatchObject({ line: 2, code: 'unescaped' });
  });

  it('names a stray {{/section}}, an unclosed tag and a bad delimiter change by line, in words of our own', () => {
    expect(validateMeetingTemplate({ subject: 'Hi', body: 'One\n\nThree {{/attendees}}' })).toMatchObject({
      line: 3,
      code: 'unopened_section',
      name: 'attendees',
    });
    expect(validateMeetingTemplate({ subject: 'Hi', body: 'One\nTwo {{group' })).toMatchObject({
      line: 2,
      code: 'unclosed_tag',
    });
    expect(validateMeetingTemplate({ subject: 'Hi', body: 'One\n{{=<% =}}' })).toMatchObject({
      line: 2,
      code: 'delimiters',
    });
  });

  it('never shows the parser’s raw message, in English or Spanish', async () => {
    const cookie = await organizerCookie();
    const path = '/admin/meetings/templates/thanks/en';
    const body = 'Dear {{officialGreeting}},\n\nThank you.\n{{/commitments}}';
    const en = await (await postForm(path, { subject: 'Thanks', body, intent: 'save' }, { cookie })).text();
    expect(en).toContain(
      'Message, line 4: {{/commitments}} closes a section “commitments” that was never opened',
    );
    expect(en).not.toContain('Unopened section');
    const es = await (
      await postForm(path, { subject: 'Gracias', body, intent: 'save' }, { cookie, lang: 'es' })
    ).text();
    expect(es).toContain(
      'Mensaje, línea 4: {{/commitments}} cierra una sección “commitments” que nunca se abrió',
    );
    expect(es).not.toContain('Unopened section');

    const triple = await postForm(
      path,
      { subject: 'Thanks', body: 'Hello\n{{{senderName}}}', intent: 'save' },
      { cookie, lang: 'es' },
    );
    expect(triple.status).toBe(422);
    expect(await triple.text()).toContain('Mensaje, línea 2: “senderName” está escrito con tres llaves');
    const stored = await env.DB.prepare(
      "select count(*) as n from meeting_templates where kind = 'thanks'",
    ).first<{
      n: number;
    }>();
    expect(stored!.n).toBe(0);
  });
});

describe('POST /admin/meetings/templates/:kind/:lang/preview', () => {
  const path = '/admin/meetings/templates/request/es/preview';

  it('answers the rendered preview as JSON, or the problem in the organizer’s language', async () => {
    const cookie = await organizerCookie();
    const good = await postForm(
      path,
      { subject: 'Visita de {{group}}', body: 'Hola {{officialGreeting}}' },
      { cookie },
    );
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({
      ok: true,
      subject: 'Visita de Iglesia Metodista San Pablo',
      text: 'Hola Representante Powell',
    });
    const bad = await postForm(path, { subject: 'Hola', body: 'Hola\n{{{group}}}' }, { cookie, lang: 'es' });
    expect(await bad.json()).toMatchObject({
      ok: false,
      problem: expect.stringContaining('Mensaje, línea 2:'),
    });
    const stored = await env.DB.prepare(
      "select count(*) as n from meeting_templates where lang = 'es'",
    ).first<{
      n: number;
    }>();
    expect(stored!.n).toBe(0);
  });

  it('is for organizers only', async () => {
    const response = await postForm(path, { subject: 'x', body: 'y' });
    expect(response.status).not.toBe(200);
  });
});
