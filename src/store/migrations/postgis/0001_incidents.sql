-- Incidents on PostgreSQL + PostGIS: one row per event. The point is geometry(Point, 4326)
-- (lon/lat degrees) under a GiST index; boxes and search caps are planar lon/lat envelopes
-- (split at the antimeridian by the application), and great-circle distances are computed on
-- the contract's sphere by the application, so answers equal the SQLite back end's.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE incidents (
    -- Byte order ("C") so that ties order exactly as in SQLite and in Rust.
    id             text COLLATE "C" PRIMARY KEY,
    title          text    NOT NULL,
    category       text    NOT NULL
        CHECK (category IN ('attack', 'bombing', 'riot', 'clash', 'protest', 'arrest', 'other')),
    occurred_on    date    NOT NULL,
    -- bigint holds every u32 count.
    fatalities     bigint  CHECK (fatalities >= 0),
    geom           geometry(Point, 4326) NOT NULL
        CHECK (ST_X(geom) BETWEEN -180 AND 180 AND ST_Y(geom) BETWEEN -90 AND 90),
    uncertainty_km double precision,
    precision      text,
    location_text  text,
    source_url     text,
    summary        text,
    -- RFC 3339 text, not timestamptz: timestamptz keeps microseconds, the service nanoseconds,
    -- and a migrated incident must read back identical.
    created_at     text    NOT NULL
);

CREATE INDEX incidents_geom ON incidents USING gist (geom);
CREATE INDEX incidents_by_date ON incidents (occurred_on DESC, id);
CREATE INDEX incidents_by_category ON incidents (category, occurred_on DESC, id);
