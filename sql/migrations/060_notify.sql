-- E-mail notifications (issue 6): subscriptions with the listing's filters,
-- the events that notify, and the outbox the worker (cgi-bin/notify) sends.
--
-- Events are made by the database, not by the program that changes a row:
-- triggers on consultations, reports and responses insert a notify_events
-- row whoever publishes, closes or answers (the admin, a script, SQL by
-- hand).  "Opens now" and "closes in 3 days" follow from the dates, which
-- no write changes: the worker's periodic query inserts those.  The worker
-- matches each event to the active subscriptions once and queues one outbox
-- row per subscription; (subscription, event) is unique, so a match that is
-- repeated after a crash queues nothing twice.

-- One subscription: an address and a set of filters (the listing's five
-- vocabularies).  The same address may hold several with different filters;
-- asking again with the same filters finds the same row.
--
-- Tokens: a link token is HMAC(server secret, purpose, id, nonce); the row
-- keeps the nonce (to let the worker make the link again) and the SHA-256 of
-- the token (to find the row), never the token: a copy of the database
-- alone confirms and unsubscribes nobody.  A new nonce voids old links.
CREATE TABLE subscriptions (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	-- Lower-cased; compared byte for byte.
	email		VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
			    NOT NULL,
	-- SHA-256 of the canonical filter list: one row per address and set.
	filters_key	BINARY(32) NOT NULL,
	-- How many of the five vocabularies restrict it (0: everything).
	nfacets		TINYINT UNSIGNED NOT NULL DEFAULT 0,
	frequency	ENUM('immediate', 'weekly') NOT NULL DEFAULT 'immediate',
	-- What the last request asked for; applied by the confirmation.
	pending_frequency ENUM('immediate', 'weekly') NOT NULL
			    DEFAULT 'immediate',
	state		ENUM('pending', 'active', 'unsubscribed') NOT NULL
			    DEFAULT 'pending',
	confirm_nonce	BINARY(16) NULL,
	confirm_hash	BINARY(32) NULL,
	confirm_expires_at DATETIME NULL,
	manage_nonce	BINARY(16) NOT NULL,
	manage_hash	BINARY(32) NOT NULL,
	client_hash	BINARY(32) NULL,	-- of the last request
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	requested_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	confirmed_at	DATETIME NULL,
	unsubscribed_at	DATETIME NULL,
	UNIQUE KEY uq_subscriptions_email_filters (email, filters_key),
	UNIQUE KEY uq_subscriptions_confirm (confirm_hash),
	UNIQUE KEY uq_subscriptions_manage (manage_hash),
	-- The unrestricted ones are matched by this key alone.
	KEY ix_subscriptions_match (state, frequency, nfacets)
) ENGINE=InnoDB;

-- The filter values of a subscription.  facet: 0 theme, 1 district,
-- 2 format, 3 participant group, 4 unit (enum tax_kind); value_id: the id
-- in that vocabulary's table.  The primary key leads with (facet, value):
-- an event looks up the few values of its consultation and reads only the
-- subscriptions that name one of them (see lib/db_notify.c).  nfacets is
-- the subscription's, repeated here so that the rows that do not match are
-- dropped before any subscription row is read (half the lookups at 100,000
-- subscriptions, measured).
CREATE TABLE subscription_filters (
	subscription_id	INT UNSIGNED NOT NULL,
	facet		TINYINT UNSIGNED NOT NULL,
	value_id	SMALLINT UNSIGNED NOT NULL,
	nfacets		TINYINT UNSIGNED NOT NULL,
	PRIMARY KEY (facet, value_id, subscription_id),
	KEY ix_subscription_filters_sub (subscription_id),
	CONSTRAINT fk_sf_subscription FOREIGN KEY (subscription_id)
	    REFERENCES subscriptions (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- Requests from the form per client address (keyed hash): the rate limit.
CREATE TABLE subscribe_requests (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	client_hash	BINARY(32) NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	KEY ix_subscribe_requests_client (client_hash, created_at)
) ENGINE=InnoDB;

-- What happened: announced, opened, closes in 3 days, completed (report
-- published), a proposal answered (comment_id).  Unique per consultation,
-- kind and comment, so a status that flips back and forth tells once.
CREATE TABLE notify_events (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	kind		ENUM('announced', 'opened', 'closing', 'completed',
			    'answer') NOT NULL,
	consultation_id	INT UNSIGNED NOT NULL,
	comment_id	INT UNSIGNED NOT NULL DEFAULT 0,
	created_at	DATETIME(3) NOT NULL DEFAULT UTC_TIMESTAMP(3),
	matched_at	DATETIME NULL,
	UNIQUE KEY uq_notify_events (consultation_id, kind, comment_id),
	KEY ix_notify_events_unmatched (matched_at, id)
) ENGINE=InnoDB;

-- An author of a proposal who asked to be told of the answer and the
-- report: the comment form's "notify" checkbox (see 095_notify_report.sql).
ALTER TABLE comments
	ADD COLUMN notify_author TINYINT(1) NOT NULL DEFAULT 0;

-- One message to send.  kind confirm: the double opt-in (subscription);
-- event: an event for a subscription; answer: an answer or report for a
-- proposal's author (email, comment in event).
--
-- Delivery (cgi-bin/notify): a worker claims a due row (claimed_by, and a
-- lease), sends it, and marks it sent.  handed_at is set just before the
-- message's final "." goes to the relay: a row whose lease ran out with
-- handed_at set was possibly delivered and is never sent again (state
-- 'unknown', last_error says why); one without it was not delivered and is
-- sent again.  See cgi-bin/notify.c.
CREATE TABLE outbox (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	kind		ENUM('confirm', 'event', 'answer') NOT NULL,
	subscription_id	INT UNSIGNED NULL,
	event_id	BIGINT UNSIGNED NULL,
	email		VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
			    NOT NULL,
	state		ENUM('queued', 'sent', 'failed', 'unknown') NOT NULL
			    DEFAULT 'queued',
	attempts	SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	next_try_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	claimed_by	VARCHAR(64) CHARACTER SET ascii NULL,
	claimed_at	DATETIME NULL,
	lease_until	DATETIME NULL,
	handed_at	DATETIME NULL,
	sent_at		DATETIME NULL,
	last_code	SMALLINT UNSIGNED NULL,		-- the relay's reply
	last_error	VARCHAR(500) NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	UNIQUE KEY uq_outbox_event (subscription_id, event_id, kind),
	KEY ix_outbox_due (state, next_try_at),
	KEY ix_outbox_email (email, kind, created_at)
) ENGINE=InnoDB;

DELIMITER //

-- Published (from draft): announced, or opened when it is open already.
-- Completed: the results report is out.
CREATE TRIGGER tr_consultations_notify_au AFTER UPDATE ON consultations
FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL THEN
		IF OLD.status = 'draft' AND NEW.status IN ('announced', 'open')
		THEN
			INSERT IGNORE INTO notify_events (kind, consultation_id)
			VALUES (IF(NEW.opens_at > UTC_TIMESTAMP(), 'announced',
			    'opened'), NEW.id);
		END IF;
		IF NEW.status = 'completed' AND OLD.status <> 'completed' THEN
			INSERT IGNORE INTO notify_events (kind, consultation_id)
			VALUES ('completed', NEW.id);
		END IF;
	END IF;
END//

-- A consultation inserted as published (not through a draft).
CREATE TRIGGER tr_consultations_notify_ai AFTER INSERT ON consultations
FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL AND NEW.status IN ('announced', 'open') THEN
		INSERT IGNORE INTO notify_events (kind, consultation_id)
		VALUES (IF(NEW.opens_at > UTC_TIMESTAMP(), 'announced',
		    'opened'), NEW.id);
	END IF;
END//

CREATE TRIGGER tr_reports_notify_ai AFTER INSERT ON reports FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL AND NEW.published_at IS NOT NULL THEN
		INSERT IGNORE INTO notify_events (kind, consultation_id)
		VALUES ('completed', NEW.consultation_id);
	END IF;
END//

CREATE TRIGGER tr_reports_notify_au AFTER UPDATE ON reports FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL AND OLD.published_at IS NULL AND
	    NEW.published_at IS NOT NULL THEN
		INSERT IGNORE INTO notify_events (kind, consultation_id)
		VALUES ('completed', NEW.consultation_id);
	END IF;
END//

CREATE TRIGGER tr_responses_notify_ai AFTER INSERT ON responses FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL THEN
		INSERT IGNORE INTO notify_events (kind, consultation_id,
		    comment_id)
		SELECT 'answer', consultation_id, id FROM comments
		WHERE id = NEW.comment_id AND notify_author = 1;
	END IF;
END//

DELIMITER ;
