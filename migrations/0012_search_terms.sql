CREATE TABLE `search_terms` (
	`kind` text NOT NULL,
	`scope_id` text NOT NULL,
	`owner_id` text NOT NULL,
	`term` text NOT NULL,
	PRIMARY KEY(`kind`, `scope_id`, `term`, `owner_id`)
);
--> statement-breakpoint
CREATE INDEX `search_terms_owner_idx` ON `search_terms` (`kind`,`owner_id`,`term`);--> statement-breakpoint
-- Written by hand after the generated statements: a signature or registration deleted (withdrawn,
-- expired unconfirmed, erased, its letter or day deleted) takes its search terms with it, whatever
-- statement deleted it. The terms are written by the app in the batch that writes the row, because
-- SQLite cannot remove accents; rows stored before this migration get theirs from
-- `npm run search:backfill` (run by `npm start`; README, "Deploying").
CREATE TRIGGER `letter_signatures_search_terms_delete` AFTER DELETE ON `letter_signatures`
BEGIN
  DELETE FROM `search_terms` WHERE `kind` = 'signature' AND `owner_id` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `day_registrations_search_terms_delete` AFTER DELETE ON `day_registrations`
BEGIN
  DELETE FROM `search_terms` WHERE `kind` = 'registration' AND `owner_id` = old.`id`;
END;
