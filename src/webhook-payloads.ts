// How each outgoing webhook's item is built when it is delivered: the API's own serializers
// (src/api/resources), from the rows the API itself serves, so a webhook item and a GET of the same
// resource agree. A row the API would not serve (erased, hidden) sends nothing.
import {
  findActionById,
  type AttendanceRow,
  type SignatureRow,
  type SubmissionRow,
} from './api/queries/actions';
import { attendanceResource } from './api/resources/attendance';
import { ApiLinks, OWN_ORIGIN, identifiersOf, isoDate } from './api/resources/common';
import { submissionResource } from './api/resources/form';
import { signatureResource } from './api/resources/signature';
import { subscriptionById } from './bills/queries/subscriptions';
import { findPersonByEmail } from './people/queries';
import type { PayloadBuilder, PayloadBuilders, PayloadContext } from './webhooks/payload';

function linksOf(context: PayloadContext): ApiLinks {
  return new ApiLinks(context.publicUrl.replace(/\/+$/, ''));
}

const signature: PayloadBuilder = async (context, id) => {
  const row = await findActionById(context.db, 'signature', id);
  return row && signatureResource(row as SignatureRow, linksOf(context));
};

const attendance: PayloadBuilder = async (context, id) => {
  const row = await findActionById(context.db, 'attendance', id);
  return row && attendanceResource(row as AttendanceRow, linksOf(context));
};

const submission: PayloadBuilder = async (context, id) => {
  const row = await findActionById(context.db, 'submission', id);
  return row && submissionResource(row as SubmissionRow, linksOf(context));
};

/**
 * A bill-alert subscription as an OSDI list item (the API serves no lists yet, so this is the one
 * place it is shaped): what is followed and whether it is on, linked to the person when the people
 * index holds them. Never the address.
 */
const subscription: PayloadBuilder = async (context, id) => {
  const row = await subscriptionById(context.db, id);
  if (!row) return null;
  const person = await findPersonByEmail(context.db, row.email);
  const links = linksOf(context);
  return {
    identifiers: identifiersOf(row.id),
    origin_system: OWN_ORIGIN,
    created_date: isoDate(row.createdAt),
    modified_date: isoDate(row.unsubscribedAt ?? row.confirmedAt ?? row.createdAt),
    status: row.status === 'confirmed' ? 'subscribed' : 'unsubscribed',
    'welcome_table:follows': row.billId ? { bill: row.billId } : { state: row.state },
    _links: person ? { 'osdi:person': links.to('people', person.id) } : {},
  };
};

/** The builders the queue consumer uses (src/index.ts). */
export const WEBHOOK_PAYLOADS: PayloadBuilders = {
  'signature.confirmed': signature,
  'registration.changed': attendance,
  'meeting_request.sent': submission,
  'meeting_request.recorded': submission,
  'subscription.confirmed': subscription,
  'subscription.ended': subscription,
};
