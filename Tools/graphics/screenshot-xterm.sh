#!/usr/bin/env bash
# Runs a command in xterm emulating a VT340 (sixel, 256 colour registers) on a
# private Xvfb display and saves a PNG of the xterm window once it has finished.
#
#   Tools/graphics/screenshot-xterm.sh [options] -- COMMAND [ARG…]
#     --out FILE.png      where the screenshot goes (default: xterm.png)
#     --size COLSxROWS    terminal size in cells (default: 100x40)
#     --font-size N       DejaVu Sans Mono at N points (default: 10)
#     --truecolor         set COLORTERM=truecolor for the command
#     --no-shot           only run the command (record-replies.sh uses this)
#
# Needs: Xvfb, xterm, ImageMagick's `import` (apt-get install -y xvfb xterm imagemagick x11-utils).
# Only the Xvfb and xterm this script starts are stopped, by their process ids.
set -euo pipefail
out=xterm.png size=100x40 font=10 shot=1 env_extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --font-size) font=$2; shift 2 ;;
    --truecolor) env_extra+=(COLORTERM=truecolor); shift ;;
    --no-shot) shot=0; shift ;;
    --) shift; break ;;
    *) echo "screenshot-xterm: unknown option $1" >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: screenshot-xterm.sh [options] -- COMMAND [ARG…]" >&2; exit 2; }
for tool in Xvfb xterm import xwininfo; do
  command -v "$tool" >/dev/null || { echo "screenshot-xterm: $tool missing (apt-get install -y xvfb xterm imagemagick x11-utils)" >&2; exit 2; }
done

work=$(mktemp -d /tmp/lightbox-xterm.XXXXXX)
xvfb_pid="" xterm_pid=""
cleanup() {
  [ -n "$xterm_pid" ] && kill "$xterm_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A free display number: the first without a lock file.
display=""
for n in $(seq 90 130); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || { echo "screenshot-xterm: no free X display" >&2; exit 1; }
Xvfb "$display" -screen 0 2400x1600x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

# The command runs through a wrapper that marks completion, then holds the window open.
printf '%q ' "$@" >"$work/cmd"
cat >"$work/run.sh" <<WRAP
#!/usr/bin/env bash
printf '\033[?25l'      # hide the cursor: it is not part of the picture
$( [ ${#env_extra[@]} -gt 0 ] && printf 'export %q\n' "${env_extra[@]}" )
bash -c "\$(cat '$work/cmd')"
echo \$? >'$work/done'
sleep 600
WRAP
chmod +x "$work/run.sh"
DISPLAY=$display xterm -ti vt340 -xrm 'XTerm*decTerminalID: vt340' -xrm 'XTerm*numColorRegisters: 256' \
  -xrm 'XTerm*sixelScrolling: true' -xrm 'XTerm*allowWindowOps: true' \
  -fa 'DejaVu Sans Mono' -fs "$font" -geometry "$size+0+0" -bg black -fg grey85 -bw 0 -b 0 \
  -T lightbox-shot -e "$work/run.sh" &
xterm_pid=$!
for _ in $(seq 600); do [ -e "$work/done" ] && break; sleep 0.1; done
[ -e "$work/done" ] || { echo "screenshot-xterm: the command did not finish within 60 s" >&2; exit 1; }
status=$(cat "$work/done")
if [ "$shot" = 1 ]; then
  sleep 0.5   # let xterm paint what it received
  id=$(DISPLAY=$display xwininfo -name lightbox-shot | awk '/Window id:/ {print $4}')
  DISPLAY=$display import -window "$id" "$out"
  echo "screenshot-xterm: wrote $out (command exit status $status)"
fi
exit "$status"
