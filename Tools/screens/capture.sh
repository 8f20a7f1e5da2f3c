#!/usr/bin/env bash
# Regenerates Docs/screens/*.txt: tmux captures (capture-pane, text only) of the reading room on
# SampleStudies with the shipped models, 120x36 cells, half-block images, a scratch ledger and the
# built-in keys. The queue is captured once every AI flag is in (--prefetch-ai); each kind's study
# once its findings panel shows.
# Usage: Tools/screens/capture.sh [LIGHTBOX_BIN]   (default: .build/debug/lightbox; a debug build,
# whose LIGHTBOX_TEST_ACCOUNT lets the screens show reader "demo" whoever runs the script)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-.build/debug/lightbox}
OUT=Docs/screens
work=$(mktemp -d)
sock=lightbox-screens-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

shot() { tmux -L "$sock" capture-pane -p -t lb; }
keys() { tmux -L "$sock" send-keys -t lb "$@"; }
wait_for() {   # wait_for TEXT: poll the screen (never a fixed sleep) for up to 30 s
  for _ in $(seq 300); do shot | grep -qF -- "$1" && return 0; sleep 0.1; done
  echo "capture: timed out waiting for '$1'; screen:" >&2; shot >&2; exit 1
}
wait_re() {
  for _ in $(seq 300); do shot | grep -qE -- "$1" && return 0; sleep 0.1; done
  echo "capture: timed out waiting for /$1/; screen:" >&2; shot >&2; exit 1
}

tmux -L "$sock" -f /dev/null new-session -d -s lb -x 120 -y 36 \
  "TERM=xterm-256color XDG_CONFIG_HOME='$work/config' LIGHTBOX_TEST_ACCOUNT=demo '$BIN' --library SampleStudies --db '$work/ledger.sqlite' \
   --reader demo --graphics halfblock --models Models --prefetch-ai"
wait_for "unread"
# Every row flagged: no row still shows the pending dot in the AI column.
for _ in $(seq 300); do shot | grep -qE '^. unread +· ' || break; sleep 0.1; done
shot > "$OUT/queue.txt"

for study in ph-extremity-0c9e212d6688362c:extremity:fracture ph-hand-353a226bebbc784b:hand:boneage ph-spine-30762d55c3344197:spine:spine; do
  IFS=: read -r id kind model <<< "$study"
  keys / ; keys Escape                    # clear the previous search
  keys / ; keys -l "$id" ; keys Enter Enter
  wait_for "AI: $model-phantom"
  wait_for " saved"
  wait_re 'W [0-9]+ L [0-9]+'             # the image is on screen (its window in the pane title)
  shot > "$OUT/study-$kind.txt"
  keys Escape
  wait_for "Draft kept"
done
keys q
echo "wrote $OUT/queue.txt $OUT/study-extremity.txt $OUT/study-hand.txt $OUT/study-spine.txt"
