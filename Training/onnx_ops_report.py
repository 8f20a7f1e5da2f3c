"""Which operators (and attributes) of a folder of ONNX models the embedded engine lacks.

For every case folder under DIR (any folder holding a model.onnx, e.g. the output of
Training/export_torchvision.py), lists the operator types (domain, op_type) the model uses and the
opsets it imports, and compares them with the operators the engine registers: the keys of the
`factories` dictionary literal in Sources/Inference/Graph/OperatorRegistry.swift (default ONNX domain
only; any other domain is missing by definition), and the opset range of Graph.supportedOpsets.

Prints
- per model: opsets, node count, graph inputs/outputs (symbolic dims such as "batch"), the missing
  operators with node counts, and how many nodes take inputs computed from Shape (dynamic shapes);
- the union of missing operators: nodes, number of cases, the cases;
- per operator type (present or MISSING): its attributes with their distinct values and counts (Conv
  group, Resize modes, Einsum equations, LayerNormalization axis, Gelu approximate, Softmax axis, ...),
  what feeds its non-data inputs (small constants with their values, "from Shape", computed data:
  e.g. Slice starts/ends/steps, Reshape shapes, MatMul of two activations), and, for present operators,
  the attribute names the engine's operator source never reads (a heuristic: string literals in
  `.int("name"` / `.ints(` / `.float(` / `.string(` / `.tensor(` calls in the operator's file and the
  helper types it names), which are the ones it may ignore or not support.

Usage
    .venv-export/bin/python Training/onnx_ops_report.py /tmp/tv-cases [--json /tmp/tv-cases/ops.json]
    .venv-export/bin/python Training/onnx_ops_report.py /tmp/site-fracture

Needs only onnx and numpy (no onnxruntime, no torch).
"""
import argparse
import collections
import json
import os
import re
import sys

import numpy as np
import onnx
from onnx import numpy_helper

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DOMAINS = ("", "ai.onnx")
SMALL = 16  # constants with at most this many elements are shown by value
CARD_OPSETS = (13, 17)  # Docs/FINDINGS.md: the model folder contract


# ------------------------------------------------------------------------------------------ engine

def engine_operators(root):
    """Registered op types, the supported opset range and, per op type, the attribute names its
    source reads."""
    reg_path = os.path.join(root, "Sources/Inference/Graph/OperatorRegistry.swift")
    text = open(reg_path).read()
    m = re.search(r"static\s+let\s+factories\s*:[^=]*=\s*\[(.*?)\n\s*\]", text, re.S)
    if not m:
        sys.exit(f"{reg_path}: no `static let factories` dictionary literal found")
    pairs = re.findall(r'"([A-Za-z0-9_]+)"\s*:\s*([A-Za-z0-9_]+)\.make', m.group(1))
    factories = dict(pairs)
    if not factories:
        sys.exit(f"{reg_path}: the factories literal has no \"Name\": Type.make entries")

    opsets = None
    graph_path = os.path.join(root, "Sources/Inference/Graph/Graph.swift")
    if os.path.exists(graph_path):
        g = re.search(r"supportedOpsets\s*=\s*(\d+)\s*\.\.\.\s*(\d+)", open(graph_path).read())
        if g:
            opsets = (int(g.group(1)), int(g.group(2)))

    # Attribute names read by each Swift file, and the types each file declares.
    sources = {}
    for d, _, files in os.walk(os.path.join(root, "Sources/Inference")):
        for f in files:
            if f.endswith(".swift"):
                p = os.path.join(d, f)
                sources[p] = open(p).read()
    reads = {p: set(re.findall(r'\.(?:int|ints|float|floats|string|strings|tensor|graph)\(\s*"([A-Za-z_][A-Za-z0-9_]*)"', s))
             for p, s in sources.items()}
    declares = {p: set(re.findall(r"\b(?:struct|enum|class|actor|protocol)\s+([A-Z][A-Za-z0-9_]*)", s)) for p, s in sources.items()}
    readers = {p for p in sources if reads[p]}

    def files_for(type_name, depth=1):
        found = {p for p in sources if type_name in declares[p]}
        frontier = set(found)
        for _ in range(depth):
            nxt = set()
            for p in frontier:
                for h in readers - found:
                    if any(re.search(rf"\b{re.escape(t)}\b", sources[p]) for t in declares[h]):
                        nxt.add(h)
            found |= nxt
            frontier = nxt
        return found

    attrs_read = {op: sorted(set().union(*[reads[p] for p in files_for(t)]) if files_for(t) else set())
                  for op, t in factories.items()}
    return {"registry": os.path.relpath(reg_path, root), "types": sorted(factories), "opsets": opsets, "attrsRead": attrs_read}


# ------------------------------------------------------------------------------------------ models

def attr_value(a):
    v = onnx.helper.get_attribute_value(a)
    if isinstance(v, bytes):
        return v.decode("utf-8", "replace")
    if isinstance(v, (list, tuple)):
        return [x.decode("utf-8", "replace") if isinstance(x, bytes) else x for x in v]
    if isinstance(v, onnx.TensorProto):
        arr = numpy_helper.to_array(v)
        return arr.tolist() if arr.size <= SMALL else f"tensor{list(arr.shape)}"
    if isinstance(v, onnx.GraphProto):
        return f"graph({len(v.node)} nodes)"
    if isinstance(v, float):
        return float(f"{v:.6g}")
    return v


def dims(v):
    return [d.dim_param if d.dim_param else (d.dim_value if d.HasField("dim_value") else "?") for d in v.type.tensor_type.shape.dim]


def analyse(path):
    model = onnx.load(path)
    opsets = {(o.domain or ""): o.version for o in model.opset_import}
    functions = {(f.domain, f.name): f for f in model.functions}
    inits = {t.name: t for t in model.graph.initializer}
    ops = collections.Counter()
    nodes = []  # ((domain, op_type), attributes, input kinds, node name)

    def walk(graph, consts, shape_derived, depth, folded=None):
        local_inits = {t.name: t for t in getattr(graph, "initializer", [])}
        consts = dict(consts)
        for name, t in local_inits.items():
            consts[name] = t
        shape_derived = set(shape_derived)
        folded = set(folded or ())
        for n in graph.node:
            key = (n.domain or "", n.op_type)
            if key in functions:  # a model-local function: count its body's operators instead
                ops[("(local function)", f"{n.domain}:{n.op_type}")] += 1
                walk(functions[key], consts, shape_derived, depth + 1, folded)
                continue
            ops[key] += 1
            kinds = []
            for i, inp in enumerate(n.input):
                if not inp:
                    kinds.append("absent")
                elif inp in consts:
                    kinds.append(const_kind(consts[inp]))
                elif inp in shape_derived:
                    kinds.append("from Shape")
                elif inp in folded:
                    kinds.append("from constants")
                else:
                    kinds.append("data")
            attrs = {a.name: attr_value(a) for a in n.attribute}
            if n.op_type == "Cast" and "to" in attrs:
                attrs["to"] = onnx.TensorProto.DataType.Name(attrs["to"])
            nodes.append((key, attrs, kinds, n.name))
            for a in n.attribute:
                if a.type == onnx.AttributeProto.GRAPH:
                    walk(a.g, consts, shape_derived, depth + 1, folded)
                elif a.type == onnx.AttributeProto.GRAPHS:
                    for g in a.graphs:
                        walk(g, consts, shape_derived, depth + 1, folded)
            # Outputs of Constant are constants; of Shape/Size, and of nodes fed only by those and
            # constants, are "from Shape"; of nodes fed by constants only, "from constants".
            if n.op_type == "Constant" and n.attribute and n.attribute[0].type == onnx.AttributeProto.TENSOR:
                consts[n.output[0]] = n.attribute[0].t
            elif n.op_type == "Constant":
                folded.update(n.output)  # value_int(s), value_float(s), ...
            elif n.op_type in ("Shape", "Size"):
                shape_derived.update(n.output)
            elif n.op_type != "Constant" and n.input and any(i in shape_derived for i in n.input) and \
                    all((not i) or i in shape_derived or i in consts or i in folded for i in n.input):
                shape_derived.update(n.output)
            elif n.op_type != "Constant" and any(n.input) and all((not i) or i in consts or i in folded for i in n.input):
                folded.update(n.output)  # computed from constants only (foldable, not folded by the exporter)

    walk(model.graph, {}, set(), 0)
    io = {
        "inputs": [(v.name, dims(v)) for v in model.graph.input if v.name not in inits],
        "outputs": [(v.name, dims(v)) for v in model.graph.output],
    }
    return {"opsets": opsets, "irVersion": model.ir_version, "producer": f"{model.producer_name} {model.producer_version}".strip(),
            "ops": ops, "nodes": nodes, "io": io, "bytes": os.path.getsize(path)}


def const_kind(t):
    """Small constants by value (integers up to SMALL elements, floats up to 4), the rest as weights."""
    n = int(np.prod(t.dims)) if len(t.dims) else 1
    is_float = t.data_type in (onnx.TensorProto.FLOAT, onnx.TensorProto.DOUBLE, onnx.TensorProto.FLOAT16, onnx.TensorProto.BFLOAT16)
    if n <= (4 if is_float else SMALL) and t.data_location != onnx.TensorProto.EXTERNAL:
        try:
            return "const " + json.dumps(numpy_helper.to_array(t).tolist())
        except Exception:  # noqa: BLE001
            pass
    return f"weights{list(t.dims)}"


# ------------------------------------------------------------------------------------------ report

INPUT_ROLES = {  # names of the non-data inputs worth showing, by op type
    "Slice": ["data", "starts", "ends", "axes", "steps"], "Resize": ["X", "roi", "scales", "sizes"],
    "Reshape": ["data", "shape"], "Expand": ["input", "shape"], "Pad": ["data", "pads", "constant_value", "axes"],
    "ReduceMean": ["data", "axes"], "ReduceSum": ["data", "axes"], "ReduceMax": ["data", "axes"],
    "Squeeze": ["data", "axes"], "Unsqueeze": ["data", "axes"], "Split": ["input", "split"], "Tile": ["input", "repeats"],
    "Gather": ["data", "indices"], "Clip": ["input", "min", "max"], "Range": ["start", "limit", "delta"],
    "ConstantOfShape": ["input"], "MatMul": ["A", "B"], "Gemm": ["A", "B", "C"], "Conv": ["X", "W", "B"],
    "BatchNormalization": ["X", "scale", "B", "mean", "var"], "Where": ["condition", "X", "Y"], "Einsum": None, "Mul": ["A", "B"], "Add": ["A", "B"],
    "Div": ["A", "B"], "Sub": ["A", "B"], "Pow": ["X", "Y"], "LayerNormalization": ["X", "Scale", "B"],
    "Equal": ["A", "B"], "CastLike": ["input", "target_type"], "Transpose": None,
}


VARIADIC = {"Concat", "Sum", "Max", "Min", "Mean"}


def new_op():
    return {"nodes": 0, "cases": set(), "examples": [], "attrs": collections.defaultdict(collections.Counter),
            "inputs": collections.defaultdict(collections.Counter)}


def add_node(po, key, attrs, kinds, node_name, case):
    po["nodes"] += 1
    if case not in po["cases"] and len(po["examples"]) < 3:
        po["examples"].append(f"{case}: {node_name or '(unnamed)'}")
    po["cases"].add(case)
    for an, av in attrs.items():
        po["attrs"][an][json.dumps(av)] += 1
    roles = INPUT_ROLES.get(key[1], [])
    for i, k in enumerate(kinds):
        if i == 0 and k == "data" and key[1] not in ("Range", "Where") and key[1] not in VARIADIC:
            continue  # the data input, when it is data
        role = "inputs" if key[1] in VARIADIC else (roles[i] if roles and i < len(roles) else f"input{i}")
        po["inputs"][role]["weights" if k.startswith("weights") else k] += 1


def summarise(counter, limit=8):
    items = counter.most_common()
    text = ", ".join(f"{k}×{c}" for k, c in items[:limit])
    return text + (f", … ({len(items) - limit} more)" if len(items) > limit else "")


def report(folder, engine, as_json):
    cases = sorted(d for d, _, files in os.walk(folder) if "model.onnx" in files)
    if not cases:
        sys.exit(f"{folder}: no folder with a model.onnx")
    supported = set(engine["types"])
    lo, hi = engine["opsets"] or (None, None)

    def is_missing(key):
        return key[0] not in DEFAULT_DOMAINS or key[1] not in supported

    per_case = {}
    for c in cases:
        name = os.path.relpath(c, folder) if c != folder else os.path.basename(folder)
        per_case[name] = analyse(os.path.join(c, "model.onnx"))

    out = []
    say = out.append
    say(f"engine: {len(supported)} operator types in {engine['registry']} (default domain), opsets "
        f"{lo}–{hi} (Graph.supportedOpsets); the model card contract asks for opset {CARD_OPSETS[0]}–{CARD_OPSETS[1]}")
    say(f"engine operators: {', '.join(engine['types'])}")
    say("")
    say("== per model ==")
    union = collections.Counter()
    union_cases = collections.defaultdict(list)
    per_op = collections.defaultdict(new_op)
    json_cases = {}
    for name, a in per_case.items():
        opset_text = ", ".join(f"{d or 'ai.onnx'} {v}" for d, v in sorted(a["opsets"].items()))
        notes = []
        default_opset = a["opsets"].get("", a["opsets"].get("ai.onnx"))
        if lo is not None and default_opset is not None and not lo <= default_opset <= hi:
            notes.append(f"opset {default_opset} outside the engine's {lo}–{hi}")
        if default_opset is not None and not CARD_OPSETS[0] <= default_opset <= CARD_OPSETS[1]:
            notes.append(f"opset {default_opset} outside the card contract's {CARD_OPSETS[0]}–{CARD_OPSETS[1]}")
        missing = {k: v for k, v in a["ops"].items() if is_missing(k)}
        dynamic = collections.Counter(key[1] for key, _, kinds, _ in a["nodes"] if "from Shape" in kinds)
        say(f"{name}: {a['bytes'] / 1e6:.1f} MB, {opset_text}, IR {a['irVersion']}, {a['producer']}, "
            f"{sum(a['ops'].values())} nodes, {len(a['ops'])} op types")
        say("    inputs " + "; ".join(f"{n} {d}" for n, d in a["io"]["inputs"]) +
            "   outputs " + "; ".join(f"{n} {d}" for n, d in a["io"]["outputs"]))
        say("    ops: " + ", ".join(f"{t if not d else d + ':' + t}×{c}" for (d, t), c in sorted(a["ops"].items(), key=lambda kv: (-kv[1], kv[0]))))
        say("    MISSING: " + (", ".join(f"{t if not d else d + ':' + t}×{c}" for (d, t), c in sorted(missing.items(), key=lambda kv: (-kv[1], kv[0]))) or "none"))
        if dynamic:
            say(f"    nodes with inputs computed from Shape (dynamic shapes): {summarise(dynamic, 12)}")
        for n in notes:
            say(f"    note: {n}")
        for k, v in missing.items():
            union[k] += v
            union_cases[k].append(name)
        local = collections.defaultdict(new_op)
        for key, attrs, kinds, node_name in a["nodes"]:
            for po in (per_op[key], local[key]):
                add_node(po, key, attrs, kinds, node_name, name)
        for key in sorted(missing, key=lambda k: (-missing[k], k)):
            po = local[key]
            parts = [f"{an} {summarise(v, 4)}" for an, v in sorted(po["attrs"].items())]
            parts += [f"{role}: {summarise(v, 4)}" for role, v in sorted(po["inputs"].items())]
            say(f"      {key[1]}×{po['nodes']}: " + ("; ".join(parts) if parts else "no attributes, data inputs only"))
        json_cases[name] = {"bytes": a["bytes"], "opsets": a["opsets"], "io": a["io"], "producer": a["producer"],
                            "ops": {f"{d}:{t}" if d else t: c for (d, t), c in a["ops"].items()},
                            "missing": {f"{d}:{t}" if d else t: c for (d, t), c in missing.items()},
                            "shapeDerivedInputs": dict(dynamic), "notes": notes}
    say("")
    say("== union of missing operators (nodes, cases) ==")
    if not union:
        say("none: every operator is registered")
    for (d, t), c in sorted(union.items(), key=lambda kv: (-len(union_cases[kv[0]]), -kv[1], kv[0])):
        say(f"  {(d + ':' if d else '') + t:<28} {c:5d} nodes in {len(union_cases[(d, t)]):2d} cases: {', '.join(union_cases[(d, t)])}")
    say("")
    say("== operators: attributes and non-data inputs (all cases) ==")
    for key in sorted(per_op, key=lambda k: (not is_missing(k), k[1])):
        po = per_op[key]
        d, t = key
        state = "MISSING" if is_missing(key) else "present"
        say(f"{(d + ':' if d else '') + t} [{state}] {po['nodes']} nodes in {len(po['cases'])} cases")
        for an, values in sorted(po["attrs"].items()):
            say(f"    {an}: {summarise(values)}")
        for role, kinds in sorted(po["inputs"].items()):
            say(f"    input {role}: {summarise(kinds)}")
        if not is_missing(key):
            unread = sorted(set(po["attrs"]) - set(engine["attrsRead"].get(t, [])))
            if unread:
                say(f"    attributes the engine's {t} source never reads: {', '.join(unread)}")
        for flag in flags(t, po):
            say(f"    ! {flag}")
        if is_missing(key):
            say(f"    e.g. {'; '.join(po['examples'])}")
    text = "\n".join(out)
    print(text)
    if as_json:
        with open(as_json, "w") as f:
            json.dump({"engine": engine, "cases": json_cases,
                       "union": {f"{d}:{t}" if d else t: {"nodes": c, "cases": union_cases[(d, t)]} for (d, t), c in union.items()},
                       "operators": {f"{d}:{t}" if d else t: {"missing": is_missing((d, t)), "nodes": po["nodes"], "cases": sorted(po["cases"]),
                                                               "attributes": {k: dict(v) for k, v in po["attrs"].items()},
                                                               "inputs": {k: dict(v) for k, v in po["inputs"].items()}}
                                     for (d, t), po in per_op.items()}}, f, indent=1)


def flags(op, po):
    """Short warnings for the attribute values and input kinds an engine is most likely to miss."""
    out = []
    a, i = po["attrs"], po["inputs"]
    if op == "Conv":
        groups = [json.loads(v) for v in a.get("group", {})]
        if any(g > 1 for g in groups):
            out.append(f"grouped/depthwise Conv: group values {sorted(set(groups))}")
        if any(any(x != 1 for x in json.loads(v)) for v in a.get("dilations", {})):
            out.append("dilated Conv")
    if op == "Slice":
        steps = i.get("steps", {})
        if any(k != "const [1]" for k in steps):
            out.append(f"Slice steps: {summarise(steps)}")
        if any("from Shape" in k or k == "data" for role in ("starts", "ends", "axes") for k in i.get(role, {})):
            out.append("Slice bounds computed at run time (from Shape or data)")
    if op in ("Reshape", "Expand", "ConstantOfShape", "Tile", "Range") and \
            any(k in ("from Shape", "data") for role in i.values() for k in role):
        out.append(f"{op} with a shape computed at run time")
    if op == "MatMul" and "data" in i.get("B", {}):
        out.append(f"MatMul of two activations (attention): {i['B']['data']} nodes")
    if op == "Resize":
        out.append("Resize: " + "; ".join(f"{k} {summarise(v)}" for k, v in a.items() if k in ("mode", "coordinate_transformation_mode", "nearest_mode", "antialias", "cubic_coeff_a")))
    if op in ("ReduceMean", "ReduceSum", "ReduceMax") and "axes" in i:
        out.append(f"{op} with axes as an input (opset ≥ 18 for ReduceMean/Max, 13 for ReduceSum): {summarise(i['axes'])}")
    if op == "BatchNormalization" and any(json.loads(v) != 0 for v in a.get("training_mode", {})):
        out.append("BatchNormalization in training mode")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir", help="a folder of case folders (each with model.onnx), or one model folder")
    ap.add_argument("--root", default=ROOT, help="Lightbox checkout whose Sources/Inference is compared (default: this one)")
    ap.add_argument("--json", metavar="FILE", help="also write the report as JSON")
    args = ap.parse_args()
    report(os.path.abspath(args.dir), engine_operators(args.root), args.json)


if __name__ == "__main__":
    main()
