"""Writes Tests/InferenceTests/Fixtures/models/fracture-phantom/: an input tensor and the outputs of the
training framework (the JAX forward function of Training/fracture.py on the weights stored in the shipped
Models/fracture-phantom/model.onnx). The Swift test runs the same model.onnx on the engine and compares.

Usage: python Training/make_fixture.py   (needs the lightbox release binary for the phantom)
"""
import os, sys, subprocess, tempfile
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C, fracture as F
import onnx
from onnx import numpy_helper

out = os.path.join(C.ROOT, "Tests/InferenceTests/Fixtures/models/fracture-phantom")
os.makedirs(out, exist_ok=True)
model = onnx.load(os.path.join(C.ROOT, "Models/fracture-phantom/model.onnx"))
# The shipped graph holds each Conv with its BatchNorm folded in (w, b); the JAX forward runs them as
# conv_bn with g = 1, beta = b and running statistics (0, 1 - eps), which is the identity BatchNorm.
inits = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
params, bn = {}, {}
for k in F.init(0):
    if k.endswith(".w") or k == "head.bias":
        params[k] = inits[k]
    elif k.endswith(".g"):
        params[k] = np.ones_like(inits[k[:-2] + ".b"])
    elif k.endswith(".beta"):
        name = k[:-5]
        params[k] = inits[name + ".b"]
        bn[name] = (np.zeros_like(params[k]), np.full_like(params[k], 1 - 1e-5))
with tempfile.TemporaryDirectory() as d:
    # One abnormal study (seed 4242 is the sample-study seed, never used in training).
    C.generate("extremity", 8, 4242, d, F.SIZE, jobs=1)
    for s in C.studies(d):
        ref = C.read_json(os.path.join(s, "reference.json"))
        if ref["extremity"]["label"] == "abnormal":
            st = C.read_json(os.path.join(s, "study.json")); ser = st["series"][0]
            x, *_ = C.letterbox(C.load_grey(s, ser, ser["images"][0]), F.H, F.W)
            x = C.normalise(x, F.MEAN, F.STD)[None, None]   # = F.prep of the uint8 grey the recipe trains on
            break
# Float64 in JAX: the reference both engine paths (threaded and reference kernels) are compared with;
# the refitted linear head has large weights, and two float32 summation orders differ by ~1e-4 on the CAM.
import jax
jax.config.update("jax_enable_x64", True)
params = {k: np.asarray(v, np.float64) for k, v in params.items()}
bn = {k: (np.asarray(m, np.float64), np.asarray(v, np.float64)) for k, (m, v) in bn.items()}
logit, cam = F.forward(C.Net(params, bn_state=bn), x.astype(np.float64))
np.save(os.path.join(out, "input.npy"), x.astype(np.float32))
np.save(os.path.join(out, "logit.npy"), np.asarray(logit, np.float32))
np.save(os.path.join(out, "cam.npy"), np.asarray(cam, np.float32))
np.save(os.path.join(out, "bias.npy"), np.asarray(params["head.bias"], np.float32).reshape(1))
print("logit", np.asarray(logit).ravel(), "cam", np.asarray(cam).shape)
