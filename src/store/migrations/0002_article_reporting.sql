-- What articles say about an incident beyond the contract's core properties (issue 5):
-- date precision (day, week, month, year; NULL when not stated), injuries, and the reporting
-- sentences as a JSON array of {source_url, published, sentence_start, sentence_end,
-- article_digest} (byte spans, end exclusive). Existing rows get none of it.
ALTER TABLE incidents ADD COLUMN date_precision TEXT
    CHECK (date_precision IN ('day', 'week', 'month', 'year'));
ALTER TABLE incidents ADD COLUMN injuries INTEGER CHECK (injuries >= 0);
ALTER TABLE incidents ADD COLUMN sources TEXT NOT NULL DEFAULT '[]';
