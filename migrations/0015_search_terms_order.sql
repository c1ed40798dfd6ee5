ALTER TABLE `search_terms` ADD `sort_key` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `search_terms_sort_idx` ON `search_terms` (`kind`,`scope_id`,`term`,`sort_key`,`owner_id`);--> statement-breakpoint
-- Written by hand after the generated statements: the terms stored before this migration take
-- their row's place (src/db/search-schema.ts, sortKey).
UPDATE `search_terms` SET `sort_key` = coalesce(
  (SELECT `created_at` FROM `letter_signatures` WHERE `id` = `search_terms`.`owner_id`), 0)
WHERE `kind` = 'signature';
--> statement-breakpoint
UPDATE `search_terms` SET `sort_key` = coalesce(
  (SELECT `seq` FROM `day_registrations` WHERE `id` = `search_terms`.`owner_id`), 0)
WHERE `kind` = 'registration';
