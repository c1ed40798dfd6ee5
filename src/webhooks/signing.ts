// Outgoing webhooks are signed the Standard Webhooks way (lib/standard-webhooks.ts, shared with
// the check of Resend's deliveries), so receivers can verify them with any of its libraries.
export {
  newStandardWebhookSecret as newWebhookSecret,
  standardWebhookHeaders as signatureHeaders,
} from '../lib/standard-webhooks';
