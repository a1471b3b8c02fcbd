-- What articles say about an incident beyond the contract's core properties (issue 5), as in
-- the SQLite schema's migration 0002: date precision (NULL when not stated), injuries, and the
-- reporting sentences as a JSON array kept as text, so it reads back byte-identical (jsonb
-- would reorder keys and break the migrate checksum). Existing rows get none of it.
ALTER TABLE incidents ADD COLUMN date_precision text
    CHECK (date_precision IN ('day', 'week', 'month', 'year'));
ALTER TABLE incidents ADD COLUMN injuries bigint CHECK (injuries >= 0);
ALTER TABLE incidents ADD COLUMN sources text NOT NULL DEFAULT '[]';
