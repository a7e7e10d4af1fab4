-- Submissions from the comment form (cgi-bin/comment).
--
-- submit_key: a keyed hash of (form token, e-mail, text).  A double click or
-- a retry after a timeout sends the same three and hits the unique key, so
-- it stores one row and gets the first one's receipt; two people holding
-- the same token (a page from the micro-cache) differ in e-mail or text and
-- both are stored.  NULL for rows from elsewhere (demo data, the admin).
ALTER TABLE comments
	ADD COLUMN submit_key BINARY(32) NULL AFTER client_hash,
	ADD UNIQUE KEY ux_comments_submit_key (submit_key),
	ADD KEY ix_comments_client (client_hash, created_at);

-- comment_count (published comments and proposals) follows every write, so
-- the listing's "popular" order and counts need no scan of comments.  Not
-- on the bulk loader's rows: it sets the counts itself.
-- BEFORE the insert: the consultation row is locked for update before the
-- foreign key check takes its shared lock; AFTER, two concurrent inserts
-- each held the shared lock and waited for the other's (deadlock, measured:
-- 1 in 10 under 50 clients).  A failed insert rolls the update back with it.
CREATE TRIGGER tr_comments_count_bi BEFORE INSERT ON comments FOR EACH ROW
	UPDATE consultations SET comment_count = comment_count + 1
	WHERE id = NEW.consultation_id AND NEW.status = 'published'
	    AND @hromada_bulk IS NULL;
CREATE TRIGGER tr_comments_count_au AFTER UPDATE ON comments FOR EACH ROW
	UPDATE consultations SET comment_count = comment_count +
	    (NEW.status = 'published') - (OLD.status = 'published')
	WHERE id = NEW.consultation_id AND @hromada_bulk IS NULL
	    AND (OLD.status = 'published') <> (NEW.status = 'published');
CREATE TRIGGER tr_comments_count_ad AFTER DELETE ON comments FOR EACH ROW
	UPDATE consultations SET comment_count = comment_count - 1
	WHERE id = OLD.consultation_id AND OLD.status = 'published'
	    AND @hromada_bulk IS NULL;
