#!/usr/bin/env bash
# End-to-end check of the sixel path in a real terminal: encodes the test pattern
# with SixelEncoder, shows it in xterm -ti vt340 under Xvfb, screenshots it and
# compares every screen pixel with the source (Tools/graphics/compare-shot.py).
#   Tools/graphics/verify-xterm-sixel.sh [LEVELS] [W H]     (default 101 levels, 480×300 px)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
levels=${1:-101} w=${2:-480} h=${3:-300}
work=$(mktemp -d /tmp/lightbox-verify.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$here/graphics-tool.sh" pattern "$work/src.pgm" "$w" "$h"
"$here/graphics-tool.sh" sixel "$work/src.pgm" "$work/src.six" "$levels"
"$here/screenshot-xterm.sh" --out "$work/shot.png" --size 120x40 -- cat "$work/src.six" >/dev/null
python3 "$here/compare-shot.py" "$work/src.pgm" "$work/shot.png" "$levels"
