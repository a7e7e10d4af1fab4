-- Units are created and renamed by admins (/admin/units, issue 5), not only
-- loaded from the reference data.  Their names are on public pages that
-- programs keep rendered or indexed, so a change of a unit has to reach
-- each of them on its next request:
--   the detail page's cache (lib/pagecache.h)  consultations.page_version
--                                              of the unit's consultations
--   the listing's index (lib/listing.h)        listing_version.version
--   the vocabularies every worker keeps in     listing_version.taxonomy
--   memory (lib/db_taxonomy.c: facets, slug    (new here; read on every
--   checks, unit names on cards)               request, one primary-key read)
-- The triggers bump all three in the statement that changes the unit (the
-- rename is one UPDATE: its transaction is theirs), whoever writes it: the
-- admin's page or a reload of sql/reference.sql with a changed name.  A
-- reload that changes nothing changes no row and bumps nothing.  Not
-- skipped by @hromada_bulk: units change rarely, and a loader that changed
-- one would otherwise leave every worker with the old names.
--
-- units.renamed_at: when an admin last renamed the unit.  sql/reference.sql
-- is loaded at every start and updates the units it names; it keeps the
-- names of a renamed one, so a rename is not undone by a restart.
ALTER TABLE listing_version
	ADD COLUMN taxonomy BIGINT UNSIGNED NOT NULL DEFAULT 1;
ALTER TABLE units
	ADD COLUMN renamed_at DATETIME NULL;

DELIMITER //

-- The listing changes too: its unit facet offers every unit.
CREATE TRIGGER tr_units_ai AFTER INSERT ON units FOR EACH ROW
BEGIN
	UPDATE listing_version SET version = version + 1,
	    taxonomy = taxonomy + 1 WHERE id = 1;
END//

CREATE TRIGGER tr_units_au AFTER UPDATE ON units FOR EACH ROW
BEGIN
	IF NOT (OLD.slug <=> NEW.slug AND OLD.name_uk <=> NEW.name_uk AND
	    OLD.name_en <=> NEW.name_en AND OLD.kind <=> NEW.kind AND
	    OLD.district_id <=> NEW.district_id AND OLD.sort <=> NEW.sort) THEN
		UPDATE listing_version SET version = version + 1,
		    taxonomy = taxonomy + 1 WHERE id = 1;
		UPDATE consultations SET page_version = page_version + 1
		WHERE unit_id = NEW.id;
	END IF;
END//

CREATE TRIGGER tr_units_ad AFTER DELETE ON units FOR EACH ROW
BEGIN
	UPDATE listing_version SET version = version + 1,
	    taxonomy = taxonomy + 1 WHERE id = 1;
END//

DELIMITER ;
