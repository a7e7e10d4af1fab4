-- Hromada schema, first migration: reference data, consultations, participation.
-- All times are UTC (DATETIME); programs convert to Europe/Kyiv for display and
-- for the "city time" rules.  Text columns searched by people use
-- utf8mb4_uca1400_ai_ci (case- and accent-insensitive: ї = і); slugs, logins and
-- tokens use utf8mb4_bin so that distinct spellings stay distinct.

CREATE TABLE districts (
	id		SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	slug		VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	name_uk		VARCHAR(200) NOT NULL,
	name_en		VARCHAR(200) NOT NULL,
	sort		SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	UNIQUE KEY uq_districts_slug (slug)
) ENGINE=InnoDB;

CREATE TABLE themes (
	id		SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	slug		VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	name_uk		VARCHAR(200) NOT NULL,
	name_en		VARCHAR(200) NOT NULL,
	sort		SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	UNIQUE KEY uq_themes_slug (slug)
) ENGINE=InnoDB;

CREATE TABLE formats (
	id		SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	slug		VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	name_uk		VARCHAR(200) NOT NULL,
	name_en		VARCHAR(200) NOT NULL,
	mode		ENUM('online', 'offline', 'mixed') NOT NULL,
	sort		SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	UNIQUE KEY uq_formats_slug (slug)
) ENGINE=InnoDB;

CREATE TABLE participant_groups (
	id		SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	slug		VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	name_uk		VARCHAR(200) NOT NULL,
	name_en		VARCHAR(200) NOT NULL,
	sort		SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	UNIQUE KEY uq_groups_slug (slug)
) ENGINE=InnoDB;

-- Organisers: city departments, the council secretariat and the ten district
-- state administrations (kind 'rda', linked to their district).
CREATE TABLE units (
	id		SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	slug		VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	name_uk		VARCHAR(300) NOT NULL,
	name_en		VARCHAR(300) NOT NULL,
	kind		ENUM('department', 'rda', 'council') NOT NULL,
	district_id	SMALLINT UNSIGNED NULL,
	sort		SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	UNIQUE KEY uq_units_slug (slug),
	CONSTRAINT fk_units_district FOREIGN KEY (district_id)
	    REFERENCES districts (id)
) ENGINE=InnoDB;

-- status holds the lifecycle decision an editor made (draft, published as
-- 'announced', 'completed', 'cancelled'); whether a published consultation is
-- announced, open or closed follows from opens_at/closes_at (and closed_at
-- when closed early) and is computed by the programs, never stored stale.
CREATE TABLE consultations (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	slug		VARCHAR(120) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	title		VARCHAR(300) NOT NULL,
	summary		TEXT NOT NULL,
	body		MEDIUMTEXT NOT NULL,		-- Markdown
	unit_id		SMALLINT UNSIGNED NOT NULL,
	format_id	SMALLINT UNSIGNED NOT NULL,
	status		ENUM('draft', 'announced', 'open', 'closed', 'completed',
			    'cancelled') NOT NULL DEFAULT 'draft',
	moderation	ENUM('pre', 'post') NOT NULL DEFAULT 'pre',
	opens_at	DATETIME NOT NULL,
	closes_at	DATETIME NOT NULL,
	event_at	DATETIME NULL,			-- in-person formats
	event_place	VARCHAR(300) NULL,
	-- Announcement fields required by CMU Resolution 996 and KMDA practice.
	question	TEXT NOT NULL,
	alternatives	TEXT NOT NULL,
	stakeholders	TEXT NOT NULL,
	consequences	TEXT NOT NULL,
	how_to_participate TEXT NOT NULL,
	contact_name	VARCHAR(200) NOT NULL,
	contact_email	VARCHAR(254) NOT NULL,
	contact_phone	VARCHAR(40) NOT NULL DEFAULT '',
	results_publication TEXT NOT NULL,
	-- Recorded facts for the indicators and the lifecycle.
	published_at	DATETIME NULL,
	closed_at	DATETIME NULL,			-- set when closed early
	close_reason	VARCHAR(1000) NULL,
	completed_at	DATETIME NULL,
	cancelled_at	DATETIME NULL,
	cancel_reason	VARCHAR(1000) NULL,
	comment_count	INT UNSIGNED NOT NULL DEFAULT 0,	-- published only
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	updated_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	created_by	INT UNSIGNED NULL,
	updated_by	INT UNSIGNED NULL,
	KEY ix_consultations_unit (unit_id),
	KEY ix_consultations_format (format_id),
	KEY ix_consultations_status_dates (status, opens_at, closes_at),
	KEY ix_consultations_slug (slug),
	FULLTEXT KEY ft_consultations (title, summary, body),
	CONSTRAINT fk_consultations_unit FOREIGN KEY (unit_id)
	    REFERENCES units (id),
	CONSTRAINT fk_consultations_format FOREIGN KEY (format_id)
	    REFERENCES formats (id)
) ENGINE=InnoDB;

CREATE TABLE consultation_themes (
	consultation_id	INT UNSIGNED NOT NULL,
	theme_id	SMALLINT UNSIGNED NOT NULL,
	PRIMARY KEY (consultation_id, theme_id),
	KEY ix_ct_theme (theme_id, consultation_id),
	CONSTRAINT fk_ct_consultation FOREIGN KEY (consultation_id)
	    REFERENCES consultations (id) ON DELETE CASCADE,
	CONSTRAINT fk_ct_theme FOREIGN KEY (theme_id) REFERENCES themes (id)
) ENGINE=InnoDB;

CREATE TABLE consultation_districts (
	consultation_id	INT UNSIGNED NOT NULL,
	district_id	SMALLINT UNSIGNED NOT NULL,
	PRIMARY KEY (consultation_id, district_id),
	KEY ix_cd_district (district_id, consultation_id),
	CONSTRAINT fk_cd_consultation FOREIGN KEY (consultation_id)
	    REFERENCES consultations (id) ON DELETE CASCADE,
	CONSTRAINT fk_cd_district FOREIGN KEY (district_id)
	    REFERENCES districts (id)
) ENGINE=InnoDB;

CREATE TABLE consultation_groups (
	consultation_id	INT UNSIGNED NOT NULL,
	group_id	SMALLINT UNSIGNED NOT NULL,
	PRIMARY KEY (consultation_id, group_id),
	KEY ix_cg_group (group_id, consultation_id),
	CONSTRAINT fk_cg_consultation FOREIGN KEY (consultation_id)
	    REFERENCES consultations (id) ON DELETE CASCADE,
	CONSTRAINT fk_cg_group FOREIGN KEY (group_id)
	    REFERENCES participant_groups (id)
) ENGINE=InnoDB;

CREATE TABLE documents (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	consultation_id	INT UNSIGNED NOT NULL,
	title		VARCHAR(300) NOT NULL,
	url		VARCHAR(1000) NULL,		-- an external link, or
	file_hash	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
	file_name	VARCHAR(255) NULL,		-- an upload by content hash
	mime_type	VARCHAR(100) NOT NULL DEFAULT 'application/pdf',
	size_bytes	INT UNSIGNED NOT NULL DEFAULT 0,
	sort		SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	KEY ix_documents_consultation (consultation_id, sort),
	CONSTRAINT fk_documents_consultation FOREIGN KEY (consultation_id)
	    REFERENCES consultations (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE comments (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	consultation_id	INT UNSIGNED NOT NULL,
	parent_id	INT UNSIGNED NULL,
	kind		ENUM('comment', 'proposal') NOT NULL,
	author_name	VARCHAR(200) NOT NULL,
	author_email	VARCHAR(254) NOT NULL,		-- never shown publicly
	organisation	VARCHAR(300) NULL,
	body		TEXT NOT NULL,
	status		ENUM('pending', 'published', 'rejected', 'spam')
			    NOT NULL DEFAULT 'pending',
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	published_at	DATETIME NULL,
	client_hash	BINARY(32) NULL,		-- keyed hash, never the address
	KEY ix_comments_public (consultation_id, status, id),
	KEY ix_comments_status (status, created_at),
	CONSTRAINT fk_comments_consultation FOREIGN KEY (consultation_id)
	    REFERENCES consultations (id) ON DELETE CASCADE,
	CONSTRAINT fk_comments_parent FOREIGN KEY (parent_id)
	    REFERENCES comments (id) ON DELETE SET NULL
) ENGINE=InnoDB;

-- One official answer per proposal.
CREATE TABLE responses (
	comment_id	INT UNSIGNED NOT NULL PRIMARY KEY,
	decision	ENUM('accepted', 'partially-accepted', 'rejected',
			    'out-of-scope') NOT NULL,
	reason		TEXT NOT NULL,
	answered_by	INT UNSIGNED NULL,
	answered_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	CONSTRAINT fk_responses_comment FOREIGN KEY (comment_id)
	    REFERENCES comments (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE reports (
	consultation_id	INT UNSIGNED NOT NULL PRIMARY KEY,
	summary		MEDIUMTEXT NOT NULL,		-- Markdown
	published_at	DATETIME NULL,
	created_by	INT UNSIGNED NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	CONSTRAINT fk_reports_consultation FOREIGN KEY (consultation_id)
	    REFERENCES consultations (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- Bumped by every write that changes what the listing shows, so that each
-- worker's in-memory facet index knows when to reload (one indexed read per
-- request instead of a scan).
CREATE TABLE listing_version (
	id		TINYINT UNSIGNED NOT NULL PRIMARY KEY,
	version		BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB;
INSERT INTO listing_version VALUES (1, 1);
