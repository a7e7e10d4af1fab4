-- The admin program (cgi-bin/admin, issue 5): people who sign in, their
-- sessions, failed logins (for the delay and the lockout), the audit log,
-- and who moderated a comment.
--
-- Logins are compared byte for byte (utf8mb4_bin): "Olena" and "olena" are
-- different logins, so no collation can merge two accounts.  A unit is
-- required for editors (the programs check it; moderators and admins have
-- none).
CREATE TABLE users (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	login		VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
			    NOT NULL,
	name		VARCHAR(200) NOT NULL DEFAULT '',
	-- crypto_pwhash_str (argon2id), "$argon2id$v=19$m=...".
	pass_hash	VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin
			    NOT NULL,
	role		ENUM('admin', 'editor', 'moderator') NOT NULL,
	unit_id		SMALLINT UNSIGNED NULL,
	disabled	TINYINT(1) NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	updated_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	UNIQUE KEY uq_users_login (login),
	CONSTRAINT fk_users_unit FOREIGN KEY (unit_id) REFERENCES units (id)
) ENGINE=InnoDB;

-- A session is known by the hash of its id: the id itself lives only in the
-- person's cookie, so a copy of this table signs nobody in.  Expiry (30
-- minutes idle, 12 hours in all) is decided by the program from the times.
CREATE TABLE sessions (
	id_hash		BINARY(32) NOT NULL PRIMARY KEY,
	user_id		INT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	seen_at		DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	KEY ix_sessions_user (user_id),
	KEY ix_sessions_seen (seen_at),
	CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id)
	    ON DELETE CASCADE
) ENGINE=InnoDB;

-- One row per failed login, for unknown logins too (so the answers cannot
-- tell whether a login exists).  Keyed hashes, never the login or the
-- address as typed.
CREATE TABLE login_failures (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	login_hash	BINARY(32) NOT NULL,
	addr_hash	BINARY(32) NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	KEY ix_login_failures_login (login_hash, created_at),
	KEY ix_login_failures_addr (addr_hash, created_at)
) ENGINE=InnoDB;

-- Every change an admin user makes, and every refused attempt (403).
-- Append-only: the triggers below refuse UPDATE and DELETE whoever asks,
-- the admin program's database user included.
CREATE TABLE audit_log (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		INT UNSIGNED NULL,
	login		VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
			    NULL,		-- as it was then
	action		VARCHAR(64) CHARACTER SET ascii NOT NULL,
	object_type	VARCHAR(32) CHARACTER SET ascii NOT NULL DEFAULT '',
	object_id	BIGINT UNSIGNED NULL,
	unit_id		SMALLINT UNSIGNED NULL,
	before_json	MEDIUMTEXT NULL,
	after_json	MEDIUMTEXT NULL,
	detail		VARCHAR(1000) NOT NULL DEFAULT '',
	addr_hash	BINARY(32) NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	KEY ix_audit_created (created_at),
	KEY ix_audit_user (user_id, created_at),
	KEY ix_audit_action (action, created_at),
	KEY ix_audit_object (object_type, object_id)
) ENGINE=InnoDB;

CREATE TRIGGER tr_audit_log_bu BEFORE UPDATE ON audit_log FOR EACH ROW
	SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';
CREATE TRIGGER tr_audit_log_bd BEFORE DELETE ON audit_log FOR EACH ROW
	SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';

-- Who decided a comment's status, when, and why it was rejected.
ALTER TABLE comments
	ADD COLUMN moderated_by INT UNSIGNED NULL AFTER published_at,
	ADD COLUMN moderated_at DATETIME NULL AFTER moderated_by,
	ADD COLUMN reject_reason VARCHAR(32) CHARACTER SET ascii NULL
	    AFTER moderated_at;
