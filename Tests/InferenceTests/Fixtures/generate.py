#!/usr/bin/env python3
# Generator of Tests/InferenceTests/Fixtures/cases/*: small ONNX operator cases in the
# ONNX backend-test layout (model.onnx + test_data_set_0/input_N.pb, output_N.pb).
# Expected outputs come from onnx's own ReferenceEvaluator, not from Lightbox.
# Requires onnx==1.22.0 and numpy:  python3 -m venv v && v/bin/pip install onnx==1.22.0 numpy
# Run from anywhere:  v/bin/python Tests/InferenceTests/Fixtures/generate.py
import os
import shutil

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from onnx.reference import ReferenceEvaluator

assert onnx.__version__ == "1.22.0", onnx.__version__
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases")
rng = np.random.default_rng(20261128)


def f32(*shape, scale=1.0):
    return (rng.standard_normal(shape) * scale).astype(np.float32)


def init(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


def case(name, nodes, inputs, outputs, initializers=(), opset=17, expected=None):
    """inputs: list of (name, array); outputs: list of names; expected: outputs computed here instead."""
    def build(out_infos):
        graph = helper.make_graph(
            nodes, name,
            [helper.make_tensor_value_info(n, helper.np_dtype_to_tensor_dtype(a.dtype), a.shape) for n, a in inputs],
            out_infos, list(initializers))
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], producer_name="lightbox-fixtures")
        model.ir_version = 8
        return model
    draft = build([helper.make_empty_tensor_value_info(n) for n in outputs])
    results = expected or ReferenceEvaluator(draft).run(None, {n: a for n, a in inputs})
    model = build([helper.make_tensor_value_info(n, helper.np_dtype_to_tensor_dtype(r.dtype), r.shape)
                   for n, r in zip(outputs, results)])
    onnx.checker.check_model(model, full_check=True)
    d = os.path.join(OUT, name)
    os.makedirs(os.path.join(d, "test_data_set_0"))
    onnx.save(model, os.path.join(d, "model.onnx"))
    for i, (n, a) in enumerate(inputs):
        with open(os.path.join(d, "test_data_set_0", f"input_{i}.pb"), "wb") as fh:
            fh.write(numpy_helper.from_array(a, n).SerializeToString())
    for i, (n, a) in enumerate(zip(outputs, results)):
        with open(os.path.join(d, "test_data_set_0", f"output_{i}.pb"), "wb") as fh:
            fh.write(numpy_helper.from_array(np.asarray(a), n).SerializeToString())


shutil.rmtree(OUT, ignore_errors=True)

# Conv (groups, strides, pads, dilations) → BatchNormalization → Relu: exercises folding and fusion.
case("conv_bn_relu", [
    helper.make_node("Conv", ["x", "w", "b"], ["c"], group=2, strides=[2, 1], pads=[1, 2, 1, 0], dilations=[1, 2]),
    helper.make_node("BatchNormalization", ["c", "s", "bb", "m", "v"], ["n"], epsilon=1e-3),
    helper.make_node("Relu", ["n"], ["y"]),
], [("x", f32(2, 4, 9, 8))], ["y"], [
    init("w", f32(6, 2, 3, 3)), init("b", f32(6)), init("s", f32(6) + 1), init("bb", f32(6)),
    init("m", f32(6)), init("v", np.abs(f32(6)) + 0.5)])

# Depthwise conv with SAME_UPPER → Clip(0, 6), the MobileNet block.
case("depthwise_relu6", [
    helper.make_node("Conv", ["x", "w"], ["c"], group=3, kernel_shape=[3, 3], strides=[2, 2], auto_pad="SAME_UPPER"),
    helper.make_node("Clip", ["c", "lo", "hi"], ["y"]),
], [("x", f32(1, 3, 7, 7, scale=3))], ["y"], [init("w", f32(3, 1, 3, 3)), init("lo", np.float32(0)), init("hi", np.float32(6))], opset=13)

# ConvTranspose with stride, output_padding and a bias (U-Net decoders).
case("conv_transpose_stride2", [
    helper.make_node("ConvTranspose", ["x", "w", "b"], ["y"], strides=[2, 2], pads=[1, 1, 1, 1], output_padding=[1, 1]),
], [("x", f32(1, 3, 4, 5))], ["y"], [init("w", f32(3, 2, 3, 3)), init("b", f32(2))])

# Pools: MaxPool ceil_mode, AveragePool count_include_pad, GlobalAveragePool; Concat of the three.
case("pools", [
    helper.make_node("MaxPool", ["x"], ["a"], kernel_shape=[3, 3], strides=[2, 2], ceil_mode=1),
    helper.make_node("AveragePool", ["x"], ["b"], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1], count_include_pad=1),
    helper.make_node("GlobalMaxPool", ["x"], ["g"]),
    helper.make_node("Add", ["a", "g"], ["ag"]),
    helper.make_node("Concat", ["ag", "b"], ["y"], axis=1),
], [("x", f32(1, 2, 8, 8))], ["y"])

# Resize: linear half_pixel by scales, nearest asymmetric by sizes.
case("resize_linear_nearest", [
    helper.make_node("Resize", ["x", "", "scales"], ["a"], mode="linear"),
    helper.make_node("Resize", ["a", "", "", "sizes"], ["y"], mode="nearest", coordinate_transformation_mode="asymmetric", nearest_mode="floor"),
], [("x", f32(1, 2, 3, 4))], ["y"], [init("scales", np.array([1, 1, 2, 1.5], np.float32)), init("sizes", np.array([1, 2, 5, 7], np.int64))])

# The PyTorch flatten idiom feeding Gemm and Softmax (shape ops folded at plan time).
case("flatten_gemm_softmax", [
    helper.make_node("Shape", ["x"], ["s"]),
    helper.make_node("Gather", ["s", "zero"], ["n"], axis=0),
    helper.make_node("Unsqueeze", ["n", "axes"], ["n1"]),
    helper.make_node("Concat", ["n1", "minus1"], ["shape"], axis=0),
    helper.make_node("Reshape", ["x", "shape"], ["f"]),
    helper.make_node("Gemm", ["f", "w", "b"], ["g"], transB=1, alpha=0.5, beta=2.0),
    helper.make_node("Softmax", ["g"], ["y"], axis=-1),
], [("x", f32(3, 2, 2, 3))], ["y"], [
    init("zero", np.array(0, np.int64)), init("axes", np.array([0], np.int64)), init("minus1", np.array([-1], np.int64)),
    init("w", f32(5, 12)), init("b", f32(5))])

# Old Softmax semantics (opset 11: coerce to 2-D at axis) on a 3-D input. ReferenceEvaluator
# applies the opset-13 rule to every version, so the expected output is computed here from the
# opset-11 definition.
sx = f32(2, 3, 4)
flat = sx.reshape(2, 12)
ex = np.exp(flat - flat.max(axis=1, keepdims=True))
case("softmax_opset11", [helper.make_node("Softmax", ["x"], ["y"], axis=1)], [("x", sx)], ["y"], opset=11,
     expected=[(ex / ex.sum(axis=1, keepdims=True)).reshape(2, 3, 4).astype(np.float32)])

# Pad reflect → Transpose → ReduceMean (axes as input, opset 18) → Sqrt(Exp).
case("pad_transpose_reduce", [
    helper.make_node("Pad", ["x", "pads"], ["p"], mode="reflect"),
    helper.make_node("Transpose", ["p"], ["t"], perm=[0, 2, 3, 1]),
    helper.make_node("ReduceMean", ["t", "axes"], ["r"], keepdims=0),
    helper.make_node("Exp", ["r"], ["e"]),
    helper.make_node("Sqrt", ["e"], ["y"]),
], [("x", f32(1, 2, 4, 5))], ["y"], [init("pads", np.array([0, 0, 1, 2, 0, 0, 2, 1], np.int64)), init("axes", np.array([1, -1], np.int64))], opset=18)

# Activations and broadcasting arithmetic.
case("activations_broadcast", [
    helper.make_node("PRelu", ["x", "slope"], ["a"]),
    helper.make_node("HardSwish", ["a"], ["b"]),
    helper.make_node("LeakyRelu", ["x"], ["c"], alpha=0.2),
    helper.make_node("HardSigmoid", ["c"], ["d"]),
    helper.make_node("Sigmoid", ["x"], ["e"]),
    helper.make_node("Tanh", ["x"], ["f"]),
    helper.make_node("Sum", ["b", "d", "e"], ["s"]),
    helper.make_node("Div", ["s", "k"], ["q"]),
    helper.make_node("Sub", ["q", "f"], ["u"]),
    helper.make_node("Mul", ["u", "row"], ["y"]),
], [("x", f32(2, 3, 4, 5, scale=4))], ["y"], [init("slope", f32(3, 1, 1)), init("k", np.array(3, np.float32)), init("row", f32(5))])

# Batched MatMul with broadcasting and Squeeze/Unsqueeze/Flatten.
case("matmul_batched", [
    helper.make_node("MatMul", ["a", "b"], ["m"]),
    helper.make_node("Unsqueeze", ["m", "axes"], ["u"]),
    helper.make_node("Squeeze", ["u", "axes"], ["s"]),
    helper.make_node("Flatten", ["s"], ["y"], axis=2),
], [("a", f32(2, 1, 3, 4)), ("b", f32(3, 4, 5))], ["y"], [init("axes", np.array([1], np.int64))])

# Upsample (opset 9) nearest, Dropout and Identity at inference.
case("upsample_dropout_identity", [
    helper.make_node("Upsample", ["x", "scales"], ["u"], mode="nearest"),
    helper.make_node("Dropout", ["u"], ["d"], ratio=0.3),
    helper.make_node("Identity", ["d"], ["y"]),
], [("x", f32(1, 1, 2, 3))], ["y"], [init("scales", np.array([1, 1, 2, 3], np.float32))], opset=9)

# ConstantOfShape and Constant.
case("constant_of_shape", [
    helper.make_node("Shape", ["x"], ["s"]),
    helper.make_node("ConstantOfShape", ["s"], ["z"], value=helper.make_tensor("v", TensorProto.FLOAT, [1], [0.25])),
    helper.make_node("Constant", [], ["c"], value_float=2.0),
    helper.make_node("Mul", ["z", "c"], ["zc"]),
    helper.make_node("Add", ["x", "zc"], ["y"]),
], [("x", f32(2, 3))], ["y"])

# Resize cubic (cubic_coeff_a -0.5, exclude_outside) up by scales, then down by sizes.
case("resize_cubic", [
    helper.make_node("Resize", ["x", "", "scales"], ["a"], mode="cubic", cubic_coeff_a=-0.5, exclude_outside=1),
    helper.make_node("Resize", ["a", "", "", "sizes"], ["y"], mode="cubic", coordinate_transformation_mode="align_corners"),
], [("x", f32(1, 2, 4, 5))], ["y"], [init("scales", np.array([1, 1, 1.5, 2], np.float32)), init("sizes", np.array([1, 2, 5, 7], np.int64))])

# Comparison and selection at run time (bool held as 0/1), Min/Max, CastLike, ReduceSum/Max,
# Expand and GatherElements.
case("select_reduce_expand", [
    helper.make_node("Less", ["x", "zero"], ["neg"]),
    helper.make_node("CastLike", ["half", "x"], ["h"]),
    helper.make_node("Mul", ["x", "h"], ["xh"]),
    helper.make_node("Where", ["neg", "xh", "x"], ["w"]),
    helper.make_node("Min", ["w", "cap"], ["mn"]),
    helper.make_node("Max", ["mn", "floor", "w"], ["mx"]),
    helper.make_node("ReduceSum", ["mx", "axes"], ["rs"], keepdims=1),
    helper.make_node("ReduceMax", ["mx"], ["rm"], axes=[2], keepdims=1),
    helper.make_node("Add", ["rs", "rm"], ["r"]),
    helper.make_node("Expand", ["r", "shape"], ["e"]),
    helper.make_node("GatherElements", ["e", "idx"], ["y"], axis=2),
], [("x", f32(2, 3, 4))], ["y"], [
    init("zero", np.array(0, np.float32)), init("half", np.array(0.5, np.float64)), init("cap", np.array([1.0], np.float32)),
    init("floor", f32(4)), init("axes", np.array([1], np.int64)), init("shape", np.array([2, 3, 1], np.int64)),
    init("idx", rng.integers(-1, 1, size=(2, 3, 1)).astype(np.int64))], opset=17)
# MaxPool's Indices output: 2-D column-major (storage_order 1) with pads, dilations and
# ceil_mode on a rounded input (ties: the first maximum wins), 3-D row-major, 1-D column-major.
# Appended last so the random inputs of the cases above stay the same.
case("maxpool_indices", [
    helper.make_node("MaxPool", ["x"], ["y2", "i2"], kernel_shape=[3, 2], strides=[2, 1], pads=[1, 0, 1, 1],
                     dilations=[1, 2], ceil_mode=1, storage_order=1),
    helper.make_node("MaxPool", ["v"], ["y3", "i3"], kernel_shape=[2, 2, 2], strides=[1, 2, 2], pads=[0, 1, 0, 0, 0, 1]),
    helper.make_node("MaxPool", ["w"], ["y1", "i1"], kernel_shape=[3], strides=[2], pads=[1, 1], storage_order=1),
], [("x", np.round(f32(2, 3, 6, 7) * 2)), ("v", f32(1, 2, 3, 4, 5)), ("w", f32(2, 2, 9))],
    ["y2", "i2", "y3", "i3", "y1", "i1"])

# --- Operators that torch.onnx.export and tf2onnx emit (issue 14); appended so the cases above keep their inputs.
INT64_MAX = np.iinfo(np.int64).max
# Slice with negative steps and clamped ends, Split by sizes and into equal parts, Tile.
case("slice_split_tile", [
    helper.make_node("Slice", ["x", "starts", "ends", "axes", "steps"], ["s"]),
    helper.make_node("Split", ["x", "sizes"], ["p1", "p2"], axis=2),
    helper.make_node("Split", ["x"], ["q1", "q2", "q3"], axis=1),
    helper.make_node("Tile", ["p1", "reps"], ["t"]),
], [("x", f32(2, 6, 5))], ["s", "p2", "q3", "t"], [
    init("starts", np.array([1, -1], np.int64)), init("ends", np.array([INT64_MAX, -6], np.int64)),
    init("axes", np.array([1, 2], np.int64)), init("steps", np.array([2, -2], np.int64)),
    init("sizes", np.array([2, 3], np.int64)), init("reps", np.array([1, 2, 3], np.int64))], opset=13)
# Shape arithmetic the exporters write around reshapes: Shape, Gather, Range, Cast, Equal,
# Where, Size, Neg, ConstantOfShape — all folded when the plan is made.
case("shape_glue", [
    helper.make_node("Shape", ["x"], ["sh"]),
    helper.make_node("Gather", ["sh", "two"], ["w"]),
    helper.make_node("Range", ["zero", "w", "one"], ["r"]),
    helper.make_node("Cast", ["r"], ["rf"], to=TensorProto.FLOAT),
    helper.make_node("Equal", ["sh", "three"], ["eq"]),
    helper.make_node("Where", ["eq", "minus_one", "sh"], ["sel"]),
    helper.make_node("Size", ["x"], ["n"]),
    helper.make_node("Neg", ["n"], ["nn"]),
    helper.make_node("Cast", ["nn"], ["nf"], to=TensorProto.FLOAT),
    helper.make_node("Reshape", ["x", "sel"], ["xr"]),
    helper.make_node("Add", ["xr", "rf"], ["a"]),
    helper.make_node("Add", ["a", "nf"], ["y"]),
], [("x", f32(2, 3, 4))], ["y"], [
    init("two", np.array(2, np.int64)), init("zero", np.array(0, np.int64)), init("one", np.array(1, np.int64)),
    init("three", np.array(3, np.int64)), init("minus_one", np.array(-1, np.int64))], opset=13)
# A vision-transformer block as the TorchScript exporter writes it at opset 13: LayerNorm
# decomposed (ReduceMean, Sub, Pow, Add, Sqrt, Div), exact GELU through Erf, attention
# MatMuls with Transpose and Softmax on the last axis.
case("transformer_block_op13", [
    helper.make_node("ReduceMean", ["x"], ["mu"], axes=[-1]),
    helper.make_node("Sub", ["x", "mu"], ["d"]),
    helper.make_node("Pow", ["d", "two"], ["d2"]),
    helper.make_node("ReduceMean", ["d2"], ["var"], axes=[-1]),
    helper.make_node("Add", ["var", "eps"], ["ve"]),
    helper.make_node("Sqrt", ["ve"], ["sd"]),
    helper.make_node("Div", ["d", "sd"], ["ln"]),
    helper.make_node("MatMul", ["ln", "wq"], ["q"]),
    helper.make_node("MatMul", ["ln", "wk"], ["k"]),
    helper.make_node("Transpose", ["k"], ["kt"], perm=[0, 2, 1]),
    helper.make_node("MatMul", ["q", "kt"], ["att"]),
    helper.make_node("Softmax", ["att"], ["p"], axis=-1),
    helper.make_node("MatMul", ["p", "ln"], ["ctx"]),
    helper.make_node("Div", ["ctx", "sqrt2"], ["u"]),
    helper.make_node("Erf", ["u"], ["e"]),
    helper.make_node("Add", ["e", "onef"], ["e1"]),
    helper.make_node("Mul", ["ctx", "e1"], ["g"]),
    helper.make_node("Mul", ["g", "halff"], ["y"]),
], [("x", f32(2, 5, 8))], ["y"], [
    init("two", np.array(2.0, np.float32)), init("eps", np.array(1e-6, np.float32)),
    init("wq", f32(8, 8, scale=0.3)), init("wk", f32(8, 8, scale=0.3)), init("sqrt2", np.array(np.sqrt(2), np.float32)),
    init("onef", np.array(1.0, np.float32)), init("halff", np.array(0.5, np.float32))], opset=13)
# The same ideas as single operators at opset 20: LayerNormalization with its Mean and
# InvStdDev outputs, Gelu exact and tanh, LogSoftmax on axis 1.
case("layernorm_gelu_op20", [
    helper.make_node("LayerNormalization", ["x", "g", "b"], ["ln", "mean", "inv"], axis=-1, epsilon=1e-5),
    helper.make_node("Gelu", ["ln"], ["ge"]),
    helper.make_node("Gelu", ["ln"], ["gt"], approximate="tanh"),
    helper.make_node("LayerNormalization", ["x", "g2"], ["ln2"], axis=1),
    helper.make_node("LogSoftmax", ["x"], ["ls"], axis=1),
], [("x", f32(2, 3, 6))], ["ge", "gt", "mean", "inv", "ln2", "ls"], [
    init("g", f32(6)), init("b", f32(6)), init("g2", f32(3, 6))], opset=20)
# Pointwise functions and logic (bool at run time as 0/1), InstanceNormalization.
case("pointwise_logic", [
    helper.make_node("Neg", ["x"], ["n"]), helper.make_node("Abs", ["n"], ["a"]),
    helper.make_node("Reciprocal", ["a"], ["rc"]), helper.make_node("Log", ["a"], ["lg"]),
    helper.make_node("Floor", ["x"], ["fl"]), helper.make_node("Ceil", ["x"], ["ce"]),
    helper.make_node("Mish", ["x"], ["mi"]), helper.make_node("Softplus", ["x"], ["sp"]),
    helper.make_node("Elu", ["x"], ["el"], alpha=0.7), helper.make_node("Selu", ["x"], ["se"]),
    helper.make_node("Sign", ["fl"], ["sg"]), helper.make_node("Shrink", ["x"], ["sh"], lambd=0.4, bias=0.1),
    helper.make_node("Greater", ["x", "zero"], ["gt"]), helper.make_node("LessOrEqual", ["x", "half"], ["le"]),
    helper.make_node("GreaterOrEqual", ["x", "mhalf"], ["ge"]),
    helper.make_node("And", ["gt", "le"], ["an"]), helper.make_node("Or", ["an", "ge"], ["o"]),
    helper.make_node("Xor", ["o", "gt"], ["xo"]), helper.make_node("Not", ["xo"], ["nt"]),
    helper.make_node("Cast", ["nt"], ["ntf"], to=TensorProto.FLOAT),
    helper.make_node("Cast", ["x"], ["xb"], to=TensorProto.BOOL),
    helper.make_node("Where", ["xb", "rc", "lg"], ["w"]),
    helper.make_node("InstanceNormalization", ["x", "is", "ib"], ["inn"], epsilon=1e-4),
], [("x", np.concatenate([f32(1, 3, 4, 5) * 2, np.zeros((1, 3, 1, 5), np.float32)], axis=2))],
    ["rc", "lg", "ce", "mi", "sp", "el", "se", "sg", "sh", "ntf", "w", "inn"], [
    init("zero", np.array(0, np.float32)), init("half", np.array(0.5, np.float32)), init("mhalf", np.array(-0.5, np.float32)),
    init("is", f32(3)), init("ib", f32(3))], opset=18)
print("wrote", sorted(os.listdir(OUT)))
