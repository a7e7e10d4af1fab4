-- Issue 8, second part: the indicator "announced in the agenda beforehand"
-- kept in the summary rows of 080_stats.sql, and the e-mail that tells the
-- proposer of an agenda topic what the unit decided.
--
-- A consultation counts as announced in the agenda beforehand when a topic
-- of the plan (085_agenda.sql) in status scheduled or held links to it and
-- that topic was public in a published plan before the consultation was
-- announced.  A topic is public in the plan from the later of the plan's
-- publication and the topic's own entry into it (the unit's decision for a
-- resident's proposal, else its creation): a topic added to a plan after
-- the consultation was announced did not announce it.  The consultation is
-- announced when it was published (published_at; opens_at for rows that
-- never recorded it).
--
-- consultation_stats keeps both times, so that the program compares them
-- and the figure can be checked: agenda_at, the earliest time a linking
-- topic was public (NULL: none), and announced_at.  Triggers on
-- agenda_items, agenda_plans and consultations keep them current.

ALTER TABLE consultation_stats
	ADD COLUMN agenda_at DATETIME NULL,
	ADD COLUMN announced_at DATETIME NULL;

-- The decision on a proposed topic, for its proposer (cgi-bin/notify).
-- agenda_item_id is unique: one message per decision, whoever repeats it.
ALTER TABLE outbox
	MODIFY kind ENUM('confirm', 'event', 'answer', 'agenda') NOT NULL,
	ADD COLUMN agenda_item_id INT UNSIGNED NULL,
	ADD UNIQUE KEY uq_outbox_agenda (agenda_item_id);

DELIMITER //

CREATE PROCEDURE stats_agenda(IN cid INT UNSIGNED)
BEGIN
	UPDATE consultation_stats SET agenda_at = (
		SELECT MIN(GREATEST(p.published_at,
		    COALESCE(i.decided_at, i.created_at)))
		FROM agenda_items i
		JOIN agenda_plans p ON p.year = i.year
		WHERE i.consultation_id = cid
		    AND i.status IN ('scheduled', 'held')
		    AND p.published_at IS NOT NULL)
	WHERE consultation_id = cid;
END//

-- The same for every consultation a year's topics link to (a plan
-- published, or its date changed).
CREATE PROCEDURE stats_agenda_year(IN y SMALLINT UNSIGNED)
BEGIN
	UPDATE consultation_stats s SET s.agenda_at = (
		SELECT MIN(GREATEST(p.published_at,
		    COALESCE(i.decided_at, i.created_at)))
		FROM agenda_items i
		JOIN agenda_plans p ON p.year = i.year
		WHERE i.consultation_id = s.consultation_id
		    AND i.status IN ('scheduled', 'held')
		    AND p.published_at IS NOT NULL)
	WHERE s.consultation_id IN (SELECT consultation_id FROM agenda_items
	    WHERE year = y AND consultation_id IS NOT NULL);
END//

-- 080's stats_rebuild(), and the two times above.
DROP PROCEDURE stats_rebuild//
CREATE PROCEDURE stats_rebuild()
BEGIN
	DELETE FROM consultation_stats;
	DELETE FROM stats_authors;
	INSERT INTO consultation_stats (consultation_id, unit_id, format_id,
	    status, opens_at, ended_at, comments, proposals, announced_at)
	SELECT id, unit_id, format_id, status, opens_at,
	    LEAST(closes_at, COALESCE(closed_at, closes_at)),
	    comment_count - proposal_count, proposal_count,
	    COALESCE(published_at, opens_at)
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
	UPDATE consultation_stats s JOIN (
		SELECT i.consultation_id, MIN(GREATEST(p.published_at,
		    COALESCE(i.decided_at, i.created_at))) AS at
		FROM agenda_items i JOIN agenda_plans p ON p.year = i.year
		WHERE i.consultation_id IS NOT NULL
		    AND i.status IN ('scheduled', 'held')
		    AND p.published_at IS NOT NULL
		GROUP BY i.consultation_id) a
	    ON a.consultation_id = s.consultation_id
	SET s.agenda_at = a.at;
END//

-- AFTER 080's triggers on consultations (created later, so fired later):
-- the summary row exists.
CREATE TRIGGER tr_cstats_agenda_consultations_ai AFTER INSERT ON consultations
FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL THEN
		UPDATE consultation_stats
		SET announced_at = COALESCE(NEW.published_at, NEW.opens_at)
		WHERE consultation_id = NEW.id;
	END IF;
END//

CREATE TRIGGER tr_cstats_agenda_consultations_au AFTER UPDATE ON consultations
FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL AND NOT (OLD.published_at <=> NEW.published_at
	    AND OLD.opens_at <=> NEW.opens_at) THEN
		UPDATE consultation_stats
		SET announced_at = COALESCE(NEW.published_at, NEW.opens_at)
		WHERE consultation_id = NEW.id;
	END IF;
END//

CREATE TRIGGER tr_cstats_agenda_items_ai AFTER INSERT ON agenda_items
FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL AND NEW.consultation_id IS NOT NULL THEN
		CALL stats_agenda(NEW.consultation_id);
	END IF;
END//

-- Also the decision's e-mail: a proposal leaving 'proposed' for the plan
-- or declined (the admin's decision; any other change is not told).
CREATE TRIGGER tr_cstats_agenda_items_au AFTER UPDATE ON agenda_items
FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL THEN
		IF NOT (OLD.consultation_id <=> NEW.consultation_id
		    AND OLD.status <=> NEW.status AND OLD.year <=> NEW.year
		    AND OLD.created_at <=> NEW.created_at
		    AND OLD.decided_at <=> NEW.decided_at) THEN
			IF OLD.consultation_id IS NOT NULL THEN
				CALL stats_agenda(OLD.consultation_id);
			END IF;
			IF NEW.consultation_id IS NOT NULL AND NOT
			    (OLD.consultation_id <=> NEW.consultation_id) THEN
				CALL stats_agenda(NEW.consultation_id);
			END IF;
		END IF;
		IF OLD.status = 'proposed' AND NEW.status IN ('planned',
		    'declined') AND COALESCE(NEW.proposer_email, '') <> '' THEN
			INSERT IGNORE INTO outbox (kind, agenda_item_id, email)
			VALUES ('agenda', NEW.id, LOWER(NEW.proposer_email));
		END IF;
	END IF;
END//

CREATE TRIGGER tr_cstats_agenda_items_ad AFTER DELETE ON agenda_items
FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL AND OLD.consultation_id IS NOT NULL THEN
		CALL stats_agenda(OLD.consultation_id);
	END IF;
END//

CREATE TRIGGER tr_cstats_agenda_plans_ai AFTER INSERT ON agenda_plans
FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL THEN
		CALL stats_agenda_year(NEW.year);
	END IF;
END//

CREATE TRIGGER tr_cstats_agenda_plans_au AFTER UPDATE ON agenda_plans
FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL AND NOT (OLD.published_at <=> NEW.published_at
	    AND OLD.year <=> NEW.year) THEN
		CALL stats_agenda_year(OLD.year);
		IF OLD.year <> NEW.year THEN
			CALL stats_agenda_year(NEW.year);
		END IF;
	END IF;
END//

CREATE TRIGGER tr_cstats_agenda_plans_ad AFTER DELETE ON agenda_plans
FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL THEN
		CALL stats_agenda_year(OLD.year);
	END IF;
END//

DELIMITER ;

CALL stats_rebuild();
