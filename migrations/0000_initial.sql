CREATE TABLE `organizer_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`organizer_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`organizer_id`) REFERENCES `organizers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `organizer_sessions_organizer_idx` ON `organizer_sessions` (`organizer_id`);--> statement-breakpoint
CREATE TABLE `organizers` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`lang` text DEFAULT 'en' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organizers_email_unique` ON `organizers` (`email`);--> statement-breakpoint
CREATE TABLE `sign_in_tokens` (
	`organizer_id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organizer_id`) REFERENCES `organizers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sign_in_tokens_tokenHash_unique` ON `sign_in_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `email_suppressions` (
	`email` text PRIMARY KEY NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`template` text NOT NULL,
	`to_address` text NOT NULL,
	`lang` text NOT NULL,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`html_body` text NOT NULL,
	`reply_to` text,
	`cc` text,
	`attachments` text,
	`unsubscribe_url` text,
	`batch_key` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`claimed_at` integer,
	`last_error` text,
	`provider_id` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_status_next_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_to_idx` ON `outbox` (`to_address`);--> statement-breakpoint
CREATE INDEX `outbox_batch_idx` ON `outbox` (`batch_key`);--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `letter_addressee_officials` (
	`letter_id` text NOT NULL,
	`official_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`letter_id`, `official_id`),
	FOREIGN KEY (`letter_id`) REFERENCES `letters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`official_id`) REFERENCES `officials`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `letter_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`letter_id` text NOT NULL,
	`organizer_id` text,
	`lang` text NOT NULL,
	`outbox_ids` text NOT NULL,
	`recipient_count` integer NOT NULL,
	`signer_count` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`letter_id`) REFERENCES `letters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `letter_deliveries_letter_idx` ON `letter_deliveries` (`letter_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `letter_signatures` (
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
	`created_at` integer NOT NULL,
	FOREIGN KEY (`letter_id`) REFERENCES `letters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `letter_signatures_letter_email_idx` ON `letter_signatures` (`letter_id`,`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `letter_signatures_confirm_idx` ON `letter_signatures` (`confirm_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `letter_signatures_withdraw_idx` ON `letter_signatures` (`withdraw_token_hash`);--> statement-breakpoint
CREATE INDEX `letter_signatures_public_idx` ON `letter_signatures` (`letter_id`,`confirmed_at`,`hidden_at`,`tradition`);--> statement-breakpoint
CREATE INDEX `letter_signatures_unconfirmed_idx` ON `letter_signatures` (`confirmed_at`,`last_confirmation_at`);--> statement-breakpoint
CREATE INDEX `letter_signatures_export_idx` ON `letter_signatures` (`letter_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `letter_signatures_updates_idx` ON `letter_signatures` (`letter_id`,`keep_informed`,`id`);--> statement-breakpoint
CREATE INDEX `letter_signatures_list_idx` ON `letter_signatures` (`letter_id`,(case "tradition" when 'catholic' then 0 when 'mainline' then 1 when 'evangelical' then 2 when 'pentecostal' then 3 when 'black-church' then 4 when 'orthodox' then 5 when 'anabaptist' then 6 when 'jewish' then 7 when 'muslim' then 8 when 'buddhist' then 9 when 'hindu' then 10 when 'sikh' then 11 when 'uu' then 12 when 'bahai' then 13 when 'interfaith' then 14 when 'other' then 15 else 16 end),`last_name`,`first_name`,`id`) WHERE "letter_signatures"."confirmed_at" is not null and "letter_signatures"."hidden_at" is null and "letter_signatures"."show_publicly" = 1;--> statement-breakpoint
CREATE INDEX `letter_signatures_counts_idx` ON `letter_signatures` (`letter_id`,`tradition`,`state`,`show_publicly`,`confirmed_at`,`hidden_at`) WHERE "letter_signatures"."confirmed_at" is not null and "letter_signatures"."hidden_at" is null;--> statement-breakpoint
CREATE TABLE `letter_update_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`signature_id` text NOT NULL,
	`update_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`signature_id`) REFERENCES `letter_signatures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`update_id`) REFERENCES `letter_updates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `letter_update_links_signature_idx` ON `letter_update_links` (`signature_id`);--> statement-breakpoint
CREATE TABLE `letter_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`letter_id` text NOT NULL,
	`organizer_id` text,
	`subject_en` text NOT NULL,
	`body_en` text NOT NULL,
	`subject_es` text,
	`body_es` text,
	`next_step_url` text,
	`next_step_label_en` text,
	`next_step_label_es` text,
	`recipient_count` integer NOT NULL,
	`fanout_status` text DEFAULT 'sending' NOT NULL,
	`fanout_page` integer DEFAULT 0 NOT NULL,
	`fanout_after` text DEFAULT '' NOT NULL,
	`fanout_updated_at` integer NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`letter_id`) REFERENCES `letters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `letter_updates_letter_idx` ON `letter_updates` (`letter_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `letter_updates_fanout_idx` ON `letter_updates` (`fanout_status`,`fanout_updated_at`);--> statement-breakpoint
CREATE TABLE `letters` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`title_en` text NOT NULL,
	`title_es` text NOT NULL,
	`body_en` text NOT NULL,
	`body_es` text NOT NULL,
	`addressees` text DEFAULT '' NOT NULL,
	`deadline` text,
	`goal` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `letters_slug_unique` ON `letters` (`slug`);--> statement-breakpoint
CREATE TABLE `advocacy_days` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`time_zone` text DEFAULT 'America/New_York' NOT NULL,
	`place_name` text NOT NULL,
	`address` text NOT NULL,
	`state` text NOT NULL,
	`agenda` text DEFAULT '' NOT NULL,
	`what_to_bring` text DEFAULT '' NOT NULL,
	`accessibility` text DEFAULT '' NOT NULL,
	`capacity` integer NOT NULL,
	`registration_deadline` integer NOT NULL,
	`talking_points` text DEFAULT '' NOT NULL,
	`leave_behind` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`report_sent_at` integer,
	`title_es` text DEFAULT '' NOT NULL,
	`summary_es` text DEFAULT '' NOT NULL,
	`agenda_es` text DEFAULT '' NOT NULL,
	`what_to_bring_es` text DEFAULT '' NOT NULL,
	`accessibility_es` text DEFAULT '' NOT NULL,
	`talking_points_es` text DEFAULT '' NOT NULL,
	`leave_behind_es` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `advocacy_days_slug_unique` ON `advocacy_days` (`slug`);--> statement-breakpoint
CREATE TABLE `day_debriefs` (
	`id` text PRIMARY KEY NOT NULL,
	`day_id` text NOT NULL,
	`registration_id` text,
	`team_id` text,
	`official_id` text,
	`legislator_label` text NOT NULL,
	`what_they_said` text NOT NULL,
	`commitment` text,
	`stance` text NOT NULL,
	`follow_up` text,
	`follow_up_done_at` integer,
	`meeting_record_id` text,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`day_id`) REFERENCES `advocacy_days`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`registration_id`) REFERENCES `day_registrations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`team_id`) REFERENCES `day_teams`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `day_debriefs_day_idx` ON `day_debriefs` (`day_id`);--> statement-breakpoint
CREATE TABLE `day_registration_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`registration_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`registration_id`) REFERENCES `day_registrations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `day_registration_links_registration_idx` ON `day_registration_links` (`registration_id`);--> statement-breakpoint
CREATE TABLE `day_registrations` (
	`id` text PRIMARY KEY NOT NULL,
	`day_id` text NOT NULL,
	`seq` integer NOT NULL,
	`status` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`phone` text,
	`address` text,
	`congregation` text,
	`faith_role` text NOT NULL,
	`languages` text,
	`needs_interpretation` integer DEFAULT false NOT NULL,
	`accessibility_needs` text,
	`dietary_needs` text,
	`first_time` integer DEFAULT false NOT NULL,
	`willing_to_share_story` integer DEFAULT false NOT NULL,
	`ride` text DEFAULT 'none' NOT NULL,
	`ride_seats` integer,
	`photo_consent` integer DEFAULT false NOT NULL,
	`lang` text DEFAULT 'en' NOT NULL,
	`district_status` text DEFAULT 'pending' NOT NULL,
	`home_state` text,
	`upper_district` text,
	`lower_district` text,
	`team_id` text,
	`team_role` text,
	`check_in_code` text NOT NULL,
	`checked_in_at` integer,
	`promoted_at` integer,
	`promotion_notified_at` integer,
	`reminder7_sent_at` integer,
	`reminder1_sent_at` integer,
	`debrief_invite_sent_at` integer,
	`announcements_opt_out` integer DEFAULT false NOT NULL,
	`already_registered_email_at` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`cancelled_at` integer,
	`personal_data_deleted_at` integer,
	FOREIGN KEY (`day_id`) REFERENCES `advocacy_days`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `day_teams`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `day_registrations_day_seq_idx` ON `day_registrations` (`day_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `day_registrations_day_email_idx` ON `day_registrations` (`day_id`,`email`) WHERE status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX `day_registrations_day_code_idx` ON `day_registrations` (`day_id`,`check_in_code`);--> statement-breakpoint
CREATE INDEX `day_registrations_day_status_idx` ON `day_registrations` (`day_id`,`status`,`seq`);--> statement-breakpoint
CREATE INDEX `day_registrations_team_idx` ON `day_registrations` (`team_id`);--> statement-breakpoint
CREATE TABLE `day_teams` (
	`id` text PRIMARY KEY NOT NULL,
	`day_id` text NOT NULL,
	`official_id` text,
	`chamber` text NOT NULL,
	`district` text NOT NULL,
	`label` text NOT NULL,
	`meeting_at` integer,
	`room` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`day_id`) REFERENCES `advocacy_days`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `day_teams_day_seat_idx` ON `day_teams` (`day_id`,`chamber`,`district`);--> statement-breakpoint
CREATE TABLE `officials` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`given_name` text,
	`family_name` text,
	`state` text NOT NULL,
	`chamber` text NOT NULL,
	`title` text NOT NULL,
	`district` text,
	`jurisdiction` text,
	`jurisdiction_name` text,
	`party` text,
	`email` text,
	`offices` text DEFAULT '[]' NOT NULL,
	`links` text DEFAULT '[]' NOT NULL,
	`image` text,
	`term_ends_on` text,
	`source` text NOT NULL,
	`in_office` integer DEFAULT true NOT NULL,
	`lang` text DEFAULT 'en' NOT NULL,
	`content_hash` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`retired_at` integer
);
--> statement-breakpoint
CREATE INDEX `officials_state_chamber_district_idx` ON `officials` (`state`,`chamber`,`district`);--> statement-breakpoint
CREATE INDEX `officials_name_idx` ON `officials` (`name`);--> statement-breakpoint
CREATE TABLE `power_map_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`official_id` text NOT NULL,
	`stance` text NOT NULL,
	`note` text,
	`noted_on` text NOT NULL,
	`organizer_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`official_id`) REFERENCES `officials`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `power_map_entries_official_idx` ON `power_map_entries` (`official_id`,`noted_on`);--> statement-breakpoint
CREATE TABLE `meeting_commitments` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`text` text NOT NULL,
	`bill_id` text,
	`follow_up_on` text,
	`done` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_commitments_meeting_idx` ON `meeting_commitments` (`meeting_id`,`position`);--> statement-breakpoint
CREATE TABLE `meeting_templates` (
	`kind` text NOT NULL,
	`lang` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`kind`, `lang`)
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`official_id` text NOT NULL,
	`status` text NOT NULL,
	`source` text DEFAULT 'request' NOT NULL,
	`campaign` text,
	`token_hash` text,
	`sender_name` text NOT NULL,
	`sender_email` text NOT NULL,
	`sender_phone` text,
	`sender_lang` text DEFAULT 'en' NOT NULL,
	`group_name` text NOT NULL,
	`city` text NOT NULL,
	`purpose` text NOT NULL,
	`proposed_dates` text,
	`attendees` text DEFAULT '[]' NOT NULL,
	`story` text,
	`official_lang` text DEFAULT 'en' NOT NULL,
	`request_subject` text NOT NULL,
	`request_text` text NOT NULL,
	`confirmed_at` integer,
	`scheduled_for` text,
	`place` text,
	`attendee_list_sent_at` integer,
	`held_on` text,
	`stance_perceived` text,
	`next_steps` text,
	`debrief_notes` text,
	`thank_you_subject` text,
	`thank_you_text` text,
	`thanked_at` integer,
	`report_back_sent_at` integer,
	`declined_at` integer,
	`decline_note` text,
	`origin_ref` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`official_id`) REFERENCES `officials`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_tokenHash_unique` ON `meetings` (`token_hash`);--> statement-breakpoint
CREATE INDEX `meetings_official_idx` ON `meetings` (`official_id`,`confirmed_at`);--> statement-breakpoint
CREATE INDEX `meetings_sender_idx` ON `meetings` (`sender_email`,`created_at`);--> statement-breakpoint
CREATE INDEX `meetings_status_idx` ON `meetings` (`status`,`updated_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_origin_idx` ON `meetings` (`source`,`origin_ref`);--> statement-breakpoint
CREATE TABLE `bill_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`bill_id` text NOT NULL,
	`action_key` text NOT NULL,
	`date` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`chamber` text,
	`chamber_kind` text,
	`description` text NOT NULL,
	`classification` text DEFAULT '[]' NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bill_actions_key_idx` ON `bill_actions` (`bill_id`,`action_key`);--> statement-breakpoint
CREATE INDEX `bill_actions_bill_idx` ON `bill_actions` (`bill_id`,`date`);--> statement-breakpoint
CREATE TABLE `bill_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`bill_id` text NOT NULL,
	`movement_key` text NOT NULL,
	`kind` text NOT NULL,
	`stage_before` text,
	`stage_after` text NOT NULL,
	`headline_en` text NOT NULL,
	`headline_es` text NOT NULL,
	`detail_en` text,
	`detail_es` text,
	`occurred_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`fanout_status` text DEFAULT 'pending' NOT NULL,
	`fanout_after` text DEFAULT '' NOT NULL,
	`fanout_page` integer DEFAULT 0 NOT NULL,
	`fanout_updated_at` integer NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bill_movements_movementKey_unique` ON `bill_movements` (`movement_key`);--> statement-breakpoint
CREATE INDEX `bill_movements_bill_idx` ON `bill_movements` (`bill_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `bill_movements_fanout_idx` ON `bill_movements` (`fanout_status`,`fanout_updated_at`);--> statement-breakpoint
CREATE INDEX `bill_movements_created_idx` ON `bill_movements` (`created_at`);--> statement-breakpoint
CREATE TABLE `bill_sponsors` (
	`bill_id` text NOT NULL,
	`name` text NOT NULL,
	`person_id` text,
	`primary` integer DEFAULT false NOT NULL,
	`classification` text,
	PRIMARY KEY(`bill_id`, `name`),
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `bill_subscription_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`subscription_id` text NOT NULL,
	`purpose` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`subscription_id`) REFERENCES `bill_subscriptions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `bill_subscription_links_sub_idx` ON `bill_subscription_links` (`subscription_id`);--> statement-breakpoint
CREATE INDEX `bill_subscription_links_created_idx` ON `bill_subscription_links` (`purpose`,`created_at`);--> statement-breakpoint
CREATE TABLE `bill_subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`scope_key` text NOT NULL,
	`bill_id` text,
	`state` text NOT NULL,
	`lang` text NOT NULL,
	`frequency` text NOT NULL,
	`status` text NOT NULL,
	`digest_since` integer,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	`unsubscribed_at` integer,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bill_subscriptions_email_scope_idx` ON `bill_subscriptions` (`email`,`scope_key`);--> statement-breakpoint
CREATE INDEX `bill_subscriptions_bill_idx` ON `bill_subscriptions` (`bill_id`,`status`,`frequency`);--> statement-breakpoint
CREATE INDEX `bill_subscriptions_state_idx` ON `bill_subscriptions` (`state`,`status`,`frequency`);--> statement-breakpoint
CREATE TABLE `bill_sync_state` (
	`source` text PRIMARY KEY NOT NULL,
	`last_success_at` integer,
	`last_attempt_at` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE TABLE `bills` (
	`id` text PRIMARY KEY NOT NULL,
	`openstates_id` text,
	`state` text NOT NULL,
	`session` text NOT NULL,
	`identifier` text NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`title_es` text,
	`position` text DEFAULT 'watch' NOT NULL,
	`summary_en` text,
	`summary_es` text,
	`analysis_en` text,
	`analysis_es` text,
	`talking_points_en` text,
	`talking_points_es` text,
	`derived_stage` text DEFAULT 'introduced' NOT NULL,
	`stage_override` text,
	`stage_note_en` text,
	`stage_note_es` text,
	`calls_to_action` text DEFAULT '[]' NOT NULL,
	`sources` text DEFAULT '[]' NOT NULL,
	`tracked` integer DEFAULT true NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`last_movement_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bills_openstatesId_unique` ON `bills` (`openstates_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `bills_state_slug_idx` ON `bills` (`state`,`slug`);--> statement-breakpoint
CREATE INDEX `bills_movement_idx` ON `bills` (`tracked`,`last_movement_at`);--> statement-breakpoint
CREATE TABLE `privacy_erasures` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`organizer_id` text,
	`counts` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `privacy_erasures_at_idx` ON `privacy_erasures` (`at`);