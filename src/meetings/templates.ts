// The four emails of the meeting loop (request, attendee list, thank-you, report-back): defaults in
// templates/meetings-<kind>.<lang>.mustache, organizers' own copies in meeting_templates. Each is a
// subject and a text body; the sender edits the rendered text before it goes (personal email).
import Mustache from 'mustache';
import type { Db } from '../db';
import { parseTemplateFile } from '../email/render';
import { templateFiles } from '../email/templates.generated';
import type { Lang, MessageKey } from '../lib/i18n';
import type { MeetingAttendee, MeetingTemplateKind } from './schema';
import { findSavedMeetingTemplate } from './queries';

/** The values a meeting template can use. Lists hold items with their own fields. */
export interface MeetingMergeData {
  orgName: string;
  officialName: string;
  officialTitle: string;
  /** How the official is addressed: "Senator Powell". */
  officialGreeting: string;
  officialDistrict: string;
  senderName: string;
  senderEmail: string;
  senderPhone: string;
  group: string;
  city: string;
  purpose: string;
  proposedDates: string;
  story: string;
  hasStory: boolean;
  attendees: MeetingAttendee[];
  hasAttendees: boolean;
  meetingDate: string;
  meetingPlace: string;
  commitments: { text: string; bill: string }[];
  hasCommitments: boolean;
  stance: string;
  nextSteps: string;
  debriefNotes: string;
}

/**
 * The purpose as people type it, made to stand on its own line of an email: spaces and line breaks
 * squeezed, and the final period, comma, colon or semicolon dropped (a template may add its own
 * punctuation after it; "bill.." came from a period typed and one in the template).
 */
export function purposeLine(purpose: string): string {
  return purpose
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:]+$/, '');
}

/** Every merge field, with the message key of what it holds (shown to organizers beside the editor). */
export const MERGE_FIELDS: Record<keyof MeetingMergeData, MessageKey> = {
  orgName: 'meetings.mergeField.orgName',
  officialName: 'meetings.mergeField.officialName',
  officialTitle: 'meetings.mergeField.officialTitle',
  officialGreeting: 'meetings.mergeField.officialGreeting',
  officialDistrict: 'meetings.mergeField.officialDistrict',
  senderName: 'meetings.mergeField.senderName',
  senderEmail: 'meetings.mergeField.senderEmail',
  senderPhone: 'meetings.mergeField.senderPhone',
  group: 'meetings.mergeField.group',
  city: 'meetings.mergeField.city',
  purpose: 'meetings.mergeField.purpose',
  proposedDates: 'meetings.mergeField.proposedDates',
  story: 'meetings.mergeField.story',
  hasStory: 'meetings.mergeField.hasStory',
  attendees: 'meetings.mergeField.attendees',
  hasAttendees: 'meetings.mergeField.hasAttendees',
  meetingDate: 'meetings.mergeField.meetingDate',
  meetingPlace: 'meetings.mergeField.meetingPlace',
  commitments: 'meetings.mergeField.commitments',
  hasCommitments: 'meetings.mergeField.hasCommitments',
  stance: 'meetings.mergeField.stance',
  nextSteps: 'meetings.mergeField.nextSteps',
  debriefNotes: 'meetings.mergeField.debriefNotes',
};

/** Fields available inside a list section, besides every top-level field. */
const ITEM_FIELDS: Partial<Record<keyof MeetingMergeData, readonly string[]>> = {
  attendees: ['name', 'contact'],
  commitments: ['text', 'bill'],
};

/** A template's two parts. */
export interface MeetingTemplate {
  subject: string;
  body: string;
}

/** Every reason a template is refused; each has a `meetings.templates.reason.<code>` message. */
export const TEMPLATE_PROBLEM_CODES = [
  'unknown_field',
  'unescaped',
  'unclosed_section',
  'unopened_section',
  'unclosed_tag',
  'delimiters',
  'partial',
  'syntax',
  'subject_lines',
  'empty',
] as const;
export type TemplateProblemCode = (typeof TEMPLATE_PROBLEM_CODES)[number];

/** Why a template was refused: which part, which line, and the reason in plain words. */
export interface TemplateProblem {
  part: 'subject' | 'body';
  line: number;
  /** What is wrong, for the organizer's page in their language (meetings.templates.reason.<code>). */
  code: TemplateProblemCode;
  /** The field or section name, when the problem has one. */
  name?: string;
  /** The same in English, for logs and tests. */
  reason: string;
}

function lineAt(source: string, offset: number): number {
  return source.slice(0, Math.max(0, offset)).split('\n').length;
}

type Token = [string, string, number, number, Token[]?, ...unknown[]];

function checkTokens(
  tokens: Token[],
  source: string,
  part: TemplateProblem['part'],
  scope: readonly string[],
): TemplateProblem | null {
  for (const token of tokens) {
    const [type, name, start] = token;
    if (type === 'text' || type === '!' || type === '=') continue;
    const problemHere = (code: TemplateProblemCode, reason: string): TemplateProblem => ({
      part,
      line: lineAt(source, start),
      code,
      name,
      reason,
    });
    if (type === '>') return problemHere('partial', `partials ({{> ${name}}}) are not available`);
    if (type === '&')
      // {{{x}}} and {{& x}} skip HTML escaping: organizer text must never become markup in an email.
      return problemHere('unescaped', `unescaped field "${name}": use {{${name}}} with two braces`);
    // Own properties only: `in` would also accept what every object inherits (constructor,
    // __proto__, toString), which mustache would then try to render.
    if (name !== '.' && !scope.includes(name) && !Object.hasOwn(MERGE_FIELDS, name)) {
      return problemHere('unknown_field', `unknown merge field "${name}"`);
    }
    if ((type === '#' || type === '^') && token[4]) {
      const items = Object.hasOwn(ITEM_FIELDS, name)
        ? ITEM_FIELDS[name as keyof MeetingMergeData]
        : undefined;
      const inner = [...scope, ...(items ?? [])];
      const problem = checkTokens(token[4], source, part, inner);
      if (problem) return problem;
    }
  }
  return null;
}

function checkPart(source: string, part: TemplateProblem['part']): TemplateProblem | null {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(source) as unknown as Token[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unclosed = /^Unclosed section "(.+)"/.exec(message)?.[1];
    if (unclosed) {
      // Mustache reports the end of the template; the useful place is where the section opened.
      const opened = [...source.matchAll(/\{\{\s*[#^]\s*([^}\s]+)\s*\}\}/g)]
        .filter((m) => m[1] === unclosed)
        .pop();
      return {
        part,
        line: lineAt(source, opened?.index ?? source.length),
        code: 'unclosed_section',
        name: unclosed,
        reason: `section "${unclosed}" is opened but never closed with {{/${unclosed}}}`,
      };
    }
    // Mustache's own words stay in the log-side `reason`; organizers get a sentence of ours.
    const at = /at (\d+)\s*$/.exec(message);
    const line = at ? lineAt(source, Number(at[1])) : 1;
    const unopened = /^Unopened section "(.+)"/.exec(message)?.[1];
    if (unopened)
      return {
        part,
        line,
        code: 'unopened_section',
        name: unopened,
        reason: `{{/${unopened}}} closes a section that was never opened`,
      };
    if (/^Unclosed tag/.test(message))
      return { part, line, code: 'unclosed_tag', reason: 'a tag opened with {{ is never closed with }}' };
    if (/^Invalid tags/.test(message))
      // This message carries no position: the delimiter change is where the tags went wrong.
      return {
        part,
        line: lineAt(source, source.indexOf('{{=')),
        code: 'delimiters',
        reason: 'the delimiter change {{= =}} is not valid',
      };
    return { part, line, code: 'syntax', reason: message.replace(/\s*at \d+\s*$/, '').toLowerCase() };
  }
  return checkTokens(tokens, source, part, []);
}

/** Checks a template before it is saved: it must parse and use only known merge fields. */
export function validateMeetingTemplate(template: MeetingTemplate): TemplateProblem | null {
  if (/[\r\n]/.test(template.subject))
    return { part: 'subject', line: 1, code: 'subject_lines', reason: 'the subject must be one line' };
  if (!template.subject.trim())
    return { part: 'subject', line: 1, code: 'empty', reason: 'the subject is empty' };
  if (!template.body.trim()) return { part: 'body', line: 1, code: 'empty', reason: 'the body is empty' };
  return checkPart(template.subject, 'subject') ?? checkPart(template.body.replace(/\r\n?/g, '\n'), 'body');
}

/** The default template shipped in templates/. */
export function defaultMeetingTemplate(kind: MeetingTemplateKind, lang: Lang): MeetingTemplate {
  const source = templateFiles[`meetings-${kind}.${lang}`];
  if (!source) throw new Error(`Missing default template meetings-${kind}.${lang}`);
  const parts = parseTemplateFile(source);
  return { subject: parts.subject, body: parts.text };
}

/** The template in use: the organizers' saved copy, or the default. */
export async function loadMeetingTemplate(
  db: Db,
  kind: MeetingTemplateKind,
  lang: Lang,
): Promise<MeetingTemplate & { custom: boolean }> {
  const row = await findSavedMeetingTemplate(db, kind, lang);
  if (row && !validateMeetingTemplate(row)) return { ...row, custom: true };
  return { ...defaultMeetingTemplate(kind, lang), custom: false };
}

// Text emails: values go in as they are (no HTML escaping); the HTML part is built and escaped later.
const textConfig = { escape: (value: unknown) => String(value) };

/** Renders a template into the subject and text the sender sees and may edit. */
export function renderMeetingTemplate(
  template: MeetingTemplate,
  data: MeetingMergeData,
): { subject: string; text: string } {
  const subject = Mustache.render(template.subject, data, {}, textConfig)
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .trim();
  const text = Mustache.render(template.body.replace(/\r\n?/g, '\n'), data, {}, textConfig)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { subject, text };
}

// The made-up values of the preview that are written in a language.
const SAMPLE_TEXT: Record<
  Lang,
  Pick<
    MeetingMergeData,
    | 'officialTitle'
    | 'officialGreeting'
    | 'group'
    | 'purpose'
    | 'proposedDates'
    | 'story'
    | 'meetingDate'
    | 'meetingPlace'
    | 'stance'
    | 'nextSteps'
    | 'debriefNotes'
  > & { commitment: string }
> = {
  en: {
    officialTitle: 'Representative',
    officialGreeting: 'Representative Powell',
    group: 'St. Paul Methodist Church',
    purpose: 'Ask you to co-sponsor HB 1105 (driver’s licenses for all residents).',
    proposedDates: 'Tuesday Jan 12 or Thursday Jan 14, mornings',
    story: 'A family in our congregation cannot drive their children to school without fear.',
    meetingDate: 'January 12, 2027, 10:00 AM',
    meetingPlace: 'Room 613-B, Coverdell Building',
    commitment: 'Read the bill and answer within two weeks',
    stance: 'Undecided',
    nextSteps: 'Call the office on January 26',
    debriefNotes: 'Listened carefully; asked about costs.',
  },
  es: {
    officialTitle: 'Representante',
    officialGreeting: 'Representante Powell',
    group: 'Iglesia Metodista San Pablo',
    purpose: 'Pedirle que copatrocine el HB 1105 (licencias de conducir para todos los residentes).',
    proposedDates: 'martes 12 o jueves 14 de enero, por la mañana',
    story: 'Una familia de nuestra congregación no puede llevar a sus hijos a la escuela sin miedo.',
    meetingDate: '12 de enero de 2027, 10:00',
    meetingPlace: 'Oficina 613-B, edificio Coverdell',
    commitment: 'Leer el proyecto y responder en dos semanas',
    stance: 'Indeciso(a)',
    nextSteps: 'Llamar a su oficina el 26 de enero',
    debriefNotes: 'Escuchó con atención; preguntó por los costos.',
  },
};

/** Made-up values for the organizers' live preview. */
export function sampleMergeData(lang: Lang, orgName: string): MeetingMergeData {
  const { commitment, ...text } = SAMPLE_TEXT[lang];
  return {
    ...text,
    orgName,
    officialName: 'Alan Powell',
    officialDistrict: '33',
    senderName: 'Rev. Ana Morales',
    senderEmail: 'ana@example.org',
    senderPhone: '404-555-0100',
    city: 'Hartwell',
    purpose: purposeLine(text.purpose),
    hasStory: true,
    attendees: [
      { name: 'Pastor Luis Vega', contact: 'luis@example.org' },
      { name: 'Sister Mary Kate', contact: '404-555-0101' },
    ],
    hasAttendees: true,
    commitments: [{ text: commitment, bill: 'HB 1105' }],
    hasCommitments: true,
  };
}
