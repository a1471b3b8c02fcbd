#!/usr/bin/env bash
# Starts a throwaway PostgreSQL + PostGIS server on a loopback port for the test suite and prints
# its base URL (postgres://postgres@127.0.0.1:PORT/). Installs the Debian packages when missing.
# Trust authentication, 127.0.0.1 only, fsync off: for tests, never for data that matters.
# As root (CI) the server runs as user postgres; as any other user it runs as that user, and
# only the package installation needs sudo.
#
#   INCIDENT_ATLAS_TEST_PG=$(scripts/pg-test-server.sh) cargo test --test api_test
#
# Settings: PG_TEST_PORT (default 5433), PG_TEST_DATA (default /tmp/incident-atlas-pg).
set -euo pipefail

PORT="${PG_TEST_PORT:-5433}"
DATA="${PG_TEST_DATA:-/tmp/incident-atlas-pg}"
URL="postgres://postgres@127.0.0.1:${PORT}/"

log() { echo "pg-test-server: $*" >&2; }

if [ "$(id -u)" -eq 0 ]; then
    as_server() { su postgres -c "$1"; }
    as_root() { "$@"; }
else
    as_server() { sh -c "$1"; }
    as_root() { sudo "$@"; }
fi

pg_version() {
    ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1
}

if [ -z "$(pg_version)" ] || ! ls /usr/share/postgresql/"$(pg_version)"/extension/postgis.control >/dev/null 2>&1; then
    log "installing PostgreSQL and PostGIS"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq >&2
    as_root apt-get install -y -qq --no-install-recommends postgresql >&2
    as_root apt-get install -y -qq --no-install-recommends "postgresql-$(pg_version)-postgis-3" >&2
fi
BIN="/usr/lib/postgresql/$(pg_version)/bin"

if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    log "already running on port $PORT"
    echo "$URL"
    exit 0
fi

if [ ! -s "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA"
    [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$DATA"
    as_server "'$BIN/initdb' -D '$DATA' -U postgres -A trust -E UTF8 --no-locale" >&2
fi
as_server "'$BIN/pg_ctl' -D '$DATA' -l '$DATA/server.log' -w -o \"-p $PORT -k /tmp \
    -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off \
    -c synchronous_commit=off -c full_page_writes=off\" start" >&2
echo "$URL"
