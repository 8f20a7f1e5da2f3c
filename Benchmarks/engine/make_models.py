#!/usr/bin/env python3
# Benchmark model maker for Benchmarks/engine/run.sh: takes the full-size graphs in
# ../shared/reference/onnx/light/ (weights all one constant, built by ConstantOfShape nodes),
# turns those nodes into initializers and replaces every float initializer with seeded random values (He-scaled conv/gemm weights, near-identity
# BatchNorm statistics), so both engines compute on realistic numbers.
# Writes OUT/<name>.onnx and OUT/<name>_input.npy (batch 1, seeded).
import sys

import numpy as np
import onnx
from onnx import numpy_helper

light, out = sys.argv[1], sys.argv[2]
names = sys.argv[3:]
for name in names:
    rng = np.random.default_rng(1234)
    model = onnx.load(f"{light}/light_{name}.onnx")
    g = model.graph
    # The light graphs build every weight with ConstantOfShape(shape initializer): turn each
    # into a plain initializer of that shape (values replaced below).
    inits = {t.name: t for t in g.initializer}
    keep = []
    used_shapes = set()
    for node in g.node:
        if node.op_type == "ConstantOfShape" and node.input[0] in inits:
            shape = numpy_helper.to_array(inits[node.input[0]]).astype(np.int64)
            g.initializer.append(numpy_helper.from_array(np.zeros(shape, np.float32), node.output[0]))
            used_shapes.add(node.input[0])
        else:
            keep.append(node)
    del g.node[:]
    g.node.extend(keep)
    still_used = {i for n in g.node for i in n.input}
    for t in [t for t in g.initializer if t.name in used_shapes and t.name not in still_used]:
        g.initializer.remove(t)
    # Old IR versions also list initializers as graph inputs: drop the removed ones.
    names = {t.name for t in g.initializer}
    for i in [i for i in g.input if i.name in used_shapes and i.name not in names]:
        g.input.remove(i)
    role = {}
    for node in g.node:
        for i, inp in enumerate(node.input):
            if node.op_type == "BatchNormalization" and i > 0:
                role[inp] = ["", "bn_scale", "bn_bias", "bn_mean", "bn_var"][i]
            elif node.op_type in ("Conv", "Gemm", "MatMul", "ConvTranspose") and i == 1:
                role[inp] = "weight"
            elif node.op_type in ("Conv", "Gemm", "ConvTranspose") and i == 2:
                role[inp] = "bias"
    # BatchNorms closing a residual branch get a small scale (as in "zero-init residual"
    # training practice) so the residual sums do not grow geometrically.
    consumers = {}
    for node in g.node:
        for i in node.input:
            consumers.setdefault(i, []).append(node.op_type)
    for node in g.node:
        if node.op_type == "BatchNormalization" and any(c in ("Sum", "Add") for c in consumers.get(node.output[0], [])):
            role[node.input[1]] = "bn_residual_scale"
    for t in g.initializer:
        a = numpy_helper.to_array(t)
        if a.dtype != np.float32:
            continue
        r = role.get(t.name, "other")
        # Near-identity BatchNorm and variance-preserving weights keep activations O(1) through
        # 50-120 layers (otherwise logits reach 1e4 and float32 rounding alone exceeds 1e-4).
        if r == "weight":
            fan_in = int(np.prod(a.shape[1:])) if a.ndim > 1 else a.shape[0]
            v = rng.standard_normal(a.shape) * np.sqrt(2.0 / max(fan_in, 1))
        elif r == "bn_residual_scale":
            v = rng.uniform(0.1, 0.3, a.shape)
        elif r in ("bn_scale", "bn_var"):
            v = rng.uniform(0.8, 1.2, a.shape)
        else:
            v = rng.standard_normal(a.shape) * 0.05
        t.CopyFrom(numpy_helper.from_array(v.astype(np.float32), t.name))
    # A saturated softmax hides differences: expose its input (the logits) as a second output.
    last = g.node[-1]
    if last.op_type == "Softmax" and last.input[0] not in {o.name for o in g.output}:
        g.output.append(onnx.helper.make_empty_tensor_value_info(last.input[0]))
    onnx.save(model, f"{out}/{name}.onnx")
    inp = [i for i in g.input if i.name not in {t.name for t in g.initializer}][0]
    shape = [d.dim_value or 1 for d in inp.type.tensor_type.shape.dim]
    shape[0] = 1
    np.save(f"{out}/{name}_input.npy", rng.standard_normal(shape).astype(np.float32))
    print(f"made {name}: input {inp.name} {shape}")
