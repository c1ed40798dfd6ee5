CREATE TABLE `letter_tallies` (
	`letter_id` text PRIMARY KEY NOT NULL,
	`signatures` integer DEFAULT 0 NOT NULL,
	`unconfirmed` integer DEFAULT 0 NOT NULL,
	`confirmed` integer DEFAULT 0 NOT NULL,
	`signed` integer DEFAULT 0 NOT NULL,
	`named` integer DEFAULT 0 NOT NULL,
	`hidden` integer DEFAULT 0 NOT NULL,
	`verified` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`letter_id`) REFERENCES `letters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Written by hand after the generated statement: the counts follow every insert, change and delete
-- of a signature, in the statement that makes it (src/letters/schema.ts, letterTallies). Each
-- count's condition is the one definition of LetterTally (src/letters/tally.ts).
CREATE TRIGGER `letter_tallies_insert` AFTER INSERT ON `letter_signatures`
BEGIN
  INSERT INTO `letter_tallies` (`letter_id`, `signatures`, `unconfirmed`, `confirmed`, `signed`, `named`, `hidden`, `verified`)
  VALUES (new.`letter_id`,
    (1),
    (new.`confirmed_at` IS NULL),
    (new.`confirmed_at` IS NOT NULL),
    (new.`confirmed_at` IS NOT NULL AND new.`hidden_at` IS NULL),
    (new.`confirmed_at` IS NOT NULL AND new.`hidden_at` IS NULL AND new.`show_publicly` = 1),
    (new.`confirmed_at` IS NOT NULL AND new.`hidden_at` IS NOT NULL),
    (new.`verified_at` IS NOT NULL))
  ON CONFLICT (`letter_id`) DO UPDATE SET
    `signatures` = `signatures` + excluded.`signatures`,
    `unconfirmed` = `unconfirmed` + excluded.`unconfirmed`,
    `confirmed` = `confirmed` + excluded.`confirmed`,
    `signed` = `signed` + excluded.`signed`,
    `named` = `named` + excluded.`named`,
    `hidden` = `hidden` + excluded.`hidden`,
    `verified` = `verified` + excluded.`verified`;
END;
--> statement-breakpoint
CREATE TRIGGER `letter_tallies_delete` AFTER DELETE ON `letter_signatures`
BEGIN
  UPDATE `letter_tallies` SET
    `signatures` = `signatures` - (1),
    `unconfirmed` = `unconfirmed` - (old.`confirmed_at` IS NULL),
    `confirmed` = `confirmed` - (old.`confirmed_at` IS NOT NULL),
    `signed` = `signed` - (old.`confirmed_at` IS NOT NULL AND old.`hidden_at` IS NULL),
    `named` = `named` - (old.`confirmed_at` IS NOT NULL AND old.`hidden_at` IS NULL AND old.`show_publicly` = 1),
    `hidden` = `hidden` - (old.`confirmed_at` IS NOT NULL AND old.`hidden_at` IS NOT NULL),
    `verified` = `verified` - (old.`verified_at` IS NOT NULL)
  WHERE `letter_id` = old.`letter_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `letter_tallies_update` AFTER UPDATE OF `letter_id`, `confirmed_at`, `hidden_at`, `show_publicly`, `verified_at` ON `letter_signatures`
BEGIN
  UPDATE `letter_tallies` SET
    `signatures` = `signatures` - (1),
    `unconfirmed` = `unconfirmed` - (old.`confirmed_at` IS NULL),
    `confirmed` = `confirmed` - (old.`confirmed_at` IS NOT NULL),
    `signed` = `signed` - (old.`confirmed_at` IS NOT NULL AND old.`hidden_at` IS NULL),
    `named` = `named` - (old.`confirmed_at` IS NOT NULL AND old.`hidden_at` IS NULL AND old.`show_publicly` = 1),
    `hidden` = `hidden` - (old.`confirmed_at` IS NOT NULL AND old.`hidden_at` IS NOT NULL),
    `verified` = `verified` - (old.`verified_at` IS NOT NULL)
  WHERE `letter_id` = old.`letter_id`;
  INSERT INTO `letter_tallies` (`letter_id`, `signatures`, `unconfirmed`, `confirmed`, `signed`, `named`, `hidden`, `verified`)
  VALUES (new.`letter_id`,
    (1),
    (new.`confirmed_at` IS NULL),
    (new.`confirmed_at` IS NOT NULL),
    (new.`confirmed_at` IS NOT NULL AND new.`hidden_at` IS NULL),
    (new.`confirmed_at` IS NOT NULL AND new.`hidden_at` IS NULL AND new.`show_publicly` = 1),
    (new.`confirmed_at` IS NOT NULL AND new.`hidden_at` IS NOT NULL),
    (new.`verified_at` IS NOT NULL))
  ON CONFLICT (`letter_id`) DO UPDATE SET
    `signatures` = `signatures` + excluded.`signatures`,
    `unconfirmed` = `unconfirmed` + excluded.`unconfirmed`,
    `confirmed` = `confirmed` + excluded.`confirmed`,
    `signed` = `signed` + excluded.`signed`,
    `named` = `named` + excluded.`named`,
    `hidden` = `hidden` + excluded.`hidden`,
    `verified` = `verified` + excluded.`verified`;
END;
--> statement-breakpoint
-- The signatures stored before this migration.
INSERT INTO `letter_tallies` (`letter_id`, `signatures`, `unconfirmed`, `confirmed`, `signed`, `named`, `hidden`, `verified`)
SELECT s.`letter_id`,
  count(*),
  sum(s.`confirmed_at` IS NULL),
  sum(s.`confirmed_at` IS NOT NULL),
  sum(s.`confirmed_at` IS NOT NULL AND s.`hidden_at` IS NULL),
  sum(s.`confirmed_at` IS NOT NULL AND s.`hidden_at` IS NULL AND s.`show_publicly` = 1),
  sum(s.`confirmed_at` IS NOT NULL AND s.`hidden_at` IS NOT NULL),
  sum(s.`verified_at` IS NOT NULL)
FROM `letter_signatures` s GROUP BY s.`letter_id`;
