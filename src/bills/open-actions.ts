import type { OpenActionsSource } from '../web/open-actions';

/** What this feature has open now, for the home page. */
export const billsOpenActions: OpenActionsSource = async () => [];
