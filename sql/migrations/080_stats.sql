-- Efficiency indicators (/stats, issue 8): one summary row per consultation,
-- kept current by the writes, so that the page reads at most a few thousand
-- short rows instead of counting 500,000 comments per request.
--
-- consultation_stats copies what the indicators need from consultations
-- (unit, format, stored status, opening and the end of accepting: closed_at
-- when closed early, else closes_at, as lifecycle_end() in lib/lifecycle.c),
-- the published comment and proposal counts (from the counts 010 keeps),
-- and adds what no other table keeps: distinct e-mails of published
-- comments (participants), published proposals with an answer, those
-- accepted or partly accepted, the latest answer and the report's
-- publication.  stats_authors holds, per consultation and e-mail, how many
-- published comments that address has, so that participants changes only
-- when an address comes or goes.
--
-- A bulk loader (@hromada_bulk, the demo data) skips the triggers and calls
-- stats_rebuild() at the end.  Cascaded deletes fire no triggers: deleting
-- a consultation removes its rows here by the foreign keys.

CREATE TABLE consultation_stats (
	consultation_id	INT UNSIGNED NOT NULL PRIMARY KEY,
	unit_id		SMALLINT UNSIGNED NOT NULL,
	format_id	SMALLINT UNSIGNED NOT NULL,
	status		ENUM('draft', 'announced', 'open', 'closed', 'completed',
			    'cancelled') NOT NULL,
	opens_at	DATETIME NOT NULL,
	ended_at	DATETIME NOT NULL,	-- when accepting ended
	comments	INT UNSIGNED NOT NULL DEFAULT 0,	-- published, kind comment
	proposals	INT UNSIGNED NOT NULL DEFAULT 0,	-- published, kind proposal
	participants	INT UNSIGNED NOT NULL DEFAULT 0,	-- distinct e-mails
	answered	INT UNSIGNED NOT NULL DEFAULT 0,	-- published proposals answered
	accepted	INT UNSIGNED NOT NULL DEFAULT 0,	-- of those, (partly) accepted
	last_answer_at	DATETIME NULL,
	report_at	DATETIME NULL,		-- the report's publication
	KEY ix_cstats_ended (ended_at),
	CONSTRAINT fk_cstats_consultation FOREIGN KEY (consultation_id)
	    REFERENCES consultations (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE stats_authors (
	consultation_id	INT UNSIGNED NOT NULL,
	author_email	VARCHAR(254) NOT NULL,
	n		INT UNSIGNED NOT NULL,
	PRIMARY KEY (consultation_id, author_email),
	CONSTRAINT fk_sauthors_consultation FOREIGN KEY (consultation_id)
	    REFERENCES consultations (id) ON DELETE CASCADE
) ENGINE=InnoDB;

DELIMITER //

-- The latest answer to a published proposal of a consultation (after an
-- answer was changed or removed; one consultation's proposals, by index).
CREATE PROCEDURE stats_last_answer(IN cid INT UNSIGNED)
BEGIN
	UPDATE consultation_stats SET last_answer_at = (
		SELECT MAX(r.answered_at) FROM comments m
		JOIN responses r ON r.comment_id = m.id
		WHERE m.consultation_id = cid AND m.status = 'published'
		    AND m.kind = 'proposal')
	WHERE consultation_id = cid;
END//

CREATE PROCEDURE stats_author(IN cid INT UNSIGNED, IN email VARCHAR(254),
    IN delta INT)
BEGIN
	DECLARE k INT UNSIGNED DEFAULT NULL;

	-- Not ROW_COUNT() after ON DUPLICATE KEY UPDATE: inside a trigger it
	-- said 1 for an update too.  Writers of one consultation's comments
	-- are serialised by 010's update of the consultation row, so reading
	-- first is safe.
	SET k = (SELECT n FROM stats_authors
	    WHERE consultation_id = cid AND author_email = email);
	IF delta > 0 AND k IS NULL THEN
		INSERT INTO stats_authors (consultation_id, author_email, n)
		VALUES (cid, email, 1);
		UPDATE consultation_stats SET participants = participants + 1
		WHERE consultation_id = cid;
	ELSEIF delta > 0 THEN
		UPDATE stats_authors SET n = n + 1
		WHERE consultation_id = cid AND author_email = email;
	ELSEIF k IS NOT NULL AND k > 1 THEN
		UPDATE stats_authors SET n = n - 1
		WHERE consultation_id = cid AND author_email = email;
	ELSEIF k IS NOT NULL THEN
		DELETE FROM stats_authors
		WHERE consultation_id = cid AND author_email = email;
		UPDATE consultation_stats SET participants = participants - 1
		WHERE consultation_id = cid AND participants > 0;
	END IF;
END//

-- A published proposal came (delta 1) or went (-1): its answer, if any,
-- starts or stops counting.
CREATE PROCEDURE stats_proposal(IN cid INT UNSIGNED, IN mid INT UNSIGNED,
    IN delta INT)
BEGIN
	DECLARE d VARCHAR(32) DEFAULT NULL;
	DECLARE at DATETIME DEFAULT NULL;

	-- SET from a subquery: NULL, not a "no data" warning, when none.
	SET d = (SELECT decision FROM responses WHERE comment_id = mid);
	SET at = (SELECT answered_at FROM responses WHERE comment_id = mid);
	IF d IS NOT NULL THEN
		UPDATE consultation_stats SET
		    answered = answered + delta,
		    accepted = accepted + IF(d IN ('accepted',
			'partially-accepted'), delta, 0),
		    last_answer_at = IF(delta > 0, GREATEST(
			COALESCE(last_answer_at, at), at), last_answer_at)
		WHERE consultation_id = cid;
		IF delta < 0 THEN
			CALL stats_last_answer(cid);
		END IF;
	END IF;
END//

CREATE PROCEDURE stats_rebuild()
BEGIN
	DELETE FROM consultation_stats;
	DELETE FROM stats_authors;
	INSERT INTO consultation_stats (consultation_id, unit_id, format_id,
	    status, opens_at, ended_at, comments, proposals)
	SELECT id, unit_id, format_id, status, opens_at,
	    LEAST(closes_at, COALESCE(closed_at, closes_at)),
	    comment_count - proposal_count, proposal_count
	FROM consultations;
	INSERT INTO stats_authors (consultation_id, author_email, n)
	SELECT consultation_id, author_email, COUNT(*) FROM comments
	WHERE status = 'published' GROUP BY consultation_id, author_email;
	UPDATE consultation_stats s JOIN (
		SELECT consultation_id, COUNT(*) AS n FROM stats_authors
		GROUP BY consultation_id) a
	    ON a.consultation_id = s.consultation_id
	SET s.participants = a.n;
	UPDATE consultation_stats s JOIN (
		SELECT m.consultation_id, COUNT(*) AS n,
		    SUM(r.decision IN ('accepted', 'partially-accepted')) AS acc,
		    MAX(r.answered_at) AS last
		FROM comments m JOIN responses r ON r.comment_id = m.id
		WHERE m.status = 'published' AND m.kind = 'proposal'
		GROUP BY m.consultation_id) a
	    ON a.consultation_id = s.consultation_id
	SET s.answered = a.n, s.accepted = a.acc, s.last_answer_at = a.last;
	UPDATE consultation_stats s JOIN reports r
	    ON r.consultation_id = s.consultation_id
	SET s.report_at = r.published_at;
END//

-- Consultations: the copied columns follow every change (a reopening moves
-- ended_at, and with it the period the consultation counts in).
CREATE TRIGGER tr_cstats_consultations_ai AFTER INSERT ON consultations
FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL THEN
		INSERT INTO consultation_stats (consultation_id, unit_id,
		    format_id, status, opens_at, ended_at, comments, proposals)
		VALUES (NEW.id, NEW.unit_id, NEW.format_id, NEW.status,
		    NEW.opens_at, LEAST(NEW.closes_at,
			COALESCE(NEW.closed_at, NEW.closes_at)),
		    NEW.comment_count - NEW.proposal_count, NEW.proposal_count);
	END IF;
END//

CREATE TRIGGER tr_cstats_consultations_au AFTER UPDATE ON consultations
FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL THEN
		INSERT INTO consultation_stats (consultation_id, unit_id,
		    format_id, status, opens_at, ended_at, comments, proposals)
		VALUES (NEW.id, NEW.unit_id, NEW.format_id, NEW.status,
		    NEW.opens_at, LEAST(NEW.closes_at,
			COALESCE(NEW.closed_at, NEW.closes_at)),
		    NEW.comment_count - NEW.proposal_count, NEW.proposal_count)
		ON DUPLICATE KEY UPDATE unit_id = VALUES(unit_id),
		    format_id = VALUES(format_id), status = VALUES(status),
		    opens_at = VALUES(opens_at), ended_at = VALUES(ended_at),
		    comments = VALUES(comments), proposals = VALUES(proposals);
	END IF;
END//

-- Comments: participants and answered proposals.  Counts of comments and
-- proposals arrive through the consultations trigger above (010 updates
-- comment_count and proposal_count).
CREATE TRIGGER tr_cstats_comments_ai AFTER INSERT ON comments FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL AND NEW.status = 'published' THEN
		CALL stats_author(NEW.consultation_id, NEW.author_email, 1);
	END IF;
END//

CREATE TRIGGER tr_cstats_comments_au AFTER UPDATE ON comments FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL THEN
		IF OLD.status = 'published' AND NOT (NEW.status = 'published'
		    AND OLD.author_email <=> NEW.author_email
		    AND OLD.consultation_id <=> NEW.consultation_id) THEN
			CALL stats_author(OLD.consultation_id,
			    OLD.author_email, -1);
		END IF;
		IF NEW.status = 'published' AND NOT (OLD.status = 'published'
		    AND OLD.author_email <=> NEW.author_email
		    AND OLD.consultation_id <=> NEW.consultation_id) THEN
			CALL stats_author(NEW.consultation_id,
			    NEW.author_email, 1);
		END IF;
		IF (OLD.status = 'published' AND OLD.kind = 'proposal') AND
		    NOT (NEW.status = 'published' AND NEW.kind = 'proposal') THEN
			CALL stats_proposal(OLD.consultation_id, OLD.id, -1);
		ELSEIF (NEW.status = 'published' AND NEW.kind = 'proposal') AND
		    NOT (OLD.status = 'published' AND OLD.kind = 'proposal') THEN
			CALL stats_proposal(NEW.consultation_id, NEW.id, 1);
		END IF;
	END IF;
END//

-- BEFORE: the answer is still there (the cascade removes it with the row).
CREATE TRIGGER tr_cstats_comments_bd BEFORE DELETE ON comments FOR EACH ROW
BEGIN
	DECLARE d VARCHAR(32) DEFAULT NULL;

	IF @hromada_bulk IS NULL AND OLD.status = 'published' THEN
		CALL stats_author(OLD.consultation_id, OLD.author_email, -1);
		IF OLD.kind = 'proposal' THEN
			SET d = (SELECT decision FROM responses
			    WHERE comment_id = OLD.id);
			IF d IS NOT NULL THEN
				UPDATE consultation_stats SET
				    answered = answered - 1,
				    accepted = accepted - IF(d IN ('accepted',
					'partially-accepted'), 1, 0)
				WHERE consultation_id = OLD.consultation_id;
			END IF;
		END IF;
	END IF;
END//

CREATE TRIGGER tr_cstats_comments_ad AFTER DELETE ON comments FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL AND OLD.status = 'published'
	    AND OLD.kind = 'proposal' THEN
		CALL stats_last_answer(OLD.consultation_id);
	END IF;
END//

-- Responses: count only answers to published proposals.
CREATE TRIGGER tr_cstats_responses_ai AFTER INSERT ON responses FOR EACH ROW
BEGIN
	DECLARE cid INT UNSIGNED DEFAULT NULL;

	IF @hromada_bulk IS NULL THEN
		SET cid = (SELECT consultation_id FROM comments
		    WHERE id = NEW.comment_id AND status = 'published'
			AND kind = 'proposal');
		IF cid IS NOT NULL THEN
			UPDATE consultation_stats SET answered = answered + 1,
			    accepted = accepted + IF(NEW.decision IN
				('accepted', 'partially-accepted'), 1, 0),
			    last_answer_at = GREATEST(COALESCE(last_answer_at,
				NEW.answered_at), NEW.answered_at)
			WHERE consultation_id = cid;
		END IF;
	END IF;
END//

CREATE TRIGGER tr_cstats_responses_au AFTER UPDATE ON responses FOR EACH ROW
BEGIN
	DECLARE cid INT UNSIGNED DEFAULT NULL;

	IF @hromada_bulk IS NULL THEN
		SET cid = (SELECT consultation_id FROM comments
		    WHERE id = NEW.comment_id AND status = 'published'
			AND kind = 'proposal');
		IF cid IS NOT NULL THEN
			UPDATE consultation_stats SET accepted = accepted +
			    IF(NEW.decision IN ('accepted',
				'partially-accepted'), 1, 0) -
			    IF(OLD.decision IN ('accepted',
				'partially-accepted'), 1, 0)
			WHERE consultation_id = cid;
			IF NOT (OLD.answered_at <=> NEW.answered_at) THEN
				CALL stats_last_answer(cid);
			END IF;
		END IF;
	END IF;
END//

CREATE TRIGGER tr_cstats_responses_ad AFTER DELETE ON responses FOR EACH ROW
BEGIN
	DECLARE cid INT UNSIGNED DEFAULT NULL;

	IF @hromada_bulk IS NULL THEN
		SET cid = (SELECT consultation_id FROM comments
		    WHERE id = OLD.comment_id AND status = 'published'
			AND kind = 'proposal');
		IF cid IS NOT NULL THEN
			UPDATE consultation_stats SET answered = answered - 1,
			    accepted = accepted - IF(OLD.decision IN
				('accepted', 'partially-accepted'), 1, 0)
			WHERE consultation_id = cid;
			CALL stats_last_answer(cid);
		END IF;
	END IF;
END//

CREATE TRIGGER tr_cstats_reports_ai AFTER INSERT ON reports FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL THEN
		UPDATE consultation_stats SET report_at = NEW.published_at
		WHERE consultation_id = NEW.consultation_id;
	END IF;
END//

CREATE TRIGGER tr_cstats_reports_au AFTER UPDATE ON reports FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL THEN
		UPDATE consultation_stats SET report_at = NEW.published_at
		WHERE consultation_id = NEW.consultation_id;
	END IF;
END//

CREATE TRIGGER tr_cstats_reports_ad AFTER DELETE ON reports FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL THEN
		UPDATE consultation_stats SET report_at = NULL
		WHERE consultation_id = OLD.consultation_id;
	END IF;
END//

DELIMITER ;

CALL stats_rebuild();
