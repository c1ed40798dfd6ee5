import { dispatchEmails } from '../email/outbox';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { dispatchWebhooks } from '../webhooks/delivery';
import { hashToken } from '../lib/tokens';
import { AppError } from '../lib/errors';
import { readForm, type FormErrors, type FormValues } from '../web/form';
import type { ListOpenActions } from '../web/open-actions';
import { setCookie } from 'hono/cookie';
import type { Official } from '../officials/schema';
import { FRESH_COOKIE, purgePages } from '../web/edge-cache';
import { renderPrivateLinkPage } from '../web/ui/private-link-button';
import {
  confirmSignature,
  countSignatures,
  findSignatureByLink,
  getLetterBySlug,
  getLetterForSigning,
  listPublicLetters,
  readLetterPage,
  readSignersPage,
  withdrawSignature,
} from './queries';
import type { Letter } from './schema';
import { signLetter } from './signing';
import { letterUpdateRoutes } from './update-routes';
import { isPublic, letterText, signerLinksEndAt, signingState } from './status';
import { signatureSchema } from './validation';
import { CheckEmailPage } from './views/check-email';
import { EmbedPage } from './views/embed';
import { LetterPage } from './views/letter';
import { LettersIndex } from './views/letters-index';
import { pagesShowingLetter, letterPath, letterUrl } from './links';
import { ButtonPage, letterExcerpt } from './views/public';
import { SignersPage } from './views/signers';
import { ThanksPage } from './views/thanks';
import { WithdrawnPage } from './views/withdrawn';

/** Signers per page of the public list. */
export const SIGNERS_PAGE_SIZE = 100;

type LettersContext = Context<AppEnv>;

/** The letter of a public page; drafts only for signed-in organizers (a preview), else 404. */
async function loadLetter(c: LettersContext): Promise<Letter> {
  return visible(c, await getLetterBySlug(getDb(c.env), c.req.param('slug') ?? ''));
}

/** The letter a signature is for, as `loadLetter`, but kept a few seconds by the isolate (surges). */
async function loadLetterForSigning(c: LettersContext): Promise<Letter> {
  const reuse = c.env.ENVIRONMENT !== 'test';
  return visible(c, await getLetterForSigning(getDb(c.env), c.req.param('slug') ?? '', { reuse }));
}

/** The letter if this person may see it: drafts only for signed-in organizers, else 404. */
function visible(c: LettersContext, letter: Letter | undefined): Letter {
  if (!letter || (!isPublic(letter) && !c.var.organizer)) throw new AppError('not_found');
  return letter;
}

/** The letter page with its count and officials, read in one round trip (404 as `loadLetter`). */
async function loadLetterPage(c: LettersContext) {
  const data = await readLetterPage(getDb(c.env), c.req.param('slug') ?? '');
  return { ...data!, letter: visible(c, data?.letter) };
}

/**
 * After a change the person must see on the public pages at once (their confirmed name, their
 * withdrawn one): a short cookie for this letter's pages makes their next requests skip the memo
 * of rendered pages in every isolate, not only in the one that made the change.
 */
function seeChangesAtOnce(c: LettersContext, letter: Letter) {
  setCookie(c, FRESH_COOKIE, '1', {
    path: letterPath(letter),
    maxAge: 300,
    sameSite: 'Lax',
    secure: true,
    httpOnly: true,
  });
}

async function renderLetter(
  c: LettersContext,
  { letter, count, officials }: { letter: Letter; count: number; officials: Official[] },
  form: { values?: FormValues; errors?: FormErrors } = {},
) {
  const { lang } = c.var;
  const text = letterText(letter, lang);
  const description = letterExcerpt(text.body);
  return c.render(
    <LetterPage
      letter={letter}
      officials={officials}
      count={count}
      state={signingState(letter, Date.now())}
      preview={!isPublic(letter)}
      campaigns={await c.var.campaignsOf('letter', letter.id)}
      {...form}
    />,
    {
      title: text.title,
      description,
      noindex: !isPublic(letter),
      og: { title: text.title, description, url: letterUrl(c.env, letter) },
    },
  );
}

async function renderEmbed(
  c: LettersContext,
  letter: Letter,
  form: { values?: FormValues; errors?: FormErrors } = {},
) {
  c.set('embeddable', true);
  const count = await countSignatures(getDb(c.env), letter.id);
  return c.render(
    <EmbedPage letter={letter} count={count} state={signingState(letter, Date.now())} {...form} />,
    {
      title: letterText(letter, c.var.lang).title,
      bare: true,
    },
  );
}

/**
 * Reads and stores a signature. Returns null when the person should see "check your email"
 * (signed, signed again, rate-limited, or a bot: all look the same), or the form errors.
 */
async function handleSignature(
  c: LettersContext,
  letter: Letter,
): Promise<{ values: FormValues; errors: FormErrors; status: 409 | 422 } | null> {
  const form = await readForm(c, signatureSchema);
  if (form.status === 'bot') return null;
  if (form.status === 'invalid') return { values: form.values, errors: form.errors, status: 422 };
  // The confirmation email is stored with the signature; its handoff to the queue waits for the answer.
  const afterAnswer = (ids: string[]) => c.executionCtx.waitUntil(dispatchEmails(c.env, ids));
  const outcome = await signLetter(
    getDb(c.env),
    c.env,
    letter,
    form.data,
    c.var.lang,
    Date.now(),
    afterAnswer,
  );
  if (outcome === 'closed') return { values: form.values, errors: {}, status: 409 };
  return null;
}

/**
 * The page a private link opens: it checks the link and shows one button; only the POST from that
 * button changes anything (mail scanners open every link).
 */
/** A signer's link ends some time after the letter is over (see signerLinksEndAt). */
function refuseEndedSignerLink(letter: Letter): void {
  const endsAt = signerLinksEndAt(letter);
  if (endsAt !== null && Date.now() > endsAt) throw new AppError('invalid_link');
}

async function renderLinkPage(c: LettersContext, link: 'confirm' | 'withdraw') {
  c.set('privateLink', true);
  const { t, lang } = c.var;
  const letter = await loadLetter(c);
  if (link === 'withdraw') refuseEndedSignerLink(letter);
  const tokenHash = await hashToken(c.req.param('token') ?? '');
  if (!(await findSignatureByLink(getDb(c.env), letter.id, link, tokenHash)))
    throw new AppError('invalid_link');
  const title = letterText(letter, lang).title;
  return renderPrivateLinkPage(
    c,
    link === 'confirm'
      ? {
          title: t('letters.confirmTitle'),
          body: t('letters.confirmBody', { title }),
          button: { action: c.req.path, label: t('letters.confirmButton') },
        }
      : {
          title: t('letters.withdrawTitle'),
          body: t('letters.withdrawBody', { title }),
          button: { action: c.req.path, label: t('letters.withdrawButton'), secondary: true },
        },
  );
}

/** Public pages of this feature. */
export const lettersRoutes = new Hono<AppEnv>();
// "Stop these updates" links of update emails, before the /:slug routes.
lettersRoutes.route('/', letterUpdateRoutes);

lettersRoutes.get('/', async (c) => {
  const { t } = c.var;
  const at = Date.now();
  const rows = await listPublicLetters(getDb(c.env));
  return c.render(
    <LettersIndex letters={rows.map((letter) => ({ letter, state: signingState(letter, at) }))} />,
    {
      title: t('letters.indexTitle'),
      description: t('letters.indexIntro'),
    },
  );
});

lettersRoutes.get('/:slug', async (c) => renderLetter(c, await loadLetterPage(c)));

lettersRoutes.post('/:slug/sign', async (c) => {
  const letter = await loadLetterForSigning(c);
  const problem = await handleSignature(c, letter);
  if (!problem) return c.redirect(letterPath(letter, '/check-email'), 303);
  c.status(problem.status);
  return renderLetter(c, await loadLetterPage(c), problem);
});

lettersRoutes.get('/:slug/check-email', async (c) => {
  const letter = await loadLetter(c);
  return c.render(<CheckEmailPage letter={letter} />, {
    title: c.var.t('letters.checkEmailTitle'),
    noindex: true,
  });
});

lettersRoutes.get('/:slug/embed', async (c) => renderEmbed(c, await loadLetter(c)));

lettersRoutes.post('/:slug/embed', async (c) => {
  const letter = await loadLetterForSigning(c);
  const problem = await handleSignature(c, letter);
  if (problem) {
    c.status(problem.status);
    return renderEmbed(c, letter, problem);
  }
  c.set('embeddable', true);
  return c.render(<CheckEmailPage letter={letter} />, {
    title: c.var.t('letters.checkEmailTitle'),
    bare: true,
    noindex: true,
  });
});

lettersRoutes.get('/:slug/confirm/:token', (c) => renderLinkPage(c, 'confirm'));

lettersRoutes.post('/:slug/confirm/:token', async (c) => {
  c.set('privateLink', true);
  const letter = await loadLetter(c);
  if (letter.status !== 'open') throw new AppError('invalid_link');
  const at = Date.now();
  const db = getDb(c.env);
  const result = await confirmSignature(db, letter.id, await hashToken(c.req.param('token')), at);
  if (result === 'invalid') throw new AppError('invalid_link');
  if (result === 'confirmed') {
    await purgePages(c, pagesShowingLetter(letter));
    await dispatchWebhooks(db, c.env, at);
  }
  seeChangesAtOnce(c, letter);
  return c.redirect(letterPath(letter, '/thanks'), 303);
});

/**
 * The thank-you page after signing, which suggests every feature's open actions: the app hands in
 * the lister home/ builds, since the features above letters are not letters' to import.
 */
export function letterThanksRoutes(listOpenActions: ListOpenActions) {
  return new Hono<AppEnv>().get('/:slug/thanks', async (c) => {
    const { t, lang } = c.var;
    const letter = await loadLetter(c);
    const open = await listOpenActions(getDb(c.env), lang);
    const others = [
      ...open.letter.filter((action) => action.url !== letterPath(letter)),
      ...open['advocacy-day'],
      ...open.gathering,
      ...open.bill,
    ];
    return c.render(<ThanksPage letter={letter} letterUrl={letterUrl(c.env, letter)} others={others} />, {
      title: t('letters.thanksTitle'),
      noindex: true,
    });
  });
}

lettersRoutes.get('/:slug/withdraw/:token', (c) => renderLinkPage(c, 'withdraw'));

lettersRoutes.post('/:slug/withdraw/:token', async (c) => {
  c.set('privateLink', true);
  const { t } = c.var;
  const letter = await loadLetter(c);
  refuseEndedSignerLink(letter);
  const withdrawn = await withdrawSignature(getDb(c.env), letter.id, await hashToken(c.req.param('token')));
  if (!withdrawn) throw new AppError('invalid_link');
  await purgePages(c, pagesShowingLetter(letter));
  seeChangesAtOnce(c, letter);
  return c.render(<WithdrawnPage letter={letter} />, { title: t('letters.withdrawnTitle'), noindex: true });
});

lettersRoutes.get('/:slug/signers', async (c) => {
  const { t } = c.var;
  const requested = Number(c.req.query('page') ?? '1');
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
  const data = await readSignersPage(getDb(c.env), c.req.param('slug') ?? '', page, SIGNERS_PAGE_SIZE);
  const letter = visible(c, data?.letter);
  const pages = Math.max(1, Math.ceil(data!.shownTotal / SIGNERS_PAGE_SIZE));
  return c.render(<SignersPage {...data!} letter={letter} page={page} pages={pages} />, {
    title: `${t('letters.signersTitle')}: ${letterText(letter, c.var.lang).title}`,
    noindex: true,
  });
});
