#!/usr/bin/env bash
# HTTP load test of the release server at a million incidents, on 127.0.0.1 only.
#
#   scripts/loadtest.sh [COUNT] [SECONDS]      (defaults: 1000000 incidents, 15 s per run)
#   DB=/tmp/atlas.db scripts/loadtest.sh       (serve an existing database; no generate/import)
#
# Generates COUNT synthetic incidents (seed 1) into a temporary directory, imports them into a
# fresh database, starts `target/release/incident-atlas serve` on a free loopback port and
# measures: import time, start-up time and RSS, small near-point queries and bbox pages
# (requests/s, p50/p99 latency, with `wrk`, or `oha` when wrk is absent), and a full-layer
# download of every feature (MB/s, and the server's RSS growth sampled from /proc during it).
# Everything is time-limited and the server and temporary files are removed on exit.
# Note: the load generator runs on the same machine as the server and competes for its cores.
set -euo pipefail

COUNT=${1:-1000000}
SECONDS_PER_RUN=${2:-15}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
SEED=1
BIN=${BIN:-target/release/incident-atlas}
STEP_TIMEOUT=600

[ -x "$BIN" ] || cargo build --release
WORK=$(mktemp -d /tmp/incident-atlas-load.XXXXXX)
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ] && ! kill "$SERVER_PID" 2>/dev/null; then
        echo "the server had stopped; its last words:" && tail -5 "$WORK/server.err"
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }
rss_kib() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; }

echo "== $COUNT incidents, seed $SEED, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
    "$(date -u +%FT%TZ)"
if [ -n "${DB:-}" ]; then
    DATABASE=$DB
else
    DATABASE=$WORK/atlas.db
    t0=$(now)
    timeout "$STEP_TIMEOUT" "$BIN" generate --count "$COUNT" --seed "$SEED" >"$WORK/in.geojson"
    t1=$(now)
    echo "generate: $(elapsed "$t0" "$t1") s, $(du -m "$WORK/in.geojson" | cut -f1) MB"
    timeout "$STEP_TIMEOUT" "$BIN" import "$WORK/in.geojson" --db "$DATABASE"
    t2=$(now)
    echo "import: $(elapsed "$t1" "$t2") s"
    rm -f "$WORK/in.geojson"
fi

t3=$(now)
"$BIN" serve --addr 127.0.0.1:0 --db "$DATABASE" >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
for _ in $(seq 1 600); do
    grep -q "listening on" "$WORK/server.out" 2>/dev/null && break
    sleep 0.05
done
BASE=$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/server.out" | head -1)
[ -n "$BASE" ] || { echo "the server did not start"; cat "$WORK/server.err"; exit 1; }
curl -sf "$BASE/healthz" >/dev/null
t4=$(now)
echo "start-up (open + index load, until /healthz answers): $(elapsed "$t3" "$t4") s," \
    "RSS $(($(rss_kib "$SERVER_PID" VmRSS) / 1024)) MiB"

# Query points: a spread of populated places, lon/lat degrees.
POINTS="69.0,38.6 69.2,34.5 3.4,6.5 67.0,24.9 -99.1,19.4 31.2,30.0 77.2,28.6 139.7,35.7"
POINTS="$POINTS -46.6,-23.5 2.35,48.85 36.8,-1.3 44.4,33.3 -74.0,4.7 106.8,-6.2 28.0,-26.2"
cat >"$WORK/near.lua" <<EOF
local points = {}
for lon, lat in string.gmatch("$POINTS", "(%S+),(%S+)") do points[#points + 1] = {lon, lat} end
local i = 0
request = function()
  i = i % #points + 1
  local p = points[i]
  return wrk.format("GET", "/api/incidents/near?lat=" .. p[2] .. "&lon=" .. p[1] .. "&radius_km=10&limit=10")
end
EOF
cat >"$WORK/bbox.lua" <<EOF
local points = {}
for lon, lat in string.gmatch("$POINTS", "(%S+),(%S+)") do points[#points + 1] = {lon, lat} end
local i = 0
request = function()
  i = i % #points + 1
  local p = points[i]
  local bbox = (p[1] - 0.5) .. "," .. (p[2] - 0.5) .. "," .. (p[1] + 0.5) .. "," .. (p[2] + 0.5)
  return wrk.format("GET", "/api/incidents?bbox=" .. bbox .. "&limit=100&offset=" .. (i % 5) * 100)
end
EOF

load() { # NAME LUA FIRST_URL
    echo "-- $1: $CONNECTIONS connections, $THREADS threads, $SECONDS_PER_RUN s"
    if command -v wrk >/dev/null; then
        timeout $((SECONDS_PER_RUN + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" \
            -d"${SECONDS_PER_RUN}s" --timeout 5s --latency -s "$2" "$BASE" |
            grep -E 'Requests/sec|Transfer/sec| 50%| 99%|Non-2xx|Socket errors|requests in|lua'
    else
        timeout $((SECONDS_PER_RUN + 30)) oha --no-tui -z "${SECONDS_PER_RUN}s" \
            -c "$CONNECTIONS" "$BASE$3" | grep -E 'Requests/sec|50.00%|99.00%|Success rate'
    fi
}
load near "$WORK/near.lua" "/api/incidents/near?lat=38.6&lon=69.0&radius_km=10&limit=10"
load bbox "$WORK/bbox.lua" "/api/incidents?bbox=68.5,38.1,69.5,39.1&limit=100"

echo "-- full layer download /api/layers/all.geojson"
before=$(rss_kib "$SERVER_PID" VmRSS)
(
    peak=$before
    while kill -0 "$SERVER_PID" 2>/dev/null && [ ! -e "$WORK/done" ]; do
        r=$(rss_kib "$SERVER_PID" VmRSS 2>/dev/null || true)
        [ -n "$r" ] || break
        if [ "$r" -gt "$peak" ]; then peak=$r && echo "$peak" >"$WORK/peak"; fi
        sleep 0.05
    done
) &
SAMPLER=$!
read -r size seconds < <(timeout "$STEP_TIMEOUT" curl -s -o /dev/null \
    -w '%{size_download} %{time_total}\n' "$BASE/api/layers/all.geojson")
touch "$WORK/done"
wait "$SAMPLER"
peak=$(cat "$WORK/peak" 2>/dev/null || echo "$before")
echo "download: $((size / 1000000)) MB in $seconds s = $(echo "$size / $seconds / 1000000" | bc) MB/s"
echo "server RSS: $((before / 1024)) MiB before, peak $((peak / 1024)) MiB during" \
    "(+$(((peak - before) / 1024)) MiB); VmHWM $(($(rss_kib "$SERVER_PID" VmHWM) / 1024)) MiB"
