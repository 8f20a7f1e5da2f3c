#!/usr/bin/env bash
# Lightbox engine vs onnxruntime on the same files, same run: DenseNet-121 and ResNet-50
# with seeded random weights (made from ../shared/reference/onnx/light/), batch 1,
# THREADS threads (default 2). Prints latency (median, p90), the ratio Lightbox/onnxruntime,
# peak memory (VmHWM) of each process, and the max abs difference over the outputs (softmax
# and the logits before it; must be <= 1e-4). Installs onnxruntime, onnx and numpy from PyPI into a venv on first use.
# Never sets OPENBLAS_*: the lightbox binary chooses its BLAS kernel itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
THREADS=${THREADS:-2}
RUNS=${RUNS:-10}
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

echo "onnxruntime $("$PY" -c 'import onnxruntime; print(onnxruntime.__version__)'), threads $THREADS, runs $RUNS, batch 1"
printf "%-12s %10s %10s %10s %10s %7s %10s %10s %9s\n" model lb_med_ms lb_p90_ms ort_med_ms ort_p90_ms ratio lb_peak_mb ort_peak_mb max_abs
status=0
for m in $MODELS; do
  model=$WORK/$m.onnx; input=$WORK/${m}_input.npy
  rm -rf "$WORK/${m}_ort" "$WORK/${m}_lb"
  read -r ort_med ort_p90 ort_mem < <("$PY" Benchmarks/engine/ort_bench.py "$model" "$input" "$WORK/${m}_ort" "$THREADS" "$RUNS" 2>/dev/null)
  lb=$("$BIN" onnx bench "$model" --input "$input" --threads "$THREADS" --runs "$RUNS")
  lb_med=$(echo "$lb" | awk '/median_ms/ {print $2}')
  lb_p90=$(echo "$lb" | awk '/median_ms/ {print $4}')
  lb_mem=$(echo "$lb" | awk '/peak_rss_mb/ {print $4}')
  "$BIN" onnx run "$model" --input "$input" --threads "$THREADS" --out "$WORK/${m}_lb" >/dev/null
  read -r err scale < <("$PY" Benchmarks/engine/compare.py "$WORK/${m}_lb" "$WORK/${m}_ort")
  ratio=$(awk -v a="$lb_med" -v b="$ort_med" 'BEGIN { printf "%.2f", a / b }')
  printf "%-12s %10s %10s %10s %10s %6sx %10s %10s %9s\n" "$m" "$lb_med" "$lb_p90" "$ort_med" "$ort_p90" "$ratio" "$lb_mem" "$ort_mem" "$err"
  awk -v e="$err" 'BEGIN { exit !(e + 0 <= 1e-4) }' || { echo "  outputs differ by more than 1e-4"; status=1; }
done
echo "blas_core $(echo "$lb" | awk '/blas_core/ {print $NF}')"
exit $status
