CREATE TABLE `people_tags` (
	`person_id` text NOT NULL,
	`tag_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`person_id`, `tag_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `people_tags_tag_created_idx` ON `people_tags` (`tag_id`,`created_at`,`person_id`);--> statement-breakpoint
CREATE INDEX `people_tags_person_created_idx` ON `people_tags` (`person_id`,`created_at`,`tag_id`);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`origin_system` text NOT NULL,
	`created_at` integer NOT NULL,
	`modified_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tags_nameKey_unique` ON `tags` (`name_key`);--> statement-breakpoint
CREATE INDEX `tags_modified_idx` ON `tags` (`modified_at`,`id`);--> statement-breakpoint
CREATE INDEX `letter_signatures_tradition_confirmed_idx` ON `letter_signatures` (`tradition`,`confirmed_at`,`id`);--> statement-breakpoint
CREATE INDEX `letter_signatures_email_tradition_idx` ON `letter_signatures` (`email`,`tradition`,`confirmed_at`,`id`);--> statement-breakpoint
-- Written by hand (drizzle-kit cuts an expression that follows a column into pieces): the API's
-- role taggings, in (modified, id) order on the expression of registrationModifiedSql: one role's
-- registrations, and a person's earlier one in the same role.
CREATE INDEX `day_registrations_role_modified_idx` ON `day_registrations` (`team_role`,max("created_at", coalesce("cancelled_at", 0), coalesce("promoted_at", 0), coalesce("checked_in_at", 0), coalesce("personal_data_deleted_at", 0)),`id`);--> statement-breakpoint
CREATE INDEX `day_registrations_email_role_idx` ON `day_registrations` (`email`,`team_role`,max("created_at", coalesce("cancelled_at", 0), coalesce("promoted_at", 0), coalesce("checked_in_at", 0), coalesce("personal_data_deleted_at", 0)),`id`);
