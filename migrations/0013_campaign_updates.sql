CREATE TABLE `campaign_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`organizer_id` text,
	`title_en` text NOT NULL,
	`body_en` text NOT NULL,
	`title_es` text,
	`body_es` text,
	`recipient_count` integer NOT NULL,
	`fanout_status` text DEFAULT 'sending' NOT NULL,
	`fanout_page` integer DEFAULT 0 NOT NULL,
	`fanout_after` text DEFAULT '' NOT NULL,
	`fanout_updated_at` integer NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_updates_campaign_idx` ON `campaign_updates` (`campaign_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `campaign_updates_fanout_idx` ON `campaign_updates` (`fanout_status`,`fanout_updated_at`);--> statement-breakpoint
ALTER TABLE `bill_subscriptions` ADD `campaign_id` text;--> statement-breakpoint
CREATE INDEX `bill_subscriptions_campaign_idx` ON `bill_subscriptions` (`campaign_id`,`status`);