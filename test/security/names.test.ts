// Bidirectional overrides and zero-width characters in public names: removed from every text field
// (one transform in web/fields.ts), so a signer list cannot show a name reversed or disguised.
import type * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { registrationChangeSchema } from '../../src/advocacy-days/validation';
import { requestDetailsSchema } from '../../src/meetings/validation';
import { field, withoutHiddenFormatting } from '../../src/web/fields';
import { request } from '../helpers';
import { makeLetter, signAndConfirm, signatureFields } from '../letters/fixtures';
import { signatureSchema } from '../../src/letters/validation';

/** Every invisible character the transform removes, with a name. */
const HIDDEN = {
  'right-to-left override': '\u202E',
  'left-to-right override': '\u202D',
  'right-to-left embedding': '\u202B',
  'pop directional formatting': '\u202C',
  'right-to-left isolate': '\u2067',
  'first strong isolate': '\u2068',
  'pop directional isolate': '\u2069',
  'right-to-left mark': '\u200F',
  'left-to-right mark': '\u200E',
  'arabic letter mark': '\u061C',
  'zero-width space': '\u200B',
  'word joiner': '\u2060',
  'byte order mark': '\uFEFF',
  'soft hyphen': '\u00AD',
  'hangul filler': '\u3164',
};
const ANY_HIDDEN = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF]/;

describe('withoutHiddenFormatting', () => {
  it('removes each bidirectional control and zero-width character', () => {
    for (const [name, char] of Object.entries(HIDDEN)) {
      expect(withoutHiddenFormatting(`Ana${char} Reyes${char}`), name).toBe('Ana Reyes');
    }
  });

  it('turns a disguised name back into what it really says', () => {
    // Shown as "Ana Reyes exe.txt" reversed: the override flips the rest of the line.
    expect(withoutHiddenFormatting('Ana \u202Etxt.exe')).toBe('Ana txt.exe');
    expect(withoutHiddenFormatting('\u2067Pastor\u2069 \u200BMaría')).toBe('Pastor María');
  });

  it('keeps a zero-width non-joiner between two letters (Persian spelling) and drops a stray one', () => {
    expect(withoutHiddenFormatting('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(withoutHiddenFormatting('\u200CAna\u200D')).toBe('Ana');
    expect(withoutHiddenFormatting('Ana \u200D Reyes')).toBe('Ana  Reyes');
  });
});

describe('text fields', () => {
  it('line, optionalLine, text and optionalText all remove them', () => {
    const hostile = 'Ana\u202E\u200B Reyes\u2066';
    expect(field.line(80).parse(hostile)).toBe('Ana Reyes');
    expect(field.optionalLine(80).parse(hostile)).toBe('Ana Reyes');
    expect(field.text(200).parse(`${hostile}\n${hostile}`)).toBe('Ana Reyes\nAna Reyes');
    expect(field.optionalText(200).parse(hostile)).toBe('Ana Reyes');
  });

  it('a required name made only of invisible characters is missing; an optional one is empty', () => {
    const invisible = '\u202E\u200B\u2060\uFEFF';
    const required = field.line(80).safeParse(invisible);
    expect(required.success).toBe(false);
    expect(field.optionalLine(80).parse(invisible)).toBeNull();
  });

  it('every name field of the public forms removes them', () => {
    const hostile = '\u202EAna\u200B Reyes\u2067';
    const check = (schema: z.ZodType, base: Record<string, unknown>, names: string[]) => {
      for (const name of names) {
        const parsed = schema.safeParse({ ...base, [name]: hostile });
        expect(parsed.success, name).toBe(true);
        const value = (parsed.data as Record<string, unknown>)[name];
        expect(value, name).toBe('Ana Reyes');
      }
    };
    check(signatureSchema, signatureFields(), [
      'firstName',
      'lastName',
      'denomination',
      'congregation',
      'city',
    ]);
    check(
      registrationChangeSchema,
      {
        name: 'Ana',
        phone: '',
        address: '1 Main St, Macon GA',
        congregation: '',
        faithRole: 'lay',
        languages: '',
        ride: 'none',
        rideSeats: '',
      },
      ['name', 'congregation'],
    );
    const meeting = {
      official: 'x',
      senderName: 'Ana',
      senderEmail: 'ana@example.org',
      groupName: 'St. Paul',
      city: 'Macon',
      purpose: 'Courthouse arrests; we ask you to stop them.',
      proposedDates: 'Any Monday',
    };
    check(requestDetailsSchema, meeting, ['senderName', 'groupName', 'city']);
    const attendees = requestDetailsSchema.parse({
      ...meeting,
      attendees: `${hostile}, luis@example.org\n\u2066Mary\u2069`,
    }).attendees;
    expect(attendees).toEqual([
      { name: 'Ana Reyes', contact: 'luis@example.org' },
      { name: 'Mary', contact: '' },
    ]);
  });
});

describe('the public signer list', () => {
  it('shows a name with a right-to-left override as plain text', async () => {
    const letter = await makeLetter();
    await signAndConfirm(letter, { firstName: 'Ana \u202Eexe.txt', lastName: 'Reyes\u200B\u2066' });
    const html = await (await request(`/letters/${letter.slug}/signers`)).text();
    expect(html).toContain('Ana exe.txt');
    expect(html).not.toMatch(ANY_HIDDEN);
  });
});
