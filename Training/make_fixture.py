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
params = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer if t.name in F.init(0)}
with tempfile.TemporaryDirectory() as d:
    # One abnormal study (seed 4242 is the sample-study seed, never used in training).
    C.generate("extremity", 8, 4242, d, "quarter", jobs=1)
    for s in C.studies(d):
        ref = C.read_json(os.path.join(s, "reference.json"))
        if ref["extremity"]["label"] == "abnormal":
            st = C.read_json(os.path.join(s, "study.json")); ser = st["series"][0]
            x, *_ = C.letterbox(C.load_grey(s, ser, ser["images"][0]), F.H, F.W)
            x = C.normalise(x, F.MEAN, F.STD)[None, None]
            break
logit, cam = F.forward(C.Net(params), x)
np.save(os.path.join(out, "input.npy"), x.astype(np.float32))
np.save(os.path.join(out, "logit.npy"), np.asarray(logit, np.float32))
np.save(os.path.join(out, "cam.npy"), np.asarray(cam, np.float32))
np.save(os.path.join(out, "bias.npy"), np.asarray(params["head.bias"], np.float32).reshape(1))
print("logit", np.asarray(logit).ravel(), "cam", np.asarray(cam).shape)
