#!/usr/bin/env bash
# Records a terminal's raw answers to Lightbox's graphics query burst
# (GraphicsCapabilities.query) and prints them as a Swift string literal.
#
#   Tools/graphics/record-replies.sh                 # in the terminal you are using now
#   Tools/graphics/record-replies.sh --xterm-vt340   # in xterm -ti vt340 under a private Xvfb
#
# The xterm replies in Tests/TerminalUITests/GraphicsCapabilitiesTests.swift came from the second form.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp /tmp/lightbox-replies.XXXXXX)
trap 'rm -f "$out"' EXIT
if [ "${1:-}" = "--xterm-vt340" ]; then
  shift
  "$here/screenshot-xterm.sh" --no-shot -- python3 "$here/probe-replies.py" "$out" "$@"
else
  python3 "$here/probe-replies.py" "$out"
fi
python3 -c '
import sys
data = open(sys.argv[1], "rb").read()
print("\"" + "".join("\\u{1B}" if b == 27 else "\\\\" if b == 92 else chr(b) if 32 <= b < 127 else "\\u{%02X}" % b for b in data) + "\"")
' "$out"
