// Everything generated from the repo before the Worker runs: the email templates module and the
// vendored stylesheet and WebAuthn helper (copied from node_modules, so no library is committed).
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { generateTemplatesModule } from './build-templates';

const target = 'src/email/templates.generated.ts';
const next = generateTemplatesModule();
if (!existsSync(target) || readFileSync(target, 'utf8') !== next) writeFileSync(target, next);

mkdirSync('public/vendor', { recursive: true });
copyFileSync('node_modules/@picocss/pico/css/pico.min.css', 'public/vendor/pico.min.css');
// The WebAuthn browser helper for passkey pages (a global, SimpleWebAuthnBrowser).
copyFileSync(
  'node_modules/@simplewebauthn/browser/dist/bundle/index.umd.min.js',
  'public/vendor/simplewebauthn-browser.js',
);
