#!/usr/bin/env bash
# Builds the TerminalProbe (Sources/NCursesBackend/TerminalProbe.swift) with a small driver and runs
# it in real terminals under a private Xvfb: xterm -ti vt340, plain xterm, kitty (if installed)
# and tmux. Each line shows what was detected, the mode `auto` resolves to, how long the probe
# took, and how many bytes were left on the tty afterwards (must be 0: nothing leaks as keys).
#   Tools/graphics/probe-demo.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
swift build -c release --target TerminalUI >/dev/null 2>&1 || swift build -c release --target TerminalUI
rel=$(swift build -c release --show-bin-path 2>/dev/null)
bin="$root/.build/probe-demo"
work=$(mktemp -d /tmp/lightbox-probe.XXXXXX)
cp "$here/ProbeDemo.swift" "$work/main.swift"   # top-level code must live in main.swift
swiftc -O -module-name ProbeDemo -I "$rel/Modules" "$work/main.swift" "$here/../../Sources/NCursesBackend/TerminalProbe.swift" \
  "$rel"/TerminalUI.build/*.o "$rel"/Common.build/*.o -o "$bin"
xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true; tmux -L "lightbox-probe-$$" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo -n "xterm -ti vt340: "; "$here/screenshot-xterm.sh" --no-shot -- "$bin" "$work/vt340.txt" >/dev/null; cat "$work/vt340.txt"
display=""
for n in $(seq 171 210); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=":$n"; break; fi
done
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
echo -n "xterm (default):  "; DISPLAY=$display timeout 30 xterm -e "$bin" "$work/xterm.txt"; cat "$work/xterm.txt"
if command -v kitty >/dev/null; then
  echo -n "kitty:            "
  DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 timeout 30 kitty --config NONE "$bin" "$work/kitty.txt" >/dev/null 2>&1; cat "$work/kitty.txt"
fi
if command -v tmux >/dev/null; then
  echo -n "tmux:             "
  tmux -L "lightbox-probe-$$" -f /dev/null new-session -d -x 100 -y 30 "$bin $work/tmux.txt"
  for _ in $(seq 50); do [ -s "$work/tmux.txt" ] && break; sleep 0.1; done; cat "$work/tmux.txt"
fi
