-- The listing shows whether a consultation is archived (the «Архів» badge,
-- lib/listing.h), so a change of archived_at bumps listing_version like
-- the other columns a card shows.  The import writes it in its INSERT
-- (which bumps already); this covers a later UPDATE, by a clerk's tool or
-- by hand.  The same trigger as 002's, with archived_at.
DROP TRIGGER tr_consultations_au;
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
	    OLD.event_at <=> NEW.event_at AND
	    OLD.archived_at <=> NEW.archived_at);
