// Spanish readers see what a legislative action was in Spanish (from its Open States
// classification), with the legislature's English text as the source (issue 14).
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import { actionDescriptionKey, describeAction } from '../../src/bills/action-text';
import { postOrganizerAction } from '../../src/bills/movements';
import { getBillBySlug } from '../../src/bills/queries';
import { billMovements } from '../../src/bills/schema';
import { translator } from '../../src/lib/i18n';
import { request } from '../helpers';
import { seedBill } from './seed';

const db = getDb(env);

describe('describeAction', () => {
  it('describes the most telling classification, in the reader language', () => {
    const es = translator('es');
    expect(
      describeAction(es, {
        chamber: 'House',
        chamberKind: 'lower',
        classification: ['reading-1', 'referral-committee'],
      }),
    ).toEqual({ description: 'Enviado a comisión', chamber: 'Cámara de Representantes' });
    expect(
      describeAction(es, {
        chamber: 'Governor',
        chamberKind: 'executive',
        classification: ['executive-signature'],
      }),
    ).toEqual({ description: 'Firmado por el gobernador', chamber: 'Gobernador(a)' });
    expect(
      describeAction(translator('en'), {
        chamber: 'Senate',
        chamberKind: 'upper',
        classification: ['passage'],
      }),
    ).toEqual({ description: 'Passed', chamber: 'Senate' });
    // Nothing known: no description, and the stored body name stays.
    expect(describeAction(es, { chamber: 'Joint', chamberKind: 'joint', classification: ['other'] })).toEqual(
      {
        description: null,
        chamber: 'Joint',
      },
    );
  });

  it('knows every Open States action classification', () => {
    const classifications = [
      'introduction',
      'filing',
      'reading-1',
      'reading-2',
      'reading-3',
      'referral-committee',
      'committee-passage',
      'committee-passage-favorable',
      'committee-passage-unfavorable',
      'committee-failure',
      'passage',
      'failure',
      'withdrawal',
      'amendment-introduction',
      'amendment-passage',
      'amendment-failure',
      'amendment-amended',
      'amendment-withdrawal',
      'amendment-deferral',
      'executive-receipt',
      'executive-signature',
      'executive-veto',
      'executive-veto-line-item',
      'became-law',
      'veto-override-passage',
      'veto-override-failure',
    ];
    const es = translator('es');
    const en = translator('en');
    for (const name of classifications) {
      const key = actionDescriptionKey([name]);
      expect(key, name).not.toBeNull();
      expect(es(key!), name).not.toBe(en(key!));
    }
  });
});

describe('the bill page timeline', () => {
  it('is in Spanish for a Spanish reader, with the original text as the source', async () => {
    await seedBill(db, { id: 'bill-action-text', state: 'NC', identifier: 'HB 10' });
    const spanish = await (await request('/bills/nc/hb-10', { lang: 'es' })).text();
    expect(spanish).toContain('Senado: Enviado a comisión');
    expect(spanish).toContain('(texto original: <q lang="en">Read and referred</q>)');
    expect(spanish).not.toContain('Senate');
    const english = await (await request('/bills/nc/hb-10', { lang: 'en' })).text();
    expect(english).toContain('Senate: Read and referred');
    expect(english).not.toContain('Enviado a comisión');
  });

  it('marks an action without a known classification as English text', async () => {
    const bill = (await getBillBySlug(db, 'NC', 'hb-10'))!;
    await postOrganizerAction(db, bill, {
      date: '2027-02-03',
      chamber: 'House',
      chamberKind: 'lower',
      description: 'Committee hearing held',
      classification: ['other'],
    });
    const spanish = await (await request('/bills/nc/hb-10', { lang: 'es' })).text();
    expect(spanish).toContain('Cámara de Representantes: <span lang="en">Committee hearing held</span>');
  });

  it('gives new movements a Spanish headline for Spanish alerts and feeds', async () => {
    const bill = (await getBillBySlug(db, 'NC', 'hb-10'))!;
    const { movementId } = await postOrganizerAction(db, bill, {
      date: '2027-02-10',
      chamber: 'House',
      chamberKind: 'lower',
      description: 'Reported favorably by Judiciary',
      classification: ['committee-passage'],
    });
    const [movement] = await db.select().from(billMovements).where(eq(billMovements.id, movementId!));
    expect(movement!.headlineEn).toBe('Reported favorably by Judiciary');
    expect(movement!.headlineEs).toBe('Cámara de Representantes: Aprobado en comisión');
  });
});
