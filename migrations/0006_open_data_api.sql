CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`given_name` text,
	`family_name` text,
	`clergy_title` text,
	`tradition` text,
	`denomination` text,
	`congregation` text,
	`locality` text,
	`region` text,
	`postal_code` text,
	`lang` text,
	`identifiers` text DEFAULT '[]' NOT NULL,
	`origin_system` text NOT NULL,
	`email_status` text,
	`created_at` integer NOT NULL,
	`modified_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_email_unique` ON `people` (`email`);--> statement-breakpoint
CREATE INDEX `people_modified_idx` ON `people` (`modified_at`,`id`);--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`key_hash` text NOT NULL,
	`scope` text NOT NULL,
	`organizer_id` text,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_keyHash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_created_idx` ON `api_keys` (`created_at`);--> statement-breakpoint
ALTER TABLE `letter_signatures` ADD `origin` text;--> statement-breakpoint
CREATE INDEX `letter_signatures_confirmed_idx` ON `letter_signatures` (`confirmed_at`,`id`);--> statement-breakpoint
CREATE INDEX `letter_signatures_letter_confirmed_idx` ON `letter_signatures` (`letter_id`,`confirmed_at`,`id`);--> statement-breakpoint
CREATE INDEX `letter_signatures_email_idx` ON `letter_signatures` (`email`);--> statement-breakpoint
ALTER TABLE `advocacy_days` ADD `updated_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `day_registrations_modified_idx` ON `day_registrations` (max("created_at", coalesce("cancelled_at", 0), coalesce("promoted_at", 0), coalesce("checked_in_at", 0), coalesce("personal_data_deleted_at", 0)),`id`);--> statement-breakpoint
CREATE INDEX `day_registrations_day_modified_idx` ON `day_registrations` (`day_id`,max("created_at", coalesce("cancelled_at", 0), coalesce("promoted_at", 0), coalesce("checked_in_at", 0), coalesce("personal_data_deleted_at", 0)),`id`);--> statement-breakpoint
CREATE INDEX `meetings_updated_idx` ON `meetings` (`updated_at`,`id`);--> statement-breakpoint
-- Written by hand (drizzle-kit does not manage these): the backfills and the triggers that keep
-- `updated_at` of advocacy days, and fill `people` from every feature's rows.
UPDATE `advocacy_days` SET `updated_at` = `created_at`;--> statement-breakpoint
CREATE TRIGGER `advocacy_days_inserted` AFTER INSERT ON `advocacy_days`
WHEN NEW.`updated_at` = 0
BEGIN
	UPDATE `advocacy_days` SET `updated_at` = NEW.`created_at` WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `advocacy_days_updated` AFTER UPDATE ON `advocacy_days`
WHEN NEW.`updated_at` = OLD.`updated_at`
BEGIN
	UPDATE `advocacy_days` SET `updated_at` = max(OLD.`updated_at` + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER)) WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
INSERT OR IGNORE INTO `people` (id, email, given_name, family_name, clergy_title, tradition, denomination, congregation, locality, region, lang, origin_system, created_at, modified_at) SELECT lower(hex(randomblob(16))), lower(trim(email)), first_name, last_name, CASE honorific WHEN 'none' THEN NULL WHEN 'other' THEN honorific_other ELSE honorific END, tradition, denomination, congregation, city, upper(state), lang, 'Welcome Table', CAST(unixepoch('subsec') * 1000 AS INTEGER), CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `letter_signatures` WHERE confirmed_at IS NOT NULL AND instr(email, '@') > 0 AND email NOT LIKE 'erased:%' ORDER BY confirmed_at, id;--> statement-breakpoint
INSERT OR IGNORE INTO `people` (id, email, given_name, family_name, congregation, region, lang, origin_system, created_at, modified_at) SELECT lower(hex(randomblob(16))), lower(trim(email)), CASE WHEN instr(trim(name), ' ') = 0 THEN trim(name) ELSE trim(rtrim(name, replace(name, ' ', ''))) END, CASE WHEN instr(trim(name), ' ') = 0 THEN NULL ELSE substr(name, length(rtrim(name, replace(name, ' ', ''))) + 1) END, congregation, upper(home_state), lang, 'Welcome Table', CAST(unixepoch('subsec') * 1000 AS INTEGER), CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `day_registrations` WHERE personal_data_deleted_at IS NULL AND instr(email, '@') > 0 AND email NOT LIKE 'erased:%' ORDER BY created_at, id;--> statement-breakpoint
INSERT OR IGNORE INTO `people` (id, email, given_name, family_name, locality, lang, origin_system, created_at, modified_at) SELECT lower(hex(randomblob(16))), lower(trim(sender_email)), CASE WHEN instr(trim(sender_name), ' ') = 0 THEN trim(sender_name) ELSE trim(rtrim(sender_name, replace(sender_name, ' ', ''))) END, CASE WHEN instr(trim(sender_name), ' ') = 0 THEN NULL ELSE substr(sender_name, length(rtrim(sender_name, replace(sender_name, ' ', ''))) + 1) END, city, sender_lang, 'Welcome Table', CAST(unixepoch('subsec') * 1000 AS INTEGER), CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `meetings` WHERE source = 'request' AND confirmed_at IS NOT NULL AND instr(sender_email, '@') > 0 AND sender_email NOT LIKE 'erased:%' ORDER BY created_at, id;--> statement-breakpoint
CREATE TRIGGER `people_from_signature_inserted` AFTER INSERT ON `letter_signatures`
WHEN NEW.confirmed_at IS NOT NULL AND instr(NEW.email, '@') > 0 AND NEW.email NOT LIKE 'erased:%'
BEGIN
	INSERT OR IGNORE INTO `people` (id, email, given_name, family_name, clergy_title, tradition, denomination, congregation, locality, region, lang, origin_system, created_at, modified_at) VALUES (lower(hex(randomblob(16))), lower(trim(NEW.email)), NEW.first_name, NEW.last_name, CASE NEW.honorific WHEN 'none' THEN NULL WHEN 'other' THEN NEW.honorific_other ELSE NEW.honorific END, NEW.tradition, NEW.denomination, NEW.congregation, NEW.city, upper(NEW.state), NEW.lang, 'Welcome Table', CAST(unixepoch('subsec') * 1000 AS INTEGER), CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;--> statement-breakpoint
CREATE TRIGGER `people_from_signature_confirmed` AFTER UPDATE OF confirmed_at ON `letter_signatures`
WHEN NEW.confirmed_at IS NOT NULL AND OLD.confirmed_at IS NULL AND instr(NEW.email, '@') > 0 AND NEW.email NOT LIKE 'erased:%'
BEGIN
	INSERT OR IGNORE INTO `people` (id, email, given_name, family_name, clergy_title, tradition, denomination, congregation, locality, region, lang, origin_system, created_at, modified_at) VALUES (lower(hex(randomblob(16))), lower(trim(NEW.email)), NEW.first_name, NEW.last_name, CASE NEW.honorific WHEN 'none' THEN NULL WHEN 'other' THEN NEW.honorific_other ELSE NEW.honorific END, NEW.tradition, NEW.denomination, NEW.congregation, NEW.city, upper(NEW.state), NEW.lang, 'Welcome Table', CAST(unixepoch('subsec') * 1000 AS INTEGER), CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;--> statement-breakpoint
CREATE TRIGGER `people_from_registration` AFTER INSERT ON `day_registrations`
WHEN NEW.personal_data_deleted_at IS NULL AND instr(NEW.email, '@') > 0 AND NEW.email NOT LIKE 'erased:%'
BEGIN
	INSERT OR IGNORE INTO `people` (id, email, given_name, family_name, congregation, region, lang, origin_system, created_at, modified_at) VALUES (lower(hex(randomblob(16))), lower(trim(NEW.email)), CASE WHEN instr(trim(NEW.name), ' ') = 0 THEN trim(NEW.name) ELSE trim(rtrim(NEW.name, replace(NEW.name, ' ', ''))) END, CASE WHEN instr(trim(NEW.name), ' ') = 0 THEN NULL ELSE substr(NEW.name, length(rtrim(NEW.name, replace(NEW.name, ' ', ''))) + 1) END, NEW.congregation, upper(NEW.home_state), NEW.lang, 'Welcome Table', CAST(unixepoch('subsec') * 1000 AS INTEGER), CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;--> statement-breakpoint
CREATE TRIGGER `people_from_meeting_inserted` AFTER INSERT ON `meetings`
WHEN NEW.source = 'request' AND NEW.confirmed_at IS NOT NULL AND instr(NEW.sender_email, '@') > 0 AND NEW.sender_email NOT LIKE 'erased:%'
BEGIN
	INSERT OR IGNORE INTO `people` (id, email, given_name, family_name, locality, lang, origin_system, created_at, modified_at) VALUES (lower(hex(randomblob(16))), lower(trim(NEW.sender_email)), CASE WHEN instr(trim(NEW.sender_name), ' ') = 0 THEN trim(NEW.sender_name) ELSE trim(rtrim(NEW.sender_name, replace(NEW.sender_name, ' ', ''))) END, CASE WHEN instr(trim(NEW.sender_name), ' ') = 0 THEN NULL ELSE substr(NEW.sender_name, length(rtrim(NEW.sender_name, replace(NEW.sender_name, ' ', ''))) + 1) END, NEW.city, NEW.sender_lang, 'Welcome Table', CAST(unixepoch('subsec') * 1000 AS INTEGER), CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;--> statement-breakpoint
CREATE TRIGGER `people_from_meeting_confirmed` AFTER UPDATE OF confirmed_at ON `meetings`
WHEN NEW.source = 'request' AND NEW.confirmed_at IS NOT NULL AND OLD.confirmed_at IS NULL AND instr(NEW.sender_email, '@') > 0 AND NEW.sender_email NOT LIKE 'erased:%'
BEGIN
	INSERT OR IGNORE INTO `people` (id, email, given_name, family_name, locality, lang, origin_system, created_at, modified_at) VALUES (lower(hex(randomblob(16))), lower(trim(NEW.sender_email)), CASE WHEN instr(trim(NEW.sender_name), ' ') = 0 THEN trim(NEW.sender_name) ELSE trim(rtrim(NEW.sender_name, replace(NEW.sender_name, ' ', ''))) END, CASE WHEN instr(trim(NEW.sender_name), ' ') = 0 THEN NULL ELSE substr(NEW.sender_name, length(rtrim(NEW.sender_name, replace(NEW.sender_name, ' ', ''))) + 1) END, NEW.city, NEW.sender_lang, 'Welcome Table', CAST(unixepoch('subsec') * 1000 AS INTEGER), CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
