-- Incidents: one row per event. Coordinates are WGS84 degrees; dates ISO 8601 text so that
-- text order is date order; the R-tree lives in memory (src/index.rs), loaded from lon/lat.
CREATE TABLE incidents (
    seq            INTEGER PRIMARY KEY,
    id             TEXT    NOT NULL UNIQUE,
    title          TEXT    NOT NULL,
    category       TEXT    NOT NULL
        CHECK (category IN ('attack', 'bombing', 'riot', 'clash', 'protest', 'arrest', 'other')),
    occurred_on    TEXT    NOT NULL,
    fatalities     INTEGER CHECK (fatalities >= 0),
    lon            REAL    NOT NULL CHECK (lon BETWEEN -180 AND 180),
    lat            REAL    NOT NULL CHECK (lat BETWEEN -90 AND 90),
    uncertainty_km REAL,
    precision      TEXT,
    location_text  TEXT,
    source_url     TEXT,
    summary        TEXT,
    created_at     TEXT    NOT NULL
);

CREATE INDEX incidents_by_date ON incidents (occurred_on DESC, id);
CREATE INDEX incidents_by_category ON incidents (category, occurred_on DESC, id);
