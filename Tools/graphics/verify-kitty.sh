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

# show FRAME [TEXT]: the frame at the top-left, then optionally TEXT printed over the pane at cell
# (row 5, column 10) on a blue background, as a curses overlay would be; screenshot to $work/shot.png.
show() {
  {
    printf '#!/bin/sh\nprintf "\\033[2J\\033[H\\033[?25l"\ncat %q\n' "$1"
    [ -n "${2:-}" ] && printf 'printf "\\033[5;10H\\033[97;44m%s\\033[0m"\n' "$2"
    printf 'touch %q\nsleep 60\n' "$work/done"
  } >"$work/show.sh"
  chmod +x "$work/show.sh"
  run_in_kitty "$work/show.sh"
  sleep 1.5   # kitty draws on its next frame
  DISPLAY=$display import -window root "$work/shot.png"
  stop_kitty
}

status=0
"$here/graphics-tool.sh" pattern "$work/src.pgm" $((60 * cw)) $((16 * ch))
for variant in "rgb" "png" "png below"; do
  # shellcheck disable=SC2086
  "$here/graphics-tool.sh" kitty "$work/src.pgm" "$work/frame.bin" 60 16 "$cw" "$ch" $variant
  show "$work/frame.bin"
  printf 'kitty %s: ' "$variant"
  python3 "$here/compare-shot.py" "$work/src.pgm" "$work/shot.png" exact || status=1
done
# With z below everything (GraphicsPane's choice) text drawn over the pane must cover the image.
show "$work/frame.bin" "OVERLAY"
python3 - "$work/shot.png" "$cw" "$ch" <<'PY' || status=1
import subprocess, sys
shot, cw, ch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
x, y = 9 * cw + 2, 4 * ch + ch // 2 + 5          # inside the first overlay cell (kitty starts 5 px down)
px = subprocess.run(["convert", shot, "-crop", f"1x1+{x}+{y}", "-depth", "8", "txt:-"],
                    check=True, capture_output=True, text=True).stdout.splitlines()[-1]
rgb = [int(v) for v in px.split("(")[1].split(")")[0].split(",")[:3]]
ok = rgb[2] > rgb[0] + 40 and rgb[2] > rgb[1] + 40   # blue background, not the grey image
print(f"kitty overlay over z-below image: pixel at ({x},{y}) = {rgb}: {'blue overlay on top' if ok else 'IMAGE ON TOP (wrong)'}")
sys.exit(0 if ok else 1)
PY
exit $status
