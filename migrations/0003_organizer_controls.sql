CREATE TABLE `day_check_in_log` (
	`id` text PRIMARY KEY NOT NULL,
	`day_id` text NOT NULL,
	`registration_id` text NOT NULL,
	`action` text NOT NULL,
	`organizer_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`day_id`) REFERENCES `advocacy_days`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registration_id`) REFERENCES `day_registrations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `day_check_in_log_day_idx` ON `day_check_in_log` (`day_id`,`at`);--> statement-breakpoint
CREATE TABLE `power_map_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`official_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text NOT NULL,
	`organizer_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`official_id`) REFERENCES `officials`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `power_map_changes_official_idx` ON `power_map_changes` (`official_id`,`at`);--> statement-breakpoint
ALTER TABLE `advocacy_days` ADD `report_sent_to` text;--> statement-breakpoint
ALTER TABLE `power_map_entries` ADD `meeting_id` text;--> statement-breakpoint
ALTER TABLE `power_map_entries` ADD `updated_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `power_map_entries_meeting_idx` ON `power_map_entries` (`meeting_id`);