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
CREATE INDEX IF NOT EXISTS `signatures_list_idx` ON `signatures` (`letter_id`,(case "tradition" when 'catholic' then 0 when 'mainline' then 1 when 'evangelical' then 2 when 'pentecostal' then 3 when 'black-church' then 4 when 'orthodox' then 5 when 'anabaptist' then 6 when 'jewish' then 7 when 'muslim' then 8 when 'buddhist' then 9 when 'hindu' then 10 when 'sikh' then 11 when 'uu' then 12 when 'bahai' then 13 when 'interfaith' then 14 when 'other' then 15 else 16 end),`last_name`,`first_name`,`id`) WHERE "signatures"."confirmed_at" is not null and "signatures"."hidden_at" is null and "signatures"."show_publicly" = 1;
CREATE INDEX IF NOT EXISTS `signatures_counts_idx` ON `signatures` (`letter_id`,`tradition`,`state`,`show_publicly`,`confirmed_at`,`hidden_at`) WHERE "signatures"."confirmed_at" is not null and "signatures"."hidden_at" is null;