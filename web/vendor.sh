#!/bin/sh
# Refreshes web/vendor/ from the npm packages (no CDN): Leaflet, Leaflet.markercluster and a
# low-detail world outline (Natural Earth via world-atlas, converted once to GeoJSON with
# topojson-client). Needs node and npm; run from anywhere: `sh web/vendor.sh`.
set -eu

LEAFLET=1.9.4
MARKERCLUSTER=1.5.3
WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0

here=$(cd "$(dirname "$0")" && pwd)
out="$here/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$work"
for pkg in "leaflet@$LEAFLET" "leaflet.markercluster@$MARKERCLUSTER" \
           "world-atlas@$WORLD_ATLAS" "topojson-client@$TOPOJSON_CLIENT"; do
    npm pack --silent "$pkg" >/dev/null
done
for tgz in *.tgz; do
    mkdir "${tgz%.tgz}" && tar -xzf "$tgz" -C "${tgz%.tgz}" --strip-components=1
done

rm -rf "$out"
mkdir -p "$out/leaflet/images" "$out/markercluster" "$out/world"

l="leaflet-$LEAFLET"
cp "$l/dist/leaflet.js" "$l/dist/leaflet.css" "$l/LICENSE" "$out/leaflet/"
cp "$l/dist/images/"*.png "$out/leaflet/images/"

m="leaflet.markercluster-$MARKERCLUSTER"
cp "$m/dist/leaflet.markercluster.js" "$m/dist/MarkerCluster.css" \
   "$m/dist/MarkerCluster.Default.css" "$m/MIT-LICENCE.txt" "$out/markercluster/"

w="world-atlas-$WORLD_ATLAS"
cp "$w/LICENSE" "$out/world/LICENSE"
node -e '
const topojson = require(process.argv[1]);
const topo = require(process.argv[2]);
const geo = topojson.feature(topo, topo.objects.countries);
// Rings that cross the antimeridian (Fiji, Chukotka) would draw a line across the world: move
// their western half east of 180. Antarctica only "crosses" along the pole and is left alone.
const POLAR_LAT = 85;
const crosses = (ring) => ring.some((p, i) =>
  i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180 && Math.abs(p[1]) < POLAR_LAT);
const unwrap = (ring) => (crosses(ring) ? ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]) : ring);
for (const f of geo.features) {
  const g = f.geometry;
  if (g && g.type === "Polygon") g.coordinates = g.coordinates.map(unwrap);
  if (g && g.type === "MultiPolygon") g.coordinates = g.coordinates.map((p) => p.map(unwrap));
}
process.stdout.write(JSON.stringify(geo));
' "$work/topojson-client-$TOPOJSON_CLIENT" "$work/$w/countries-110m.json" \
    > "$out/world/countries-110m.geojson"

cat > "$out/VERSIONS" <<VERSIONS
# Vendored by web/vendor.sh from npm packages (npm pack); do not edit by hand.
leaflet $LEAFLET BSD-2-Clause leaflet/LICENSE
leaflet.markercluster $MARKERCLUSTER MIT markercluster/MIT-LICENCE.txt
world-atlas $WORLD_ATLAS ISC (data: Natural Earth, public domain) world/LICENSE
topojson-client $TOPOJSON_CLIENT ISC (build-time only: converts countries-110m.json to GeoJSON)
VERSIONS
echo "vendored into $out"
