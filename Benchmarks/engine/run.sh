#!/usr/bin/env bash
# Lightbox engine vs onnxruntime on the same files, same run: DenseNet-121 and ResNet-50
# with seeded random weights (made from ../shared/reference/onnx/light/), batch 1.
# Prints, per model: latency at THREADS threads (default 2; median and p90 ms), the ratio
# Lightbox/onnxruntime, single-thread CPU time per inference of each (a steadier measure
# of the work done on a shared machine), peak memory (VmHWM) of each process, and the max
# abs difference over the outputs (softmax and the logits before it; must be <= 1e-4).
# The machine is shared: engines are measured alternately ROUNDS times and the best
# (lowest) value of each is kept, the one least disturbed by other load.
# Installs onnxruntime, onnx and numpy from PyPI into a venv on first use.
# Never sets OPENBLAS_*: the lightbox binary chooses its BLAS kernel itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
THREADS=${THREADS:-2}
RUNS=${RUNS:-10}
ROUNDS=${ROUNDS:-3}
MODELS=${MODELS:-"densenet121 resnet50"}
LIGHT=${LIGHT:-$ROOT/../shared/reference/onnx/light}
VENV=${BENCH_VENV:-$ROOT/.build/bench-venv}
WORK=${BENCH_WORK:-$ROOT/.build/bench-engine}

if [ ! -d "$LIGHT" ]; then echo "bench: $LIGHT not found (the shared reference models)"; exit 1; fi
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q onnxruntime onnx==1.22.0 numpy
fi
PY=$VENV/bin/python
swift build -c release --product lightbox >/dev/null
BIN=$(swift build -c release --show-bin-path)/lightbox
mkdir -p "$WORK"
"$PY" Benchmarks/engine/make_models.py "$LIGHT" "$WORK" $MODELS >/dev/null

# measure ENGINE MODEL INPUT THREADS -> "median_ms p90_ms peak_mb cpu_ms_per_run"
measure() {
  if [ "$1" = ort ]; then
    "$PY" Benchmarks/engine/ort_bench.py "$2" "$3" "$WORK/$(basename "$2" .onnx)_ort" "$4" "$RUNS" 2>/dev/null
  else
    "$BIN" onnx bench "$2" --input "$3" --threads "$4" --runs "$RUNS" |
      awk '/median_ms/ {m=$2; p=$4; c=$8} /peak_rss_mb/ {r=$4} END {print m, p, r, c}'
  fi
}
lower() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(b == "" || a < b) }'; }

echo "onnxruntime $("$PY" -c 'import onnxruntime; print(onnxruntime.__version__)'), lightbox blas core $("$BIN" onnx bench "$WORK/resnet50.onnx" --runs 1 2>/dev/null | awk '/blas_core/ {print $NF}' || echo '?')"
echo "batch 1, $THREADS threads, $RUNS runs after warm-up, best of $ROUNDS alternating rounds"
printf "%-12s %9s %9s %9s %9s %7s | %9s %9s %7s | %8s %8s | %9s\n" model lb_med lb_p90 ort_med ort_p90 ratio lb_cpu1 ort_cpu1 ratio lb_mb ort_mb max_abs
status=0
for m in $MODELS; do
  model=$WORK/$m.onnx; input=$WORK/${m}_input.npy
  rm -rf "$WORK/${m}_ort" "$WORK/${m}_lb"
  lb_med=; ort_med=; lb_cpu=; ort_cpu=
  for round in $(seq "$ROUNDS"); do
    read -r a b c d < <(measure ort "$model" "$input" "$THREADS")
    if lower "$a" "$ort_med"; then ort_med=$a; ort_p90=$b; ort_mem=$c; fi
    read -r a b c d < <(measure lb "$model" "$input" "$THREADS")
    if lower "$a" "$lb_med"; then lb_med=$a; lb_p90=$b; lb_mem=$c; fi
    read -r a b c d < <(measure ort "$model" "$input" 1)
    if lower "$d" "$ort_cpu"; then ort_cpu=$d; fi
    read -r a b c d < <(measure lb "$model" "$input" 1)
    if lower "$d" "$lb_cpu"; then lb_cpu=$d; fi
  done
  "$BIN" onnx run "$model" --input "$input" --threads "$THREADS" --out "$WORK/${m}_lb" >/dev/null
  read -r err scale < <("$PY" Benchmarks/engine/compare.py "$WORK/${m}_lb" "$WORK/${m}_ort")
  ratio=$(awk -v a="$lb_med" -v b="$ort_med" 'BEGIN { printf "%.2f", a / b }')
  cratio=$(awk -v a="$lb_cpu" -v b="$ort_cpu" 'BEGIN { printf "%.2f", a / b }')
  printf "%-12s %9.1f %9.1f %9.1f %9.1f %6sx | %9.1f %9.1f %6sx | %8.0f %8.0f | %9s\n" "$m" "$lb_med" "$lb_p90" "$ort_med" "$ort_p90" "$ratio" "$lb_cpu" "$ort_cpu" "$cratio" "$lb_mem" "$ort_mem" "$err"
  awk -v e="$err" 'BEGIN { exit !(e + 0 <= 1e-4) }' || { echo "  outputs differ by more than 1e-4"; status=1; }
done
exit $status
