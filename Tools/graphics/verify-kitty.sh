#!/usr/bin/env bash
# End-to-end check of the kitty path in a real kitty (0.26 from Debian, software OpenGL)
# under a private Xvfb: the test pattern sent by KittyEncoder (raw RGB and grey PNG), one
# screen pixel per image pixel, screenshotted and compared pixel by pixel (must be exact).
#   Tools/graphics/verify-kitty.sh          needs: apt-get install -y kitty libgl1-mesa-dri xvfb imagemagick
# Prints kitty's raw answers to GraphicsCapabilities.query too.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
for tool in Xvfb kitty import; do
  command -v "$tool" >/dev/null || { echo "verify-kitty: $tool missing (apt-get install -y kitty libgl1-mesa-dri xvfb imagemagick)" >&2; exit 2; }
done
work=$(mktemp -d /tmp/lightbox-kitty.XXXXXX)
xvfb_pid="" kitty_pid=""
cleanup() {
  [ -n "$kitty_pid" ] && kill "$kitty_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
display=""
for n in $(seq 131 170); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=":$n"; break; fi
done
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

# run_in_kitty SCRIPT: starts kitty on SCRIPT, waits for $work/done, leaves kitty running.
run_in_kitty() {
  rm -f "$work/done"
  DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 kitty --config NONE -o font_size=10 -o window_padding_width=0 \
    -o initial_window_width=800 -o initial_window_height=600 "$1" >"$work/kitty.log" 2>&1 &
  kitty_pid=$!
  for _ in $(seq 300); do [ -e "$work/done" ] && return 0; sleep 0.1; done
  echo "verify-kitty: kitty did not run the script (see its log below)" >&2; cat "$work/kitty.log" >&2; exit 1
}
stop_kitty() { kill "$kitty_pid" 2>/dev/null || true; wait "$kitty_pid" 2>/dev/null || true; kitty_pid=""; }

printf '#!/bin/sh\npython3 %q %q\ntouch %q\n' "$here/probe-replies.py" "$work/replies.bin" "$work/done" >"$work/probe.sh"
chmod +x "$work/probe.sh"
run_in_kitty "$work/probe.sh"; stop_kitty
echo "kitty replies: $(python3 -c 'import sys; print(repr(open(sys.argv[1], "rb").read()))' "$work/replies.bin")"
cell=$(python3 -c '
import re, sys
m = re.search(rb"\x1b\[6;(\d+);(\d+)t", open(sys.argv[1], "rb").read())
print(m.group(2).decode(), m.group(1).decode()) if m else print("8 19")' "$work/replies.bin")
read -r cw ch <<<"$cell"

status=0
for format in rgb png; do
  "$here/graphics-tool.sh" pattern "$work/src.pgm" $((60 * cw)) $((16 * ch))
  "$here/graphics-tool.sh" kitty "$work/src.pgm" "$work/frame.bin" 60 16 "$cw" "$ch" "$format"
  printf '#!/bin/sh\nprintf "\\033[2J\\033[H\\033[?25l"\ncat %q\ntouch %q\nsleep 60\n' "$work/frame.bin" "$work/done" >"$work/show.sh"
  chmod +x "$work/show.sh"
  run_in_kitty "$work/show.sh"
  sleep 1.5   # kitty draws on its next frame
  DISPLAY=$display import -window root "$work/shot.png"
  stop_kitty
  printf 'kitty %s: ' "$format"
  python3 "$here/compare-shot.py" "$work/src.pgm" "$work/shot.png" exact || status=1
done
exit $status
