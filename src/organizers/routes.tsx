import { Hono } from 'hono';
import type { AppEnv } from '../env';

/** Sign-in and sign-out. */
export const organizerRoutes = new Hono<AppEnv>();

/** The /admin dashboard (buildAdmin puts every /admin route behind requireOrganizer). */
export const adminShell = new Hono<AppEnv>();
adminShell.get('/', (c) => {
  const { t } = c.var;
  return c.render(<h1>{t('admin.title')}</h1>, { title: t('admin.title') });
});
