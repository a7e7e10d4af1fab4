-- The audit log's page (/admin/audit, issue 5) filters by who, by unit and
-- by object type, newest first: each filter gets an index that ends in
-- created_at, so that a page of 50 is read off one index in order however
-- long the log grows (1,000,000 rows measured).  A filter by login (not by
-- user id) also finds the failed logins, stored with the login typed and
-- no user.
ALTER TABLE audit_log
	ADD KEY ix_audit_login (login, created_at),
	ADD KEY ix_audit_unit (unit_id, created_at),
	ADD KEY ix_audit_type (object_type, created_at);
