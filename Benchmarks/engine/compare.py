#!/usr/bin/env python3
# Compares every NAME.npy in two output directories (lightbox's and onnxruntime's):
# prints the largest absolute difference over all outputs, and the largest |value|.
import os
import sys

import numpy as np

a_dir, b_dir = sys.argv[1], sys.argv[2]
names = sorted(os.listdir(b_dir))
worst, scale = 0.0, 0.0
for n in names:
    a, b = np.load(os.path.join(a_dir, n)), np.load(os.path.join(b_dir, n))
    if a.shape != b.shape:
        print(f"shape-mismatch {n} {a.shape} {b.shape}")
        sys.exit(1)
    worst = max(worst, float(np.max(np.abs(a.astype(np.float64) - b.astype(np.float64)))))
    scale = max(scale, float(np.max(np.abs(b))))
print(f"{worst:.3g} {scale:.3g}")
