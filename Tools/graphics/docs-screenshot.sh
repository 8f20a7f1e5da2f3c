#!/usr/bin/env bash
# Regenerates Docs/graphics-xterm-hand.png: a real hand radiograph
# (../shared/reference/radiographs/radinformatics-bone-age-example-images/2.png, MIT licence)
# in xterm -ti vt340 under Xvfb, as half-blocks (24-bit grey) on the left and as sixel
# (101 levels) on the right, each in a 48×34-cell pane (DejaVu Sans Mono 10: 8×17-pixel cells).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
src="$root/../shared/reference/radiographs/radinformatics-bone-age-example-images/2.png"
[ -f "$src" ] || { echo "docs-screenshot: $src not found (needs ../shared/reference)" >&2; exit 2; }
work=$(mktemp -d /tmp/lightbox-docshot.XXXXXX)
trap 'rm -rf "$work"' EXIT
convert "$src" -colorspace Gray -depth 8 "$work/hand.pgm"
"$here/graphics-tool.sh" sixel "$work/hand.pgm" "$work/hand.six" 101 $((48 * 8)) $((34 * 17))
"$here/graphics-tool.sh" halfblock "$work/hand.pgm" 48 34 >"$work/hand.txt"
cat >"$work/show.sh" <<SHOW
#!/usr/bin/env bash
printf '\033[2J\033[1;1H'
cat '$work/hand.txt'
printf '\033[35;1Hhalf-blocks, 24-bit grey (48x34 cells)\033[35;52Hsixel, 101 grey levels (48x34 cells)\033[1;52H'
cat '$work/hand.six'
printf '\033[36;1H'
SHOW
chmod +x "$work/show.sh"
"$here/screenshot-xterm.sh" --out "$root/Docs/graphics-xterm-hand.png" --size 100x36 --font-size 10 --truecolor -- "$work/show.sh"
