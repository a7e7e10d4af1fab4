-- stats_version: what the efficiency indicators' page (cgi-bin/stats) keeps
-- rendered per worker is good while the sum of these counters and
-- listing_version.version are what they were when it was rendered, and the
-- clock has not reached the next end of accepting or report deadline
-- (db_stats_state() in lib/db_stats.c).
--
-- What the page shows, and what bumps:
--   the summary rows (080, 110)        consultation_stats' insert, update,
--                                      delete, here
--   the period participants (110)      stats_period_participants' writes
--   the agenda list's topics           agenda_items' and agenda_plans'
--   titles, deletions, unit names      listing_version.version (002, 090)
--
-- Sixteen counters, not one: every published comment updates its
-- consultation's summary row, and one counter row would make the comments
-- of all consultations wait for each other's commits.  A consultation's
-- writers already wait for each other (010 updates its row), so its
-- counter (id mod 16) adds no wait among them.  The reader sums the sixteen
-- in the committed state: a write committed after that sum shows in the
-- next sum, so a kept page is never taken for newer than it is.
--
-- Not skipped by @hromada_bulk: a bulk loader's stats_rebuild() updates
-- every summary row once, and the loader bumps listing_version anyway.
CREATE TABLE stats_version (
	slot	TINYINT UNSIGNED NOT NULL PRIMARY KEY,
	v	BIGINT UNSIGNED NOT NULL DEFAULT 0
) ENGINE=InnoDB;

INSERT INTO stats_version (slot) VALUES (0), (1), (2), (3), (4), (5), (6),
	(7), (8), (9), (10), (11), (12), (13), (14), (15);

CREATE TRIGGER tr_cstats_version_ai AFTER INSERT ON consultation_stats
	FOR EACH ROW
	UPDATE stats_version SET v = v + 1 WHERE slot = NEW.consultation_id % 16;
CREATE TRIGGER tr_cstats_version_au AFTER UPDATE ON consultation_stats
	FOR EACH ROW
	UPDATE stats_version SET v = v + 1 WHERE slot = NEW.consultation_id % 16;
CREATE TRIGGER tr_cstats_version_ad AFTER DELETE ON consultation_stats
	FOR EACH ROW
	UPDATE stats_version SET v = v + 1 WHERE slot = OLD.consultation_id % 16;

CREATE TRIGGER tr_speriod_version_ai AFTER INSERT
	ON stats_period_participants FOR EACH ROW
	UPDATE stats_version SET v = v + 1 WHERE slot = NEW.unit_id % 16;
CREATE TRIGGER tr_speriod_version_au AFTER UPDATE
	ON stats_period_participants FOR EACH ROW
	UPDATE stats_version SET v = v + 1 WHERE slot = NEW.unit_id % 16;
CREATE TRIGGER tr_speriod_version_ad AFTER DELETE
	ON stats_period_participants FOR EACH ROW
	UPDATE stats_version SET v = v + 1 WHERE slot = OLD.unit_id % 16;

-- Topics and plans change rarely (clerks' work): one counter will do.
CREATE TRIGGER tr_agenda_items_version_ai AFTER INSERT ON agenda_items
	FOR EACH ROW UPDATE stats_version SET v = v + 1 WHERE slot = 0;
CREATE TRIGGER tr_agenda_items_version_au AFTER UPDATE ON agenda_items
	FOR EACH ROW UPDATE stats_version SET v = v + 1 WHERE slot = 0;
CREATE TRIGGER tr_agenda_items_version_ad AFTER DELETE ON agenda_items
	FOR EACH ROW UPDATE stats_version SET v = v + 1 WHERE slot = 0;
CREATE TRIGGER tr_agenda_plans_version_ai AFTER INSERT ON agenda_plans
	FOR EACH ROW UPDATE stats_version SET v = v + 1 WHERE slot = 0;
CREATE TRIGGER tr_agenda_plans_version_au AFTER UPDATE ON agenda_plans
	FOR EACH ROW UPDATE stats_version SET v = v + 1 WHERE slot = 0;
CREATE TRIGGER tr_agenda_plans_version_ad AFTER DELETE ON agenda_plans
	FOR EACH ROW UPDATE stats_version SET v = v + 1 WHERE slot = 0;
