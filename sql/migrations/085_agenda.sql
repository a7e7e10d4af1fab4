-- The unified agenda (issue 8): the yearly plan of consultation topics
-- (орієнтовний план, CMU Resolution 996), public at /agenda.
--
-- A topic belongs to the unit that would hold the consultation.  Editors
-- plan their unit's topics; residents and organisations propose topics
-- (status 'proposed', with the proposer's name, e-mail and organisation),
-- which the unit accepts into the plan ('planned') or declines with a
-- reason.  'scheduled' links the consultation that was announced for it,
-- 'held' marks it done.  'spam' is a proposal that filled the honeypot: it
-- is kept (a bot learns nothing) and never shown.
--
-- Public: the topics of a year whose plan is published (agenda_plans), in
-- the statuses planned, scheduled, held and declined; proposals awaiting a
-- decision are only counted, so that nothing a resident typed is shown
-- before the unit has read it (the unit's decision is the moderation).
CREATE TABLE agenda_plans (
	year		SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
	published_at	DATETIME NULL,
	published_by	INT UNSIGNED NULL
) ENGINE=InnoDB;

CREATE TABLE agenda_items (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	year		SMALLINT UNSIGNED NOT NULL,
	quarter		TINYINT UNSIGNED NOT NULL,
	topic		VARCHAR(300) NOT NULL,
	description	TEXT NOT NULL,
	unit_id		SMALLINT UNSIGNED NOT NULL,
	format_id	SMALLINT UNSIGNED NULL,		-- planned format
	status		ENUM('proposed', 'planned', 'scheduled', 'held',
			    'declined', 'spam') NOT NULL DEFAULT 'proposed',
	consultation_id	INT UNSIGNED NULL,		-- scheduled, held
	decline_reason	TEXT NULL,
	-- A resident's or organisation's proposal; the e-mail is never shown.
	proposer_name	VARCHAR(200) NULL,
	proposer_email	VARCHAR(254) NULL,
	proposer_org	VARCHAR(300) NULL,
	client_hash	BINARY(32) NULL,		-- keyed hash, never the address
	submit_key	BINARY(32) NULL,		-- one row per double submission
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	updated_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	created_by	INT UNSIGNED NULL,		-- NULL: a proposal
	updated_by	INT UNSIGNED NULL,
	decided_at	DATETIME NULL,			-- accepted or declined
	decided_by	INT UNSIGNED NULL,
	CONSTRAINT ck_agenda_quarter CHECK (quarter BETWEEN 1 AND 4),
	UNIQUE KEY ux_agenda_submit_key (submit_key),
	KEY ix_agenda_year (year, status, quarter),
	KEY ix_agenda_unit (unit_id, year),
	KEY ix_agenda_client (client_hash, created_at),
	KEY ix_agenda_consultation (consultation_id),
	CONSTRAINT fk_agenda_unit FOREIGN KEY (unit_id) REFERENCES units (id),
	CONSTRAINT fk_agenda_format FOREIGN KEY (format_id)
	    REFERENCES formats (id),
	CONSTRAINT fk_agenda_consultation FOREIGN KEY (consultation_id)
	    REFERENCES consultations (id) ON DELETE SET NULL
) ENGINE=InnoDB;

CREATE TABLE agenda_item_themes (
	item_id		INT UNSIGNED NOT NULL,
	theme_id	SMALLINT UNSIGNED NOT NULL,
	PRIMARY KEY (item_id, theme_id),
	CONSTRAINT fk_ait_item FOREIGN KEY (item_id)
	    REFERENCES agenda_items (id) ON DELETE CASCADE,
	CONSTRAINT fk_ait_theme FOREIGN KEY (theme_id) REFERENCES themes (id)
) ENGINE=InnoDB;

CREATE TABLE agenda_item_districts (
	item_id		INT UNSIGNED NOT NULL,
	district_id	SMALLINT UNSIGNED NOT NULL,
	PRIMARY KEY (item_id, district_id),
	CONSTRAINT fk_aid_item FOREIGN KEY (item_id)
	    REFERENCES agenda_items (id) ON DELETE CASCADE,
	CONSTRAINT fk_aid_district FOREIGN KEY (district_id)
	    REFERENCES districts (id)
) ENGINE=InnoDB;
