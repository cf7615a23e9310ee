#!/usr/bin/env bash
# Re-vendor the web page's JavaScript, CSS and basemap from npm into the package, with their
# licence files, so `pip install eventwire` serves a page that makes no outside request.
#
#   scripts/vendor_web.sh            # the pinned versions below
#   LEAFLET=1.9.4 scripts/vendor_web.sh
#
# Needs npm (it downloads the packages from the npm registry into a temporary folder). The
# result goes to src/eventwire/serve/static/vendor/ and is committed; VERSIONS.txt records
# what was copied from which package.
set -euo pipefail

LEAFLET=${LEAFLET:-1.9.4}
MARKERCLUSTER=${MARKERCLUSTER:-1.5.3}
TOPOJSON_CLIENT=${TOPOJSON_CLIENT:-3.1.0}
WORLD_ATLAS=${WORLD_ATLAS:-2.0.2}
SWAGGER_UI=${SWAGGER_UI:-5.35.0}

root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/src/eventwire/serve/static/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts --silent \
  "leaflet@$LEAFLET" "leaflet.markercluster@$MARKERCLUSTER" \
  "topojson-client@$TOPOJSON_CLIENT" "world-atlas@$WORLD_ATLAS" \
  "swagger-ui-dist@$SWAGGER_UI"
nm="$work/node_modules"

rm -rf "$dest"
mkdir -p "$dest"/{leaflet/images,leaflet.markercluster,topojson-client,world-atlas,swagger-ui-dist}

cp "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$dest/leaflet/"
cp "$nm/leaflet/dist/images/"*.png "$dest/leaflet/images/"
cp "$nm/leaflet/LICENSE" "$dest/leaflet/LICENSE"

cp "$nm/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$nm/leaflet.markercluster/dist/MarkerCluster.css" \
   "$nm/leaflet.markercluster/dist/MarkerCluster.Default.css" "$dest/leaflet.markercluster/"
cp "$nm/leaflet.markercluster/MIT-LICENCE.txt" "$dest/leaflet.markercluster/LICENSE"

cp "$nm/topojson-client/dist/topojson-client.min.js" "$dest/topojson-client/"
cp "$nm/topojson-client/LICENSE" "$dest/topojson-client/LICENSE"

cp "$nm/world-atlas/countries-110m.json" "$dest/world-atlas/"
cp "$nm/world-atlas/LICENSE" "$dest/world-atlas/LICENSE"

cp "$nm/swagger-ui-dist/swagger-ui-bundle.js" "$nm/swagger-ui-dist/swagger-ui.css" \
   "$dest/swagger-ui-dist/"
cp "$nm/swagger-ui-dist/LICENSE" "$dest/swagger-ui-dist/LICENSE"
[ -f "$nm/swagger-ui-dist/NOTICE" ] && cp "$nm/swagger-ui-dist/NOTICE" "$dest/swagger-ui-dist/NOTICE"

# source-map comments point at files we do not ship; drop them so browsers request nothing
for f in "$dest"/*/*.js "$dest"/*/*.css; do
  sed -i -e '/^\/[/*][#@] sourceMappingURL=/d' "$f"
done

{
  echo "Vendored from npm by scripts/vendor_web.sh. Do not edit."
  for p in leaflet leaflet.markercluster topojson-client world-atlas swagger-ui-dist; do
    node -e "const p=require('$nm/$p/package.json');console.log(p.name+'@'+p.version+'  license: '+p.license)"
  done
} > "$dest/VERSIONS.txt"
echo "vendored into $dest:"
cat "$dest/VERSIONS.txt"
