-- Bump listing_version on every write that changes what the listing shows, so
-- that each worker's cached listing index notices and reloads.
--
-- A bulk loader (the demo data) sets @hromada_bulk = 1 in its session: the
-- triggers then do nothing, and the loader bumps the version once at the end.
-- Cascaded deletes of link rows fire no triggers, but the DELETE on
-- consultations that causes them does.

CREATE TRIGGER tr_consultations_ai AFTER INSERT ON consultations FOR EACH ROW
	UPDATE listing_version SET version = version + 1
	WHERE id = 1 AND @hromada_bulk IS NULL;
-- Only a change the listing shows bumps the version: publishing a comment
-- updates comment_count, and reloading every worker's index per comment
-- would cost more than the count is worth (workers refresh it each minute).
CREATE TRIGGER tr_consultations_au AFTER UPDATE ON consultations FOR EACH ROW
	UPDATE listing_version SET version = version + 1
	WHERE id = 1 AND @hromada_bulk IS NULL AND NOT (
	    OLD.slug <=> NEW.slug AND OLD.title <=> NEW.title AND
	    OLD.summary <=> NEW.summary AND OLD.status <=> NEW.status AND
	    OLD.unit_id <=> NEW.unit_id AND OLD.format_id <=> NEW.format_id AND
	    OLD.opens_at <=> NEW.opens_at AND OLD.closes_at <=> NEW.closes_at AND
	    OLD.closed_at <=> NEW.closed_at AND
	    OLD.published_at <=> NEW.published_at AND
	    OLD.completed_at <=> NEW.completed_at AND
	    OLD.cancelled_at <=> NEW.cancelled_at AND
	    OLD.event_at <=> NEW.event_at);
CREATE TRIGGER tr_consultations_ad AFTER DELETE ON consultations FOR EACH ROW
	UPDATE listing_version SET version = version + 1
	WHERE id = 1 AND @hromada_bulk IS NULL;

CREATE TRIGGER tr_consultation_themes_ai AFTER INSERT ON consultation_themes
	FOR EACH ROW
	UPDATE listing_version SET version = version + 1
	WHERE id = 1 AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_consultation_themes_au AFTER UPDATE ON consultation_themes
	FOR EACH ROW
	UPDATE listing_version SET version = version + 1
	WHERE id = 1 AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_consultation_themes_ad AFTER DELETE ON consultation_themes
	FOR EACH ROW
	UPDATE listing_version SET version = version + 1
	WHERE id = 1 AND @hromada_bulk IS NULL;

CREATE TRIGGER tr_consultation_districts_ai AFTER INSERT
	ON consultation_districts FOR EACH ROW
	UPDATE listing_version SET version = version + 1
	WHERE id = 1 AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_consultation_districts_au AFTER UPDATE
	ON consultation_districts FOR EACH ROW
	UPDATE listing_version SET version = version + 1
	WHERE id = 1 AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_consultation_districts_ad AFTER DELETE
	ON consultation_districts FOR EACH ROW
	UPDATE listing_version SET version = version + 1
	WHERE id = 1 AND @hromada_bulk IS NULL;

CREATE TRIGGER tr_consultation_groups_ai AFTER INSERT ON consultation_groups
	FOR EACH ROW
	UPDATE listing_version SET version = version + 1
	WHERE id = 1 AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_consultation_groups_au AFTER UPDATE ON consultation_groups
	FOR EACH ROW
	UPDATE listing_version SET version = version + 1
	WHERE id = 1 AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_consultation_groups_ad AFTER DELETE ON consultation_groups
	FOR EACH ROW
	UPDATE listing_version SET version = version + 1
	WHERE id = 1 AND @hromada_bulk IS NULL;

CREATE TRIGGER tr_reports_ai AFTER INSERT ON reports FOR EACH ROW
	UPDATE listing_version SET version = version + 1
	WHERE id = 1 AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_reports_au AFTER UPDATE ON reports FOR EACH ROW
	UPDATE listing_version SET version = version + 1
	WHERE id = 1 AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_reports_ad AFTER DELETE ON reports FOR EACH ROW
	UPDATE listing_version SET version = version + 1
	WHERE id = 1 AND @hromada_bulk IS NULL;
