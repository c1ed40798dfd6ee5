import { Hono } from 'hono';
import type { AppEnv } from '../env';

/** Public email endpoints: the development mailbox and Resend's webhook. */
export const emailRoutes = new Hono<AppEnv>();

/** Organizer view of the outbox: failed emails and retry. */
export const emailAdmin = new Hono<AppEnv>();
