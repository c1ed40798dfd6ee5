// Forms (OSDI `osdi:form`) and their submissions: our one form is the meeting request.
import * as z from 'zod';
import type { SubmissionRow } from '../queries/actions';
import {
  actionResource,
  actionSchema,
  linkFields,
  resourceSchema,
  ownFieldsOf,
  type ApiLinks,
} from './common';

/** The id of the meeting-request form. */
export const MEETING_FORM_ID = 'meeting-request';
/** When the form first existed (it has no row of its own): a fixed date, so syncs see no change. */
export const MEETING_FORM_DATE = Date.UTC(2026, 0, 1);

export const FormSchema = actionSchema(
  'Form',
  {
    description: z.string(),
    total_submissions: z.number().int(),
  },
  linkFields('osdi:submissions'),
);
export type FormResource = z.infer<typeof FormSchema>;

export const SubmissionSchema = resourceSchema(
  'Submission',
  {
    /** Where the request stands: sent, scheduled, held, thanked, declined… */
    'welcome_table:status': z.string(),
  },
  linkFields('osdi:form', 'osdi:person'),
);
export type SubmissionResource = z.infer<typeof SubmissionSchema>;

/** The meeting-request form, with how many requests were confirmed. */
export function meetingFormResource(totalSubmissions: number, links: ApiLinks): FormResource {
  return actionResource(
    { id: MEETING_FORM_ID, createdAt: MEETING_FORM_DATE, updatedAt: MEETING_FORM_DATE },
    links,
    {
      title: 'Request a meeting with an official',
      page: '/meetings/new',
      _links: links.of(['forms', MEETING_FORM_ID], { 'osdi:submissions': 'submissions' }),
    },
    {
      description: 'A person asks one of their officials for a meeting; the request goes to the official.',
      total_submissions: totalSubmissions,
    },
  );
}

/** A confirmed meeting request as a submission (never its story, text or attendees). */
export function submissionResource(row: SubmissionRow, links: ApiLinks): SubmissionResource {
  return {
    ...ownFieldsOf(row),
    'welcome_table:status': row.status,
    _links: {
      self: links.to('forms', MEETING_FORM_ID, 'submissions', row.id),
      'osdi:form': links.to('forms', MEETING_FORM_ID),
      'osdi:person': links.to('people', row.personId),
    },
  };
}
