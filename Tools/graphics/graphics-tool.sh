#!/usr/bin/env bash
# Builds TerminalUI in release mode and compiles Tools/graphics/GraphicsTool.swift against it
# (no executable target needed in Package.swift), then runs it with the given arguments.
#   Tools/graphics/graphics-tool.sh bench            # encode times and sizes for a 200×60-cell pane
#   Tools/graphics/graphics-tool.sh pattern p.pgm 800 600
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin="$root/.build/graphics-tool"
cd "$root"
swift build -c release --target TerminalUI >/dev/null 2>&1 || swift build -c release --target TerminalUI
rel=$(swift build -c release --show-bin-path 2>/dev/null)
if [ ! -x "$bin" ] || [ -n "$(find "$rel/TerminalUI.build" "$root/Tools/graphics/GraphicsTool.swift" -newer "$bin" -name '*.o' -o -newer "$bin" -name '*.swift' | head -1)" ]; then
  swiftc -O -module-name GraphicsTool -I "$rel/Modules" \
    "$root/Tools/graphics/GraphicsTool.swift" "$rel"/TerminalUI.build/*.o "$rel"/Common.build/*.o -o "$bin"
fi
exec "$bin" "$@"
