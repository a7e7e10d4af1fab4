-- The archive of past consultations (issue 8): the 2017-2019 pilots and
-- anything older, imported from CSV by `opendata --import`.
--
-- An archived consultation is an ordinary published row (status
-- 'completed' with its report, or 'cancelled') that keeps its original
-- dates, plus when it was imported and the archive's own reference for it.
-- The reference is unique, so importing the same file twice is refused
-- line by line instead of doubling the archive.
--
-- The importer writes with @hromada_bulk set, as the demo loader does: no
-- notification events (060) for a report published years ago, and no
-- consultation_stats rows (080), so the indicators stay computed from the
-- facts this platform recorded.  It bumps listing_version itself.
ALTER TABLE consultations
	ADD COLUMN archived_at DATETIME NULL,
	ADD COLUMN archive_ref VARCHAR(64) CHARACTER SET utf8mb4
	    COLLATE utf8mb4_bin NULL,
	ADD UNIQUE KEY uq_consultations_archive_ref (archive_ref);
