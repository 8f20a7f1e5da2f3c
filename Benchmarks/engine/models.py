#!/usr/bin/env python3
"""Every model in Models/ on the embedded engine and on onnxruntime, same inputs, same run
(part of make bench). For each model: seeded random inputs of its declared shapes, latency
median of each engine at THREADS threads, the ratio Lightbox/onnxruntime, peak memory of the
Lightbox process, and the max abs difference of every output.
Usage: models.py LIGHTBOX_BIN MODELS_DIR WORK_DIR [THREADS] [RUNS]"""
import os, pathlib, re, subprocess, sys, time
import numpy as np
import onnxruntime as ort

lightbox, models_dir, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 20
work.mkdir(parents=True, exist_ok=True)
models = sorted(models_dir.glob("*/model.onnx"))
if not models:
    print(f"no models in {models_dir}")
    sys.exit(0)
print(f"{'model':<20} {'lb_med':>8} {'ort_med':>8} {'ratio':>6} {'lb_mb':>7} {'max_abs':>9}")
worst = 0.0
for path in models:
    name = path.parent.name
    so = ort.SessionOptions()
    so.intra_op_num_threads, so.inter_op_num_threads = threads, 1
    sess = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
    rng = np.random.default_rng(7)
    feed, args = {}, []
    for i in sess.get_inputs():
        shape = [d if isinstance(d, int) else 1 for d in i.shape]
        x = rng.random(shape, dtype=np.float32)
        feed[i.name] = x
        f = work / f"{name}_{re.sub(r'[^A-Za-z0-9_.-]', '_', i.name)}.npy"
        np.save(f, x)
        args += ["--input", f"{i.name}={f}"]
    for _ in range(3):
        ys = sess.run(None, feed)
    times = []
    for _ in range(runs):
        t = time.perf_counter(); sess.run(None, feed); times.append((time.perf_counter() - t) * 1000)
    ort_med = sorted(times)[len(times) // 2]
    out = subprocess.run([lightbox, "onnx", "bench", str(path), "--threads", str(threads), "--runs", str(runs)] + args,
                         capture_output=True, text=True, check=True).stdout
    lb_med = float(re.search(r"median_ms ([0-9.]+)", out).group(1))
    lb_mb = float(re.search(r"peak_rss_mb ([0-9.]+)", out).group(1))
    outdir = work / f"{name}_out"
    subprocess.run([lightbox, "onnx", "run", str(path), "--out", str(outdir)] + args, capture_output=True, check=True)
    diff = 0.0
    for o, y in zip(sess.get_outputs(), ys):
        mine = np.load(outdir / (re.sub(r"[^A-Za-z0-9_.-]", "_", o.name) + ".npy"))
        diff = max(diff, float(np.max(np.abs(mine.astype(np.float64) - y.astype(np.float64)))))
    worst = max(worst, diff)
    print(f"{name:<20} {lb_med:8.2f} {ort_med:8.2f} {lb_med / ort_med:6.2f} {lb_mb:7.1f} {diff:9.2e}")
if worst > 1e-4:
    print(f"outputs differ by {worst:.2e} > 1e-4")
    sys.exit(1)
