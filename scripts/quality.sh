#!/usr/bin/env bash
# Measure eventwire on the shared gold sets with the shared reference scorers.
# Usage: bash scripts/quality.sh [OUTDIR]   (needs ../shared beside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
out=${1:-$(mktemp -d)}
mkdir -p "$out"
ew=.venv/bin/eventwire
py=.venv/bin/python

$ew extract "$shared/acceptance/seed/article.txt" --reference-date 2015-08-24 -q -o "$out/seed.jsonl"
echo "== seed (score_gold.py)"
$py "$shared/tools/score_gold.py" "$shared/acceptance/seed/gold.yaml" "$out/seed.jsonl"

$ew extract "$shared/eval/plover-gsr/plover-gsr.jsonl" -q -o "$out/gsr.jsonl"
echo "== PLOVER-GSR (score_types.py)"
$py "$shared/tools/score_types.py" "$shared/eval/plover-gsr/plover-gsr.jsonl" "$out/gsr.jsonl"

for set in geowebnews tr-news; do
  $ew extract "$shared/eval/geoparsing/$set.jsonl" -q -o "$out/$set.jsonl"
  echo "== $set (score_geo.py, end to end)"
  $py "$shared/tools/score_geo.py" "$shared/eval/geoparsing/$set.jsonl" "$out/$set.jsonl" | tail -1
  $py "$shared/tools/score_geo.py" "$shared/eval/geoparsing/$set.jsonl" "$out/$set.jsonl" --literal-only | tail -1
done
