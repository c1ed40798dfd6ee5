import { organizers } from '../../src/organizers/schema';
import type { DemoContext } from './context';

/** The demo organizer, an owner, so that `npm start` can be tried at once (local only). */
export async function seedOrganizers({ db }: DemoContext): Promise<void> {
  await db
    .insert(organizers)
    .values({
      id: 'demo-organizer',
      email: 'organizer@example.org',
      name: 'Demo Organizer',
      role: 'owner',
      createdAt: Date.now(),
    })
    .onConflictDoUpdate({ target: organizers.id, set: { role: 'owner' } });
}
