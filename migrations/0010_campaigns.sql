CREATE TABLE `campaign_communications` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`kind` text DEFAULT 'message' NOT NULL,
	`text_en` text NOT NULL,
	`text_es` text,
	`on_date` text,
	`url` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_communications_campaign_idx` ON `campaign_communications` (`campaign_id`,`kind`);--> statement-breakpoint
CREATE TABLE `campaign_goals` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`horizon` text DEFAULT 'short' NOT NULL,
	`text_en` text NOT NULL,
	`text_es` text,
	`status` text DEFAULT 'not_started' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_goals_campaign_idx` ON `campaign_goals` (`campaign_id`,`horizon`);--> statement-breakpoint
CREATE TABLE `campaign_parties` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`side` text DEFAULT 'ally' NOT NULL,
	`name` text NOT NULL,
	`official_id` text,
	`note` text,
	`outreach_plan` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`official_id`) REFERENCES `officials`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaign_parties_campaign_idx` ON `campaign_parties` (`campaign_id`,`side`);--> statement-breakpoint
CREATE TABLE `campaign_tactics` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`rung` text DEFAULT 'meeting' NOT NULL,
	`title_en` text NOT NULL,
	`title_es` text,
	`on_date` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`goal_id` text,
	`action` text DEFAULT 'none' NOT NULL,
	`action_ref` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goal_id`) REFERENCES `campaign_goals`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `campaign_tactics_campaign_idx` ON `campaign_tactics` (`campaign_id`,`on_date`);--> statement-breakpoint
CREATE INDEX `campaign_tactics_action_idx` ON `campaign_tactics` (`action`,`action_ref`);--> statement-breakpoint
CREATE TABLE `campaign_targets` (
	`campaign_id` text NOT NULL,
	`official_id` text NOT NULL,
	`rank` text DEFAULT 'primary' NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `official_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`official_id`) REFERENCES `officials`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaign_targets_official_idx` ON `campaign_targets` (`official_id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`title_es` text,
	`issue_en` text,
	`issue_es` text,
	`winnable_en` text,
	`winnable_es` text,
	`considerations` text,
	`published` integer DEFAULT false NOT NULL,
	`public_parts` text DEFAULT '[]' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_slug_unique` ON `campaigns` (`slug`);