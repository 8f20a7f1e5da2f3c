"""Runs boneage-phantom (onnxruntime) on the real hand radiographs in ../shared/reference/radiographs/.
No labels exist: this reports, it does not tune. Window = min-max (8-bit PNGs carry no VOI window)."""
import os, sys, glob
import numpy as np
from PIL import Image
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C, boneage as B
import onnxruntime as ort

d = os.path.join(C.ROOT, "..", "shared", "reference", "radiographs", "radinformatics-bone-age-example-images")
s = ort.InferenceSession(os.path.join(C.ROOT, "Models", B.NAME, "model.onnx"), providers=["CPUExecutionProvider"])
for p in sorted(glob.glob(os.path.join(d, "*.png"))):
    a = np.asarray(Image.open(p).convert("L"), np.float64)
    g = (a - a.min()) / max(a.max() - a.min(), 1)
    x, *_ = C.letterbox(np.round(g * 255) / 255, B.H, B.W)
    x = C.normalise(x, B.MEAN, B.STD)[None, None]
    out = []
    for sex in (0.0, 1.0):
        m, lv = s.run(None, {"image": x, "sex": np.array([[sex]], np.float32)})
        out.append(f"{'F' if sex == 0 else 'M'} {m[0,0]:6.1f} ± {1.96*np.exp(0.5*lv[0,0]):5.1f} mo")
    print(os.path.basename(p), " | ".join(out))
