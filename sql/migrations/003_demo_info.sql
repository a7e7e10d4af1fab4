-- What the demo-data loader (scripts/db.sh demo, sql/demo.sql) last loaded:
-- one row, id 1; empty on a database without demo data.
CREATE TABLE demo_info (
	id		TINYINT UNSIGNED NOT NULL PRIMARY KEY,
	n_consultations	INT UNSIGNED NOT NULL,		-- as asked
	n_comments	INT UNSIGNED NOT NULL,		-- as asked (and loaded)
	reference_time	DATETIME NOT NULL,		-- the "now" of the data
	loaded_at	DATETIME NOT NULL,
	seconds		DECIMAL(8, 1) NOT NULL DEFAULT 0
) ENGINE=InnoDB;
