-- Issue 8, second part: the indicator "announced in the agenda beforehand"
-- kept in the summary rows of 080_stats.sql, participants counted once per
-- period (not once per consultation), and the e-mail that tells the
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
	ADD COLUMN announced_at DATETIME NULL,
	-- The period (quarter key, below) and unit whose participants hold this
	-- consultation's authors; NULL while it is not held.
	ADD COLUMN counted_q INT UNSIGNED NULL,
	ADD COLUMN counted_unit SMALLINT UNSIGNED NULL,
	ADD KEY ix_cstats_uncounted (counted_q, status, ended_at);

-- Participants: distinct e-mails of the published comments of the held
-- consultations of a period, for the city and each unit.  A period is a
-- quarter or a year in Kyiv time, by the end of accepting (as the page's
-- periods): pkey = year * 10 + quarter, or year * 10 for the year;
-- unit_id 0 is the city.  stats_period_authors holds, per period, unit and
-- address, how many such comments there are (stats_authors summed over the
-- period's consultations), so that participants changes only when an
-- address comes or goes; a comment or a consultation touches four rows.
--
-- "Held" follows the clock (accepting ends with no write), so a
-- consultation is counted (counted_q) when a write finds it held -- the
-- triggers below on every change of its summary row -- or when the stats
-- program's refresh (lib/db_stats.c, STMT_REFRESH: an UPDATE of the rows
-- that ended since, through the same trigger) does, before it reads.
CREATE TABLE stats_period_authors (
	pkey		INT UNSIGNED NOT NULL,
	unit_id		SMALLINT UNSIGNED NOT NULL,
	author_email	VARCHAR(254) NOT NULL,
	n		INT UNSIGNED NOT NULL,
	PRIMARY KEY (pkey, unit_id, author_email)
) ENGINE=InnoDB;

CREATE TABLE stats_period_participants (
	pkey		INT UNSIGNED NOT NULL,
	unit_id		SMALLINT UNSIGNED NOT NULL,
	participants	INT UNSIGNED NOT NULL DEFAULT 0,
	PRIMARY KEY (pkey, unit_id)
) ENGINE=InnoDB;

-- The decision on a proposed topic, for its proposer (cgi-bin/notify).
-- agenda_item_id is unique: one message per decision, whoever repeats it.
ALTER TABLE outbox
	MODIFY kind ENUM('confirm', 'event', 'answer', 'agenda') NOT NULL,
	ADD COLUMN agenda_item_id INT UNSIGNED NULL,
	ADD UNIQUE KEY uq_outbox_agenda (agenda_item_id);

DELIMITER //

-- The quarter key of a time: year * 10 + quarter in Kyiv time.  Kyiv is
-- UTC+2 on 1 January and UTC+3 on 1 April, 1 July and 1 October (summer
-- time runs from the last Sunday of March to the last of October), so the
-- quarter of t + 3 hours is right but for the hour before midnight of
-- 1 January.  (No time zone tables are loaded in the server.)
CREATE FUNCTION stats_qkey(t DATETIME) RETURNS INT UNSIGNED DETERMINISTIC
BEGIN
	DECLARE t3 DATETIME DEFAULT t + INTERVAL 3 HOUR;

	IF QUARTER(t3) = 1 AND YEAR(t + INTERVAL 2 HOUR) < YEAR(t3) THEN
		RETURN (YEAR(t3) - 1) * 10 + 4;
	END IF;
	RETURN YEAR(t3) * 10 + QUARTER(t3);
END//

-- Adds (sign 1) or takes away (-1) the authors of one consultation
-- (stats_authors) to or from the four rows of its period q and unit u:
-- set-based, one statement per step whatever the number of authors.
-- Concurrent writers: the upsert comes first and locks the rows it
-- touches, then what is new (n equal to this consultation's own count) or
-- gone (n 0) is read from those rows, which this transaction wrote: a
-- count read before the write could miss an address another transaction
-- adds meanwhile.
CREATE PROCEDURE stats_period_consultation(IN cid INT UNSIGNED,
    IN q INT UNSIGNED, IN u SMALLINT UNSIGNED, IN sign INT)
BEGIN
	DECLARE k INT DEFAULT 0;
	DECLARE pk INT UNSIGNED;
	DECLARE pu SMALLINT UNSIGNED;
	DECLARE d INT;

	WHILE k < 4 DO
		SET pk = IF(k < 2, q, q DIV 10 * 10), pu = IF(k % 2 = 0, u, 0);
		IF sign > 0 THEN
			INSERT INTO stats_period_authors (pkey, unit_id,
			    author_email, n)
			SELECT pk, pu, author_email, n FROM stats_authors
			WHERE consultation_id = cid
			ON DUPLICATE KEY UPDATE n = stats_period_authors.n +
			    VALUES(n);
			SET d = (SELECT COUNT(*) FROM stats_period_authors m
			    JOIN stats_authors a ON m.pkey = pk
				AND m.unit_id = pu
				AND m.author_email = a.author_email
			    WHERE a.consultation_id = cid AND m.n = a.n);
		ELSE
			UPDATE stats_period_authors m JOIN stats_authors a
			    ON m.pkey = pk AND m.unit_id = pu
				AND m.author_email = a.author_email
			SET m.n = m.n - LEAST(m.n, a.n)
			WHERE a.consultation_id = cid;
			SET d = -(SELECT COUNT(*) FROM stats_period_authors m
			    JOIN stats_authors a ON m.pkey = pk
				AND m.unit_id = pu
				AND m.author_email = a.author_email
			    WHERE a.consultation_id = cid AND m.n = 0);
			DELETE m FROM stats_period_authors m
			JOIN stats_authors a ON m.pkey = pk AND m.unit_id = pu
			    AND m.author_email = a.author_email
			WHERE a.consultation_id = cid AND m.n = 0;
		END IF;
		INSERT INTO stats_period_participants (pkey, unit_id,
		    participants) VALUES (pk, pu, GREATEST(d, 0))
		ON DUPLICATE KEY UPDATE participants =
		    GREATEST(CAST(participants AS SIGNED) + d, 0);
		SET k = k + 1;
	END WHILE;
END//

-- One address's comments in a counted consultation changed by delta.  The
-- same order as above (the address's row, then the counter), so that two
-- comments by one address in two consultations of a period at once
-- neither both insert it nor miss it.
CREATE PROCEDURE stats_period_author(IN cid INT UNSIGNED,
    IN email VARCHAR(254), IN delta INT)
BEGIN
	DECLARE q INT UNSIGNED DEFAULT NULL;
	DECLARE u SMALLINT UNSIGNED DEFAULT NULL;
	DECLARE k INT DEFAULT 0;
	DECLARE pk INT UNSIGNED;
	DECLARE pu SMALLINT UNSIGNED;
	DECLARE now_n INT;

	SET q = (SELECT counted_q FROM consultation_stats
	    WHERE consultation_id = cid);
	SET u = (SELECT counted_unit FROM consultation_stats
	    WHERE consultation_id = cid);
	WHILE q IS NOT NULL AND delta <> 0 AND k < 4 DO
		SET pk = IF(k < 2, q, q DIV 10 * 10), pu = IF(k % 2 = 0, u, 0);
		IF delta > 0 THEN
			INSERT INTO stats_period_authors (pkey, unit_id,
			    author_email, n) VALUES (pk, pu, email, delta)
			ON DUPLICATE KEY UPDATE n = n + VALUES(n);
		ELSE
			UPDATE stats_period_authors
			SET n = n - LEAST(n, -delta)
			WHERE pkey = pk AND unit_id = pu AND author_email = email;
		END IF;
		SET now_n = (SELECT n FROM stats_period_authors
		    WHERE pkey = pk AND unit_id = pu AND author_email = email);
		IF delta > 0 AND now_n = delta THEN
			INSERT INTO stats_period_participants (pkey, unit_id,
			    participants) VALUES (pk, pu, 1)
			ON DUPLICATE KEY UPDATE participants = participants + 1;
		ELSEIF delta < 0 AND now_n = 0 THEN
			DELETE FROM stats_period_authors
			WHERE pkey = pk AND unit_id = pu AND author_email = email;
			UPDATE stats_period_participants
			SET participants = participants - 1
			WHERE pkey = pk AND unit_id = pu AND participants > 0;
		END IF;
		SET k = k + 1;
	END WHILE;
END//

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
	DECLARE bulk INT DEFAULT @hromada_bulk;

	-- Set-based below, not row by row through the triggers.
	SET @hromada_bulk = 1;
	DELETE FROM consultation_stats;
	DELETE FROM stats_authors;
	INSERT INTO consultation_stats (consultation_id, unit_id, format_id,
	    status, opens_at, ended_at, comments, proposals, announced_at)
	SELECT id, unit_id, format_id, status, opens_at,
	    LEAST(closes_at, COALESCE(closed_at, closes_at)),
	    comment_count - proposal_count, proposal_count,
	    COALESCE(published_at, opens_at)
	FROM consultations
	-- The archive (105) is imported without summary rows: it stays out.
	WHERE archived_at IS NULL;
	INSERT INTO stats_authors (consultation_id, author_email, n)
	SELECT m.consultation_id, m.author_email, COUNT(*) FROM comments m
	JOIN consultations c ON c.id = m.consultation_id
	WHERE m.status = 'published' AND c.archived_at IS NULL
	GROUP BY m.consultation_id, m.author_email;
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
	UPDATE consultation_stats SET
	    counted_q = IF(status IN ('announced', 'open', 'closed',
		'completed') AND (status = 'completed'
		OR ended_at <= UTC_TIMESTAMP()), stats_qkey(ended_at), NULL),
	    counted_unit = IF(counted_q IS NULL, NULL, unit_id);
	DELETE FROM stats_period_authors;
	DELETE FROM stats_period_participants;
	-- The four rows of each author row in one pass (k: the quarter or
	-- the year, of the unit or the city): a GROUP BY of the addresses
	-- took three times as long.
	INSERT INTO stats_period_authors (pkey, unit_id, author_email, n)
	SELECT IF(k.k < 2, s.counted_q, s.counted_q DIV 10 * 10),
	    IF(k.k % 2 = 0, s.counted_unit, 0), a.author_email, a.n
	FROM stats_authors a
	JOIN consultation_stats s ON s.consultation_id = a.consultation_id
	JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2
	    UNION ALL SELECT 3) k
	WHERE s.counted_q IS NOT NULL
	ON DUPLICATE KEY UPDATE n = stats_period_authors.n + VALUES(n);
	INSERT INTO stats_period_participants (pkey, unit_id, participants)
	SELECT pkey, unit_id, COUNT(*) FROM stats_period_authors
	GROUP BY pkey, unit_id;
	SET @hromada_bulk = bulk;
END//

-- Counting a consultation's authors in its period follows every change of
-- its summary row (080's triggers write it on every change of the
-- consultation, a reopening included): uncounted from the period it was
-- in, counted in the one it is held in now, if any.
CREATE TRIGGER tr_cstats_period_bi BEFORE INSERT ON consultation_stats
FOR EACH ROW
BEGIN
	-- A new row has no authors yet: only the mark.  (Also run for the
	-- insert half of INSERT ... ON DUPLICATE KEY UPDATE, so no side
	-- effects here.)
	IF @hromada_bulk IS NULL AND NEW.status IN ('announced', 'open',
	    'closed', 'completed') AND (NEW.status = 'completed'
	    OR NEW.ended_at <= UTC_TIMESTAMP()) THEN
		SET NEW.counted_q = stats_qkey(NEW.ended_at),
		    NEW.counted_unit = NEW.unit_id;
	ELSE
		SET NEW.counted_q = NULL, NEW.counted_unit = NULL;
	END IF;
END//

CREATE TRIGGER tr_cstats_period_bu BEFORE UPDATE ON consultation_stats
FOR EACH ROW
BEGIN
	DECLARE q INT UNSIGNED DEFAULT NULL;

	IF @hromada_bulk IS NULL THEN
		IF NEW.status IN ('announced', 'open', 'closed', 'completed')
		    AND (NEW.status = 'completed'
		    OR NEW.ended_at <= UTC_TIMESTAMP()) THEN
			SET q = stats_qkey(NEW.ended_at);
		END IF;
		IF NOT (OLD.counted_q <=> q AND OLD.counted_unit <=>
		    IF(q IS NULL, NULL, NEW.unit_id)) THEN
			IF OLD.counted_q IS NOT NULL THEN
				CALL stats_period_consultation(
				    OLD.consultation_id, OLD.counted_q,
				    OLD.counted_unit, -1);
			END IF;
			IF q IS NOT NULL THEN
				CALL stats_period_consultation(
				    NEW.consultation_id, q, NEW.unit_id, 1);
			END IF;
		END IF;
		SET NEW.counted_q = q,
		    NEW.counted_unit = IF(q IS NULL, NULL, NEW.unit_id);
	END IF;
END//

-- An address's comments in a consultation (080's stats_author()).
CREATE TRIGGER tr_sauthors_period_ai AFTER INSERT ON stats_authors
FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL THEN
		CALL stats_period_author(NEW.consultation_id,
		    NEW.author_email, NEW.n);
	END IF;
END//

CREATE TRIGGER tr_sauthors_period_au AFTER UPDATE ON stats_authors
FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL THEN
		CALL stats_period_author(NEW.consultation_id,
		    NEW.author_email, CAST(NEW.n AS SIGNED) - OLD.n);
	END IF;
END//

CREATE TRIGGER tr_sauthors_period_ad AFTER DELETE ON stats_authors
FOR EACH ROW
BEGIN
	IF @hromada_bulk IS NULL THEN
		CALL stats_period_author(OLD.consultation_id,
		    OLD.author_email, -CAST(OLD.n AS SIGNED));
	END IF;
END//

-- A consultation deleted: its rows here go by the foreign keys' cascade,
-- which fires no trigger; its authors leave their period first.
CREATE TRIGGER tr_cstats_period_consultations_bd BEFORE DELETE
ON consultations FOR EACH ROW
BEGIN
	DECLARE q INT UNSIGNED DEFAULT NULL;
	DECLARE u SMALLINT UNSIGNED DEFAULT NULL;

	IF @hromada_bulk IS NULL THEN
		SET q = (SELECT counted_q FROM consultation_stats
		    WHERE consultation_id = OLD.id);
		SET u = (SELECT counted_unit FROM consultation_stats
		    WHERE consultation_id = OLD.id);
		IF q IS NOT NULL THEN
			CALL stats_period_consultation(OLD.id, q, u, -1);
		END IF;
	END IF;
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
