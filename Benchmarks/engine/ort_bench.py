#!/usr/bin/env python3
# onnxruntime side of Benchmarks/engine/run.sh: times MODEL on INPUT.npy with N threads
# (intra-op; sequential execution), writes every output to OUTDIR/NAME.npy (names sanitised
# as lightbox does) and prints
# "median_ms p90_ms peak_rss_mb cpu_ms_per_run".
import os
import re
import sys
import time

import numpy as np
import onnxruntime as ort

model, inp, out, threads, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
so = ort.SessionOptions()
so.intra_op_num_threads = threads
so.inter_op_num_threads = 1
so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
sess = ort.InferenceSession(model, so, providers=["CPUExecutionProvider"])
x = np.load(inp)
feed = {sess.get_inputs()[0].name: x}
ys = sess.run(None, feed)
for _ in range(2):
    sess.run(None, feed)
times = []
cpu0 = time.process_time()
for _ in range(runs):
    t0 = time.perf_counter()
    sess.run(None, feed)
    times.append((time.perf_counter() - t0) * 1000)
cpu_per_run = (time.process_time() - cpu0) * 1000 / runs
times.sort()
os.makedirs(out, exist_ok=True)
for o, y in zip(sess.get_outputs(), ys):
    np.save(os.path.join(out, re.sub(r"[^A-Za-z0-9_.-]", "_", o.name) + ".npy"), y)
hwm = 0
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        hwm = int(line.split()[1]) / 1024
p90 = times[min(len(times) - 1, int(np.ceil(len(times) * 0.9)) - 1)]
print(f"{times[len(times) // 2]:.3f} {p90:.3f} {hwm:.1f} {cpu_per_run:.1f}")
