# =====================================================================================================
#  FIXTURE GENERATOR (tooling, not product; not run by CI).
#  Training/export_torchvision.py writes ONNX test fixtures from torchvision models with RANDOM weights
#  (weights=None, fixed seed): ONNX backend-test case folders for the embedded engine, and with
#  --site-fracture a site-style fracture model folder. Nothing it writes is a trained model, and its
#  output (.onnx, .pb) is never committed: regenerate it with the commands in Training/README.md.
# =====================================================================================================
"""Export random-weight torchvision models to ONNX backend-test cases (and a site-style fracture model).

Cases
-----
For every model and each of the three export recipes

    torchscript, opset 13   torch.onnx.export(..., dynamo=False, opset_version=13)
    torchscript, opset 17   torch.onnx.export(..., dynamo=False, opset_version=17)
    dynamo,      opset 18   torch.onnx.export(..., dynamo=True,  opset_version=18)

with the batch dimension dynamic (dim_param "batch") on the input and the output, it writes

    OUT/<model>_<exporter>_op<N>/model.onnx                     weights inline (no external data) below 2 GB
    OUT/<model>_<exporter>_op<N>/test_data_set_0/input_0.pb     seeded random float32 [1, 3, 224, 224]
    OUT/<model>_<exporter>_op<N>/test_data_set_0/output_0.pb    onnxruntime CPU, graph optimisations disabled
    OUT/<model>_<exporter>_op<N>/data.json                       tolerance: atol 1e-4, rtol 1e-3

(the layout of the ONNX backend node/model tests: serialized onnx.TensorProto, named after the graph's
input and output). The same seed gives the same weights for a model under all three recipes and the
same input for every case. The weights are torchvision's own random init (weights=None) with the
changes of fixture_init, which keep the outputs from vanishing (several constructors' init gives
outputs of 0 or 1e-14, which any engine would "match"); --init torchvision turns them off. Per case it prints the export's wall time, the run times, the largest
|difference| between onnxruntime with all graph optimisations and without any (a sanity check of the
reference output), the same against PyTorch eager, and whether a batch of 2 runs (the batch really is
dynamic). OUT/summary.json keeps those numbers.

Site-style fracture model (--site-fracture DIR)
-----------------------------------------------
DIR/model.onnx + DIR/card.json in the folder contract of Docs/FINDINGS.md (card formatVersion 1,
Sources/Findings/ModelCard.swift and ModelCard+Parsing.swift): torchvision densenet121 (random weights)
whose classifier is replaced by Linear(1024, 1) followed by a Sigmoid, so the graph's single output
`probability` [1, 1] is already a probability; no `cam` output, so the engine has to make the CAM itself
from the last convolutional feature map. TorchScript exporter, opset 17, fixed input `image`
[1, 3, H, W] (batch 1 and a fixed size, as the contract asks).

How the network's preprocessing maps to the card's keys:

- input.name / height / width / channels: the ONNX input ("image") and the export size H x W. The graph
  is exported at a fixed size, and the engine checks at load that the card's [1, channels, height,
  width] is the graph input's shape, so the card must carry exactly the H, W of the export (here
  --site-size, default 384x320: a portrait radiograph like the shipped 480x384 fracture model, and a
  multiple of DenseNet's stride 32, so the last feature map is an exact (H/32) x (W/32) grid for the CAM).
  channels is 3 because ImageNet backbones take RGB; Lightbox repeats its grey into each channel (what
  PIL's convert("RGB") of a grey radiograph does in a torchvision pipeline).
- input.normalisation: torchvision's ToTensor() scales 8-bit pixels to [0, 1] and Normalize(mean, std)
  then works on that scale, which is the card's scale ("on the [0,1] grey"), so the card carries
  torchvision's per-channel numbers unchanged: mean [0.485, 0.456, 0.406], std [0.229, 0.224, 0.225].
- input.window: "default" (the image's own VOI window, else study.json's, else min-max), i.e. the
  site must have made its 8-bit training images through the same window.
- input.resize: "letterbox" (keep aspect, centre, pad with grey 0, which becomes -mean/std after
  normalisation). torchvision's usual Resize + CenterCrop crops, which Lightbox never does; a site
  model must be trained (or at least validated) with the same letterbox or with "stretch".
- outputs: {"probability": "probability"}: role -> graph output name. A fracture card names "logit"
  or "probability" (ModelCard.validate); "cam" is optional: without it the engine derives the class
  activation map from the pooled linear head at load (Docs/FINDINGS.md, Graph+ClassActivation.swift).
- operatingPoint: the engine calls a study abnormal when the mean of its per-image probabilities is
  >= operatingPoint. Because the graph ends in a Sigmoid, the number is directly a probability; a real
  site picks it on its own validation set (for example at a target sensitivity) with the same per-study
  mean. For random weights it is 0.5 (meaningless). calibration is "none": temperature scaling divides
  a logit, and this graph has none (a calibrated site model must fold T into the network before the
  Sigmoid).

Usage
-----
    .venv-export/bin/python Training/export_torchvision.py --out /tmp/tv-cases
    .venv-export/bin/python Training/export_torchvision.py --out /tmp/tv-cases --models resnet50,vit_b_16 --seed 0
    .venv-export/bin/python Training/export_torchvision.py --site-fracture /tmp/site-fracture

Needs torch 2.13 (the local CPU wheel), torchvision 0.28 installed with --no-deps, onnx, onnxscript,
onnxruntime 1.32 and numpy (Training/README.md). Never downloads weights.
"""
import argparse
import contextlib
import importlib.util
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
import warnings

import numpy as np

DEFAULT_MODELS = ["densenet121", "resnet50", "efficientnet_b0", "mobilenet_v3_large", "convnext_tiny", "vit_b_16", "swin_t"]
RECIPES = [("torchscript", 13), ("torchscript", 17), ("dynamo", 18)]
INPUT_SHAPE = (1, 3, 224, 224)
TWO_GB = 2 * 1024 ** 3
# Cases the exporters cannot make with torch 2.13; they are reported but do not fail the run.
EXPECTED_FAILURES = {
    ("vit_b_16", "torchscript", 13): "nn.MultiheadAttention calls aten::scaled_dot_product_attention, which the "
                                     "TorchScript exporter translates from opset 14 on",
}


# ------------------------------------------------------------------------------------------ imports

def import_torch_and_torchvision():
    """torch from the local CPU wheel and torchvision from PyPI (--no-deps). PyPI's torchvision wheels are
    built against CUDA torch, so their C++ extension (_C.so: nms, roi_align, ... for detection models)
    cannot load next to the CPU wheel, and torchvision 0.28 then fails at import while registering a fake
    kernel for torchvision::nms / qnms. The classification models are pure Python and never call those
    ops, so when the extension cannot load we declare the two schemas first; torchvision then imports and
    reports torchvision.extension._has_ops() == False as it should."""
    import torch

    spec = importlib.util.find_spec("torchvision")
    if spec is None:
        sys.exit("torchvision is not installed (Training/README.md: pip install --no-deps torchvision==0.28.0)")
    ext = os.path.join(list(spec.submodule_search_locations)[0], "_C.so")
    try:
        torch.ops.load_library(ext)
        stub = None
    except (OSError, ImportError):
        stub = torch.library.Library("torchvision", "DEF")
        stub.define("nms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
        stub.define("qnms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
    import torchvision

    torchvision._lightbox_schema_stub = stub  # keep the Library object (and its schemas) alive
    return torch, torchvision


# ------------------------------------------------------------------------------------------ helpers

def seeded_input(seed):
    return np.random.default_rng(seed).standard_normal(INPUT_SHAPE, dtype=np.float32)


def build(torch, torchvision, name, seed, init="fixture"):
    torch.manual_seed(seed)
    model = torchvision.models.get_model(name, weights=None).eval()
    note = "torchvision init"
    if init == "fixture":
        note = fixture_init(torch, model, seed)
    return model, note


def fixture_init(torch, model, seed, batches=3, batch_size=2, sample_shape=INPUT_SHAPE[1:]):
    """weights=None leaves several models with outputs that say nothing: the constructors' init gives
    efficientnet_b0 outputs of ~1e-14 and mobilenet_v3_large ~1e-9 (BatchNorm's identity running
    statistics let the signal die), vit_b_16 exactly 0 (its head is zero-initialised) and convnext_tiny
    blocks scaled by 1e-6 (layer scale). A reference output of 0 would pass any engine. So, still with
    random weights and the same seed:
    1. every parameter the constructor left constant (zeros, ones, 1e-6; more than one element) is
       re-drawn: normalisation scales U(0.5, 1.5), other vectors (biases, shifts) N(0, 0.1^2), tensors of
       rank >= 2 (weights, ViT's class token, ConvNeXt's layer scale) N(0, 1/fan_in);
    2. BatchNorm running statistics are re-estimated on a few seeded N(0, 1) batches (only the
       BatchNorm layers in training mode, so Dropout and stochastic depth stay off).
    `--init torchvision` skips both (the constructors' weights exactly)."""
    g = torch.Generator().manual_seed(seed + 1)
    norms = (torch.nn.modules.batchnorm._NormBase, torch.nn.LayerNorm, torch.nn.GroupNorm)
    redrawn = 0
    with torch.no_grad():
        for module in model.modules():
            for leaf, p in module.named_parameters(recurse=False):
                flat = p.detach().reshape(-1)
                if flat.numel() < 2 or not bool(torch.all(flat == flat[0])):
                    continue
                if isinstance(module, norms) and leaf == "weight":
                    p.copy_(torch.rand(p.shape, generator=g) + 0.5)
                elif p.dim() == 1:
                    p.copy_(torch.randn(p.shape, generator=g) * 0.1)
                else:
                    fan_in = max(1, p[0].numel())
                    p.copy_(torch.randn(p.shape, generator=g) / fan_in ** 0.5)
                redrawn += 1
        bns = [m for m in model.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
        for bn in bns:
            bn.reset_running_stats()
            bn.momentum = None  # cumulative average over the calibration batches
            bn.train()
        for _ in range(batches if bns else 0):
            model(torch.randn((batch_size,) + tuple(sample_shape), generator=g))
        for bn in bns:
            bn.momentum = 0.1
        model.eval()
    return f"fixture init: {redrawn} constant parameters re-drawn, {len(bns)} BatchNorm layers re-estimated"


@contextlib.contextmanager
def quiet():
    """The exporters print progress lines, warnings and (the TorchScript exporter, from C++, on a failure)
    whole graphs; send file descriptors 1 and 2 to a temporary file and show its tail on failure only."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as tmp:
        os.dup2(tmp.fileno(), 1)
        os.dup2(tmp.fileno(), 2)
        failed = False
        try:
            with warnings.catch_warnings(), contextlib.redirect_stdout(tmp), contextlib.redirect_stderr(tmp):
                warnings.simplefilter("ignore")
                yield tmp
        except BaseException:
            failed = True
            raise
        finally:
            tmp.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
            if failed:
                tmp.seek(0)
                lines = [l for l in tmp.read().splitlines() if not l.lstrip().startswith(("%", "return ("))]
                sys.stderr.write("\n".join(lines[-40:]) + "\n")  # without a TorchScript graph dump


def export(torch, model, x, path, exporter, opset, input_name, output_name, dynamic_batch):
    """One torch.onnx.export call; weights end up inside `path` (inline_weights checks it).

    With a dynamic batch the example input is x twice (batch 2): from a batch-1 example torch.export
    specialises the batch to 1 (vit_b_16 came out as [1, 3, 224, 224] despite Dim("batch"), convnext_tiny
    failed with "Invalid ranges [2:1]"), and a trace may bake a 1 into reshapes. nn.MultiheadAttention's
    inference fast path (aten::_native_multi_head_attention, which neither exporter can translate) is
    switched off for the export: vit_b_16 uses it under no_grad in eval mode."""
    example = np.concatenate([x, x]) if dynamic_batch and x.shape[0] == 1 else x
    args = (torch.from_numpy(example),)
    fastpath = torch.backends.mha.get_fastpath_enabled()
    torch.backends.mha.set_fastpath_enabled(False)
    try:
        if exporter == "torchscript":
            axes = {input_name: {0: "batch"}, output_name: {0: "batch"}} if dynamic_batch else None
            torch.onnx.export(model, args, path, dynamo=False, opset_version=opset, input_names=[input_name],
                              output_names=[output_name], dynamic_axes=axes, do_constant_folding=True)
        elif exporter == "dynamo":
            shapes = ({0: torch.export.Dim("batch")},) if dynamic_batch else None
            # torch 2.13's dynamo path has no TorchScript fallback: a failure here is the dynamo exporter's own.
            program = torch.onnx.export(model, args, dynamo=True, opset_version=opset, input_names=[input_name],
                                        output_names=[output_name], dynamic_shapes=shapes, external_data=False,
                                        optimize=True)
            program.save(path, external_data=False)
        else:
            raise ValueError(exporter)
    finally:
        torch.backends.mha.set_fastpath_enabled(fastpath)


def inline_weights(path):
    """Make sure model.onnx holds its weights (no external data) when it can (< 2 GB)."""
    import onnx
    from onnx.external_data_helper import uses_external_data

    folder = os.path.dirname(path)
    model = onnx.load(path, load_external_data=False)
    external = [t.name for t in model.graph.initializer if uses_external_data(t)]
    if not external:
        return "inline"
    model = onnx.load(path)  # loads the external tensors into memory
    if model.ByteSize() >= TWO_GB:
        return f"external ({len(external)} tensors; the model is over 2 GB)"
    for t in model.graph.initializer:
        if uses_external_data(t):
            del t.external_data[:]
            t.data_location = onnx.TensorProto.DEFAULT
    onnx.save(model, path)
    for f in os.listdir(folder):
        if f not in ("model.onnx", "test_data_set_0", "data.json"):
            os.remove(os.path.join(folder, f))
    return "inline (re-saved)"


def graph_io(path):
    import onnx
    m = onnx.load(path, load_external_data=False)
    inits = {t.name for t in m.graph.initializer}
    def dims(v):
        return [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]
    ins = [(v.name, dims(v)) for v in m.graph.input if v.name not in inits]
    outs = [(v.name, dims(v)) for v in m.graph.output]
    return ins, outs, {o.domain or "ai.onnx": o.version for o in m.opset_import}


def ort_session(path, optimise, threads):
    import onnxruntime as ort
    so = ort.SessionOptions()
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL if optimise else ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    so.log_severity_level = 3
    return ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])


def timed_run(session, feeds):
    t = time.perf_counter()
    out = session.run(None, feeds)
    return out, time.perf_counter() - t


def write_pb(array, name, path):
    from onnx import numpy_helper
    with open(path, "wb") as f:
        f.write(numpy_helper.from_array(np.ascontiguousarray(array), name).SerializeToString())


def describe(e):
    """The innermost cause's type and first line (torch.onnx wraps torch.export's error in two layers)."""
    while e.__cause__ is not None:
        e = e.__cause__
    lines = [l for l in str(e).strip().splitlines() if l.strip()]
    return f"{type(e).__name__}: {lines[0][:400] if lines else ''}"


def max_abs(a, b):
    return float(np.max(np.abs(np.asarray(a, np.float64) - np.asarray(b, np.float64))))


# ------------------------------------------------------------------------------------------ cases

def run_case(torch, model, eager, x, name, exporter, opset, out_dir, threads):
    import onnx

    case = f"{name}_{exporter}_op{opset}"
    folder = os.path.join(out_dir, case)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "test_data_set_0"))
    path = os.path.join(folder, "model.onnx")
    row = {"case": case, "model": name, "exporter": exporter, "opset": opset}
    try:
        t = time.perf_counter()
        with quiet():
            export(torch, model, x, path, exporter, opset, "input", "output", dynamic_batch=True)
        row["exportSeconds"] = round(time.perf_counter() - t, 2)
        row["weights"] = inline_weights(path)
        row["bytes"] = os.path.getsize(path)
        ins, outs, opsets = graph_io(path)
        row["inputs"], row["outputs"], row["opsets"] = ins, outs, opsets
        onnx.checker.check_model(path)  # path form: works above protobuf's 2 GB message limit too
        row["checker"] = "ok"
    except Exception as e:  # noqa: BLE001 - report and go on with the other cases
        shutil.rmtree(folder, ignore_errors=True)
        row["error"] = "export: " + describe(e)
        row["traceback"] = traceback.format_exc()[-3000:]
        return row
    try:
        in_name, out_names = ins[0][0], [o[0] for o in outs]
        plain = ort_session(path, optimise=False, threads=threads)
        ref, row["ortSeconds"] = timed_run(plain, {in_name: x})
        optimised = ort_session(path, optimise=True, threads=threads)
        opt, row["ortOptimisedSeconds"] = timed_run(optimised, {in_name: x})
        row["ortRan"] = True
        row["maxAbsOptimisedVsPlain"] = max_abs(opt[0], ref[0])
        row["maxAbsOrtVsEager"] = max_abs(ref[0], eager)
        row["outputShape"] = list(ref[0].shape)
        write_pb(x, in_name, os.path.join(folder, "test_data_set_0", "input_0.pb"))
        for i, (o, oname) in enumerate(zip(ref, out_names)):
            write_pb(o, oname, os.path.join(folder, "test_data_set_0", f"output_{i}.pb"))
        # The tolerance the engine must meet against onnxruntime (issue 14), read by `lightbox onnx check`
        # the way the ONNX backend runner reads a model case's data.json.
        with open(os.path.join(folder, "data.json"), "w") as fh:
            json.dump({"atol": 1e-4, "rtol": 1e-3, "model_name": name}, fh)
    except Exception as e:  # noqa: BLE001 - keep the model, no test data: the engine can still be tried on it
        row["ortRan"] = False
        row["error"] = "onnxruntime: " + describe(e)
        return row
    try:  # the batch is dynamic: a batch of 2 gives the same row twice
        two, _ = timed_run(plain, {in_name: np.concatenate([x, x])})
        row["batch2"] = "ok" if two[0].shape[0] == 2 and max_abs(two[0][1:], ref[0]) < 1e-3 and max_abs(two[0][:1], ref[0]) < 1e-3 \
            else f"wrong (shape {list(two[0].shape)})"
    except Exception as e:  # noqa: BLE001
        row["batch2"] = "fails: " + describe(e)[:120]
    return row


def print_row(row):
    if "exportSeconds" not in row:
        print(f"  {row['case']:<40} FAILED {row['error']}", flush=True)
        return
    size = f"{row['bytes'] / 1e6:8.1f} MB"
    if row.get("ortRan"):
        print(f"  {row['case']:<40} {size}  export {row['exportSeconds']:7.1f} s  ort {row['ortSeconds']:6.2f} s"
              f" (optimised {row['ortOptimisedSeconds']:6.2f} s)  max|opt-plain| {row['maxAbsOptimisedVsPlain']:.2e}"
              f"  max|ort-eager| {row['maxAbsOrtVsEager']:.2e}  batch2 {row['batch2']}  {row['weights']}", flush=True)
    else:
        print(f"  {row['case']:<40} {size}  export {row['exportSeconds']:7.1f} s  ORT FAILED {row['error']}", flush=True)


def export_cases(args):
    torch, torchvision = import_torch_and_torchvision()
    torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)
    x = seeded_input(args.seed)
    names = [m for m in args.models.split(",") if m]
    rows = []
    print(f"torch {torch.__version__}, torchvision {torchvision.__version__}, seed {args.seed}, input {list(INPUT_SHAPE)} -> {args.out}", flush=True)
    for name in names:
        try:
            model, note = build(torch, torchvision, name, args.seed, args.init)
        except Exception as e:  # noqa: BLE001
            rows.append({"case": name, "model": name, "error": f"build: {e}"})
            print(f"  {name:<40} FAILED to build: {e}", flush=True)
            continue
        with torch.no_grad():
            eager = model(torch.from_numpy(x)).numpy()
        scale = {"maxAbs": float(np.abs(eager).max()), "std": float(eager.std())}
        print(f"{name}: {note}; PyTorch output {list(eager.shape)} max|y| {scale['maxAbs']:.3g}, std {scale['std']:.3g}", flush=True)
        for exporter, opset in RECIPES:
            with torch.no_grad():
                row = run_case(torch, model, eager, x, name, exporter, opset, args.out, args.threads)
            row["init"], row["outputScale"] = note, scale
            rows.append(row)
            print_row(row)
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump({"seed": args.seed, "init": args.init, "torch": torch.__version__, "torchvision": torchvision.__version__,
                   "cases": [{k: v for k, v in r.items() if k != "traceback"} for r in rows]}, f, indent=1)
    failed = [r for r in rows if "error" in r]
    unexpected = [r for r in failed if (r["model"], r.get("exporter"), r.get("opset")) not in EXPECTED_FAILURES]
    for r in unexpected:
        print(f"\n{r['case']}: {r['error']}\n{r.get('traceback', '')}", file=sys.stderr)
    for r in failed:
        known = EXPECTED_FAILURES.get((r["model"], r.get("exporter"), r.get("opset")))
        if known:
            print(f"expected failure: {r['case']}: {known}")
    print(f"{len(rows) - len(failed)} cases written, {len(failed)} failed ({len(failed) - len(unexpected)} expected)"
          f" (summary: {os.path.join(args.out, 'summary.json')})")
    return 1 if unexpected else 0


# ------------------------------------------------------------------------------------------ site model

IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]


def site_card(height, width, seed, init_note, torch_version, torchvision_version):
    return {
        "formatVersion": 1,
        "name": "site-fracture",
        "version": "0.0.1-random",
        "task": "fracture",
        "appliesTo": {"kinds": ["extremity"], "modalities": ["CR", "DX"]},
        "input": {
            "name": "image",
            "height": height,
            "width": width,
            "channels": 3,
            "window": "default",
            "resize": "letterbox",
            "normalisation": {"mean": IMAGENET_MEAN, "std": IMAGENET_STD},
        },
        "outputs": {"probability": "probability"},
        "operatingPoint": 0.5,
        "calibration": {"method": "none"},
        "training": {
            "data": "none: RANDOM weights (torchvision densenet121, weights=None), a site-style example model",
            "seeds": f"torch.manual_seed({seed}) before building the network; {init_note} (Training/export_torchvision.py fixture_init)",
            "n": 0,
            "recipe": "Training/export_torchvision.py --site-fracture",
            "framework": f"PyTorch {torch_version} + torchvision {torchvision_version}; torch.onnx.export, TorchScript exporter (dynamo=False), opset 17",
            "architecture": "densenet121 features -> ReLU -> global average pool -> Linear(1024, 1) -> Sigmoid; no cam output (the engine makes the CAM from the last convolutional feature map)",
        },
        "intendedUse": "Site model example with random weights (untrained) for testing the engine and the card contract only; its outputs mean nothing; not for clinical use.",
        "licence": "BSD-3-Clause (torchvision architecture); the random weights carry no data",
    }


def export_site_fracture(args):
    import onnx
    torch, torchvision = import_torch_and_torchvision()
    torch.set_num_threads(args.threads)
    height, width = args.site_size

    class SiteFracture(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.net = torchvision.models.densenet121(weights=None)
            self.net.classifier = torch.nn.Linear(self.net.classifier.in_features, 1)

        def forward(self, image):
            return torch.sigmoid(self.net(image))

    torch.manual_seed(args.seed)
    model = SiteFracture().eval()
    note = fixture_init(torch, model, args.seed, sample_shape=(3, height, width)) if args.init == "fixture" else "torchvision init"
    x = np.random.default_rng(args.seed).standard_normal((1, 3, height, width), dtype=np.float32)
    os.makedirs(args.site_fracture, exist_ok=True)
    path = os.path.join(args.site_fracture, "model.onnx")
    t = time.perf_counter()
    with torch.no_grad(), quiet():
        export(torch, model, x, path, "torchscript", 17, "image", "probability", dynamic_batch=False)
    seconds = time.perf_counter() - t
    inline_weights(path)
    onnx.checker.check_model(path)
    card = site_card(height, width, args.seed, note, torch.__version__, torchvision.__version__)
    with open(os.path.join(args.site_fracture, "card.json"), "w") as f:
        json.dump(card, f, indent=2, ensure_ascii=False)
        f.write("\n")

    ins, outs, opsets = graph_io(path)
    m = onnx.load(path)
    convs = [n for n in m.graph.node if n.op_type == "Conv"]
    gap = [n for n in m.graph.node if n.op_type in ("GlobalAveragePool", "ReduceMean")]
    plain = ort_session(path, optimise=False, threads=args.threads)
    (p,), run_s = timed_run(plain, {"image": x})
    (p_opt,), _ = timed_run(ort_session(path, optimise=True, threads=args.threads), {"image": x})
    with torch.no_grad():
        eager = model(torch.from_numpy(x)).numpy()
    print(f"{args.site_fracture}: model.onnx {os.path.getsize(path) / 1e6:.1f} MB, export {seconds:.1f} s, opsets {opsets}; {note}")
    print(f"  inputs {ins}  outputs {outs}")
    print(f"  onnxruntime (no graph optimisations) {run_s:.2f} s: probability {p.ravel()[0]:.6f} on the seeded input;"
          f" max|opt-plain| {max_abs(p_opt, p):.2e}, max|ort-eager| {max_abs(p, eager):.2e}")
    print(f"  last Conv: {convs[-1].name} -> {convs[-1].output[0]} ({len(convs)} Conv nodes);"
          f" the classifier's feature map (CAM source, [1, 1024, {height // 32}, {width // 32}]) is the input of"
          f" {gap[-1].op_type} {gap[-1].name}: {gap[-1].input[0]}")
    problems = card_problems(card, ins)
    print("  card.json against ModelCard.validate's rules (a Python transcription):")
    for p in problems or ["no problem"]:
        print(f"    {p}")
    return 0


def card_problems(card, graph_inputs):
    """ModelCard.validate (Sources/Findings/ModelCard+Parsing.swift) transcribed for this card, plus the
    load-time check of the input shape. The two output problems are expected: this card has the
    probability role and no cam on purpose (the engine's CAM fallback)."""
    out = []
    i = card["input"]
    if card["formatVersion"] != 1: out.append("formatVersion must be 1")
    if not card["name"] or "/" in card["name"] or any(c.isspace() for c in card["name"]): out.append("name")
    if "extremity" not in card["appliesTo"]["kinds"]: out.append("appliesTo.kinds must contain extremity")
    if not (1 <= i["height"] <= 4096 and 1 <= i["width"] <= 4096): out.append("input size")
    if i["channels"] not in (1, 3): out.append("input.channels")
    for key in ("mean", "std"):
        n = i["normalisation"][key]
        if isinstance(n, list) and len(n) not in (1, i["channels"]): out.append(f"input.normalisation.{key}")
    if not all(s > 0 for s in i["normalisation"]["std"]): out.append("input.normalisation.std")
    if not 0 < card["operatingPoint"] < 1: out.append("operatingPoint")
    if not card["intendedUse"].strip(): out.append("intendedUse")
    if not ("phantom" in card["intendedUse"].lower() or "not for clinical use" in card["intendedUse"].lower()):
        out.append("intendedUse does not say 'not for clinical use' (no disclaimer would be shown)")
    if [(i["name"], [1, i["channels"], i["height"], i["width"]])] != [(n, d) for n, d in graph_inputs]:
        out.append(f"graph inputs {graph_inputs} differ from the card's input")
    if not (card["outputs"].get("logit") or card["outputs"].get("probability")):
        out.append('outputs: a fracture model needs "logit" or "probability"')
    return out


# ------------------------------------------------------------------------------------------ main

def parse_size(text):
    h, _, w = text.lower().partition("x")
    size = (int(h), int(w))
    if min(size) < 32 or max(size) > 4096:
        raise argparse.ArgumentTypeError("HxW, each 32..4096")
    return size


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="/tmp/tv-cases", help="folder for the case folders (default /tmp/tv-cases)")
    ap.add_argument("--models", default=",".join(DEFAULT_MODELS), help="comma-separated torchvision model names")
    ap.add_argument("--seed", type=int, default=0, help="weights (torch.manual_seed) and input seed (default 0)")
    ap.add_argument("--init", choices=["fixture", "torchvision"], default="fixture",
                    help="fixture (default): constant parameters re-drawn and BatchNorm statistics re-estimated so"
                         " outputs are not ~0 (see fixture_init); torchvision: the constructors' weights exactly")
    ap.add_argument("--threads", type=int, default=1, help="threads for PyTorch and onnxruntime (default 1)")
    ap.add_argument("--site-fracture", metavar="DIR", help="write the site-style fracture model folder DIR instead of the cases")
    ap.add_argument("--site-size", type=parse_size, default=(384, 320), metavar="HxW", help="site model input size (default 384x320)")
    args = ap.parse_args()
    if args.site_fracture:
        return export_site_fracture(args)
    return export_cases(args)


if __name__ == "__main__":
    sys.exit(main())
