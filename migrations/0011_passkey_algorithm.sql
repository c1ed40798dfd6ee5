ALTER TABLE `passkeys` ADD `algorithm` text DEFAULT 'ES256' NOT NULL;--> statement-breakpoint
-- Passkeys stored before this migration hold COSE keys, a form the verifier no longer reads: they
-- are removed, so their organizers sign in by email link again and add their passkeys anew.
DELETE FROM `passkeys`;
