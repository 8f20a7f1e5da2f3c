#!/usr/bin/env bash
# Regenerates SampleStudies/: 8 phantom studies of each kind, with reference.json.
# Half-size images keep the folder near 11 MB. Seed 4242 is used for nothing else
# (training uses batch seeds 1001/2001/3001, validation 900001-900003).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product lightbox
BIN=.build/release/lightbox
OUT=SampleStudies
rm -rf "$OUT.new" && mkdir -p "$OUT.new"
for kind in hand extremity spine; do
  "$BIN" phantom generate --kind "$kind" --count 8 --seed 4242 --size half --out "$OUT.new"
done
rm -rf "$OUT" && mv "$OUT.new" "$OUT"
du -sh "$OUT"
