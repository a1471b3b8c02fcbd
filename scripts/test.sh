#!/usr/bin/env bash
# The whole test suite, on both storage back ends: every test on the embedded SQLite store,
# then every integration test again with the server's database on PostgreSQL + PostGIS (a
# throwaway server on 127.0.0.1 that scripts/pg-test-server.sh starts, installing its Debian
# packages when missing). Each test creates and drops its own database.
#
#   scripts/test.sh              # what README.md and .ci/run call
#   cargo test                   # the SQLite pass alone (the PostGIS-only tests skip)
set -euo pipefail
cd "$(dirname "$0")/.."

pg_url=$(bash scripts/pg-test-server.sh)

echo "== test suite on SQLite"
INCIDENT_ATLAS_TEST_PG= cargo test "$@"
echo "== integration tests on PostGIS ($pg_url)"
INCIDENT_ATLAS_TEST_PG="$pg_url" cargo test --tests "$@"
