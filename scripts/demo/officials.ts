import { planImport } from '../../src/officials/import';
import { applyImportPlan, loadExistingOfficials } from '../../src/officials/queries';
import { DEFAULT_PEOPLE_DIR, readStateFiles } from '../lib/officials-files';
import type { DemoContext } from './context';

/** Georgia's and South Carolina's officials from the Open States files in data/openstates-people (a re-run changes nothing). */
export async function seedOfficials({ db, now, log }: DemoContext): Promise<void> {
  const states = ['ga', 'sc'];
  const today = new Date(now).toISOString().slice(0, 10);
  const parsed = states.flatMap((state) => readStateFiles(DEFAULT_PEOPLE_DIR, state, today));
  const plan = await planImport(parsed, await loadExistingOfficials(db, states));
  await applyImportPlan(db, plan, now);
  log(
    `officials: ${plan.add.length} added, ${plan.update.length} updated, ${plan.unchanged} unchanged, ` +
      `${plan.retire.length} retired, ${plan.skipped.length} skipped`,
  );
}
