-- The floor's one table: the same columns and indexes as the app's letter_signatures
-- (keep them in step with src/letters/schema.ts, or the floor is slower than the app's reads).
CREATE TABLE IF NOT EXISTS `signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`letter_id` text NOT NULL,
	`email` text NOT NULL,
	`honorific` text NOT NULL,
	`honorific_other` text,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`role` text NOT NULL,
	`tradition` text NOT NULL,
	`denomination` text,
	`congregation` text,
	`city` text NOT NULL,
	`state` text NOT NULL,
	`comment` text,
	`show_publicly` integer NOT NULL,
	`keep_informed` integer NOT NULL,
	`lang` text NOT NULL,
	`confirm_token_hash` text NOT NULL,
	`withdraw_token_hash` text NOT NULL,
	`confirmations_sent` integer DEFAULT 1 NOT NULL,
	`last_confirmation_at` integer NOT NULL,
	`confirmed_at` integer,
	`hidden_at` integer,
	`verified_at` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS `signatures_letter_email_idx` ON `signatures` (`letter_id`,`email`);
CREATE UNIQUE INDEX IF NOT EXISTS `signatures_confirm_idx` ON `signatures` (`confirm_token_hash`);
CREATE UNIQUE INDEX IF NOT EXISTS `signatures_withdraw_idx` ON `signatures` (`withdraw_token_hash`);
CREATE INDEX IF NOT EXISTS `signatures_public_idx` ON `signatures` (`letter_id`,`confirmed_at`,`hidden_at`,`tradition`);
CREATE INDEX IF NOT EXISTS `signatures_unconfirmed_idx` ON `signatures` (`confirmed_at`,`last_confirmation_at`);
CREATE INDEX IF NOT EXISTS `signatures_export_idx` ON `signatures` (`letter_id`,`created_at`,`id`);
