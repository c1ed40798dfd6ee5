// Run before `npm run deploy` (predeploy): refuses to deploy a configuration that would expose the
// development mailbox or point at the placeholder database. `wrangler deploy` reads wrangler.toml
// alone (.dev.vars is local only), so that file is what gets checked.
import { unstable_readConfig } from 'wrangler';

/** Problems that make a configuration unfit for a deployed site (empty when it is fine). */
export function deployProblems(config: {
  vars: Record<string, unknown>;
  databaseId: string | undefined;
}): string[] {
  const problems: string[] = [];
  const environment = String(config.vars.ENVIRONMENT ?? '');
  if (environment === 'development' || environment === 'test' || environment === '') {
    problems.push(
      `ENVIRONMENT is "${environment}" in wrangler.toml: set it to "production" (development would serve every email, sign-in links included, at /dev/mail).`,
    );
  }
  const publicUrl = String(config.vars.PUBLIC_URL ?? '');
  if (!/^https:\/\//.test(publicUrl) || /localhost|127\.0\.0\.1/.test(publicUrl)) {
    problems.push(
      `PUBLIC_URL is "${publicUrl}": set it to the site's https:// address (links in emails use it).`,
    );
  }
  if (!config.databaseId || /^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(config.databaseId)) {
    problems.push(
      'database_id in wrangler.toml is the placeholder: run `npx wrangler d1 create welcome-table` and paste its id.',
    );
  }
  return problems;
}

if (process.argv[1]?.endsWith('check-deploy.ts')) {
  const config = unstable_readConfig({ config: 'wrangler.toml' });
  const problems = deployProblems({
    vars: config.vars as Record<string, unknown>,
    databaseId: config.d1_databases.find(
      (db: { binding: string; database_id?: string }) => db.binding === 'DB',
    )?.database_id,
  });
  if (problems.length > 0) {
    console.error('Not deploying:\n' + problems.map((p) => `  - ${p}`).join('\n'));
    process.exit(1);
  }
  console.log('wrangler.toml is ready to deploy.');
}
