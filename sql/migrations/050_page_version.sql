-- consultations.page_version: bumped by every write that changes what a
-- consultation's detail page shows, so that a detail worker can keep the
-- rendered page (lib/pagecache.h) and still show any change on the next
-- request: it reads this one number by primary key instead of running the
-- page's five queries and its templates.
--
-- What the page shows, and what bumps the version:
--   the consultation's own row        BEFORE UPDATE on consultations (any
--                                      column, including the comment counts
--                                      that publishing or removing a comment
--                                      changes through tr_comments_count_*)
--   themes, districts, groups links   their insert, update, delete
--   documents, the report             their insert, update, delete
--   published comments (text, kind)   an update of a comment published
--                                      before or after it
--   answers to proposals              responses' insert, update, delete
-- A bulk loader (@hromada_bulk) skips the triggers on the other tables, as
-- for listing_version, but its updates of consultations still bump (the
-- demo loader's counts touch every row it loaded).  The names of reference
-- data (themes, units...) have no version: a cached page lives 30 s at
-- most (XXX #3).
ALTER TABLE consultations
	ADD COLUMN page_version BIGINT UNSIGNED NOT NULL DEFAULT 0;

CREATE TRIGGER tr_consultations_page_bu BEFORE UPDATE ON consultations
	FOR EACH ROW SET NEW.page_version = OLD.page_version + 1;

CREATE TRIGGER tr_consultation_themes_page_ai AFTER INSERT
	ON consultation_themes FOR EACH ROW
	UPDATE consultations SET page_version = page_version + 1
	WHERE id = NEW.consultation_id
	    AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_consultation_themes_page_au AFTER UPDATE
	ON consultation_themes FOR EACH ROW
	UPDATE consultations SET page_version = page_version + 1
	WHERE id IN (OLD.consultation_id, NEW.consultation_id)
	    AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_consultation_themes_page_ad AFTER DELETE
	ON consultation_themes FOR EACH ROW
	UPDATE consultations SET page_version = page_version + 1
	WHERE id = OLD.consultation_id
	    AND @hromada_bulk IS NULL;

CREATE TRIGGER tr_consultation_districts_page_ai AFTER INSERT
	ON consultation_districts FOR EACH ROW
	UPDATE consultations SET page_version = page_version + 1
	WHERE id = NEW.consultation_id
	    AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_consultation_districts_page_au AFTER UPDATE
	ON consultation_districts FOR EACH ROW
	UPDATE consultations SET page_version = page_version + 1
	WHERE id IN (OLD.consultation_id, NEW.consultation_id)
	    AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_consultation_districts_page_ad AFTER DELETE
	ON consultation_districts FOR EACH ROW
	UPDATE consultations SET page_version = page_version + 1
	WHERE id = OLD.consultation_id
	    AND @hromada_bulk IS NULL;

CREATE TRIGGER tr_consultation_groups_page_ai AFTER INSERT
	ON consultation_groups FOR EACH ROW
	UPDATE consultations SET page_version = page_version + 1
	WHERE id = NEW.consultation_id
	    AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_consultation_groups_page_au AFTER UPDATE
	ON consultation_groups FOR EACH ROW
	UPDATE consultations SET page_version = page_version + 1
	WHERE id IN (OLD.consultation_id, NEW.consultation_id)
	    AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_consultation_groups_page_ad AFTER DELETE
	ON consultation_groups FOR EACH ROW
	UPDATE consultations SET page_version = page_version + 1
	WHERE id = OLD.consultation_id
	    AND @hromada_bulk IS NULL;

CREATE TRIGGER tr_documents_page_ai AFTER INSERT ON documents FOR EACH ROW
	UPDATE consultations SET page_version = page_version + 1
	WHERE id = NEW.consultation_id
	    AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_documents_page_au AFTER UPDATE ON documents FOR EACH ROW
	UPDATE consultations SET page_version = page_version + 1
	WHERE id IN (OLD.consultation_id, NEW.consultation_id)
	    AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_documents_page_ad AFTER DELETE ON documents FOR EACH ROW
	UPDATE consultations SET page_version = page_version + 1
	WHERE id = OLD.consultation_id
	    AND @hromada_bulk IS NULL;

CREATE TRIGGER tr_reports_page_ai AFTER INSERT ON reports FOR EACH ROW
	UPDATE consultations SET page_version = page_version + 1
	WHERE id = NEW.consultation_id
	    AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_reports_page_au AFTER UPDATE ON reports FOR EACH ROW
	UPDATE consultations SET page_version = page_version + 1
	WHERE id IN (OLD.consultation_id, NEW.consultation_id)
	    AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_reports_page_ad AFTER DELETE ON reports FOR EACH ROW
	UPDATE consultations SET page_version = page_version + 1
	WHERE id = OLD.consultation_id
	    AND @hromada_bulk IS NULL;

-- Publishing, hiding or removing a comment changes the counts (and so the
-- row, above); an edit of a published comment's text does not.
CREATE TRIGGER tr_comments_page_au AFTER UPDATE ON comments FOR EACH ROW
	UPDATE consultations SET page_version = page_version + 1
	WHERE id IN (OLD.consultation_id, NEW.consultation_id)
	    AND (OLD.status = 'published' OR NEW.status = 'published')
	    AND @hromada_bulk IS NULL;

CREATE TRIGGER tr_responses_page_ai AFTER INSERT ON responses FOR EACH ROW
	UPDATE consultations c JOIN comments m ON m.consultation_id = c.id
	SET c.page_version = c.page_version + 1 WHERE m.id = NEW.comment_id
	    AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_responses_page_au AFTER UPDATE ON responses FOR EACH ROW
	UPDATE consultations c JOIN comments m ON m.consultation_id = c.id
	SET c.page_version = c.page_version + 1
	WHERE m.id IN (OLD.comment_id, NEW.comment_id)
	    AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_responses_page_ad AFTER DELETE ON responses FOR EACH ROW
	UPDATE consultations c JOIN comments m ON m.consultation_id = c.id
	SET c.page_version = c.page_version + 1 WHERE m.id = OLD.comment_id
	    AND @hromada_bulk IS NULL;
