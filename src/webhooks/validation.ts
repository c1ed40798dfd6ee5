import * as z from 'zod';
import { field } from '../web/fields';
import { WEBHOOK_EVENT_TYPES } from './schema';

/** The chosen events: a checkbox group, at least one. */
const events = z.preprocess(
  (v) => (v === undefined ? [] : ([] as unknown[]).concat(v)),
  z
    .array(z.enum(WEBHOOK_EVENT_TYPES), { message: 'webhooks.error.events' })
    .min(1, { message: 'webhooks.error.events' }),
);

/** Adding an endpoint. The address is checked further by `endpointUrlProblem` (it needs the environment). */
export const newEndpointSchema = z.object({
  url: field.line(2000),
  events,
});

/** Changing an endpoint's events, or pausing it. */
export const endpointChangeSchema = z.object({
  events,
  paused: field.checkbox(),
});
