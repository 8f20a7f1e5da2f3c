"""Shared pieces of the Lightbox training recipes.

- Data: load phantom study folders (study.json + 16-bit PNG + reference.json) and preprocess exactly as
  the model card tells Lightbox to (window -> [0,1] 8-bit grey, area-averaging resize, letterbox, normalise).
- Net: a tiny layer DSL whose one forward definition runs in JAX (training) and emits an ONNX graph
  with onnx.helper (export), so the exported graph is the trained function by construction.
- Checks: onnxruntime vs JAX, and `lightbox onnx run` (the embedded engine) vs onnxruntime.
"""
import json, os, subprocess, tempfile, time
import numpy as np
from PIL import Image

OPSET = 13
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIGHTBOX = os.environ.get("LIGHTBOX_BIN", os.path.join(ROOT, ".build/release/lightbox"))
DATA = os.environ.get("LIGHTBOX_TRAIN_DATA", "/tmp/lightbox-train-data")


# ---------------------------------------------------------------- data

def generate(kind, count, seed, out, size, jobs=2):
    """Phantoms come from the lightbox binary itself, so training sees exactly what users see."""
    if os.path.isdir(out) and len([d for d in os.listdir(out) if not d.startswith(".")]) >= count:
        return out
    subprocess.run([LIGHTBOX, "phantom", "generate", "--kind", kind, "--count", str(count), "--seed", str(seed),
                    "--out", out, "--size", size, "--jobs", str(jobs)], check=True)
    return out


def studies(root):
    return sorted(os.path.join(root, d) for d in os.listdir(root)
                  if not d.startswith(".") and os.path.exists(os.path.join(root, d, "study.json")))


def read_json(path):
    with open(path) as f:
        return json.load(f)


def load_grey(study_dir, series, image_path):
    """Stored values -> [0,1] through the series' own window, then to 8-bit levels (as DisplayImage does)."""
    a = np.asarray(Image.open(os.path.join(study_dir, image_path)), dtype=np.float64)
    c, w = series.get("windowCenter"), series.get("windowWidth")
    if c is None or w is None or w <= 0:
        lo, hi = a.min(), a.max()
        c, w = (lo + hi) / 2, max(hi - lo, 1)
    v = np.clip((a - (c - w / 2)) / w, 0, 1)
    return np.round(v * 255) / 255


def letterbox(grey, height, width):
    """Area-averaging resize keeping aspect, centred, padded with 0. Returns (image, scale, offx, offy)."""
    h, w = grey.shape
    s = min(width / w, height / h)
    nw, nh = max(1, round(w * s)), max(1, round(h * s))
    img = Image.fromarray(grey.astype(np.float32), mode="F").resize((nw, nh), Image.BOX)
    out = np.zeros((height, width), np.float32)
    ox, oy = (width - nw) // 2, (height - nh) // 2
    out[oy:oy + nh, ox:ox + nw] = np.asarray(img)
    return out, (nw / w, nh / h), ox, oy


def normalise(x, mean, std):
    return ((x - mean) / std).astype(np.float32)


# ---------------------------------------------------------------- net DSL

class Net:
    """Runs layers either on JAX arrays (mode 'jax') or as ONNX nodes on tensor names (mode 'onnx')."""

    def __init__(self, params, mode="jax", bn_state=None, train=False):
        self.p, self.mode = params, mode
        self.nodes, self.inits, self.n = [], [], 0
        # BatchNorm: running statistics (name -> (mean, var)); in training, batch statistics are used
        # and recorded in self.batch_stats for the caller to fold into the running ones.
        self.bn_state, self.train, self.batch_stats = bn_state or {}, train, {}

    # -- onnx plumbing
    def _name(self, base):
        self.n += 1
        return f"{base}_{self.n}"

    def _const(self, name, value):
        from onnx import numpy_helper
        self.inits.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    def _node(self, op, inputs, out=None, **attrs):
        from onnx import helper
        out = out or self._name(op.lower())
        self.nodes.append(helper.make_node(op, inputs, [out], name=out, **attrs))
        return out

    # -- layers
    def conv(self, x, name, stride=1, out=None):
        import jax
        w = self.p[name + ".w"]
        b = self.p.get(name + ".b")
        k = w.shape[-1]
        pad = k // 2
        if self.mode == "jax":
            y = jax.lax.conv_general_dilated(x, w, (stride, stride), [(pad, pad), (pad, pad)],
                                             dimension_numbers=("NCHW", "OIHW", "NCHW"))
            return y if b is None else y + b[None, :, None, None]
        ins = [x, self._const(name + ".w", np.asarray(w, np.float32))]
        if b is not None:
            ins.append(self._const(name + ".b", np.asarray(b, np.float32)))
        return self._node("Conv", ins, out, kernel_shape=[k, k], strides=[stride, stride], pads=[pad] * 4)

    def conv_bn(self, x, name, stride=1, eps=1e-5):
        """Conv (no bias) + BatchNorm. Training: batch statistics; eval: running ones; ONNX: one Conv
        with the BatchNorm folded in (w * g / sqrt(v + eps), beta - m * g / sqrt(v + eps))."""
        import jax
        g, beta = self.p[name + ".g"], self.p[name + ".beta"]
        if self.mode == "jax":
            w = self.p[name + ".w"]; k = w.shape[-1]; pad = k // 2
            y = jax.lax.conv_general_dilated(x, w, (stride, stride), [(pad, pad), (pad, pad)],
                                             dimension_numbers=("NCHW", "OIHW", "NCHW"))
            if self.train:
                m, v = y.mean(axis=(0, 2, 3)), y.var(axis=(0, 2, 3))
                self.batch_stats[name] = (m, v)
            else:
                m, v = self.bn_state[name]
            return (y - m[None, :, None, None]) * (g / (v + eps) ** 0.5)[None, :, None, None] + beta[None, :, None, None]
        m, v = (np.asarray(a, np.float64) for a in self.bn_state[name])
        sc = np.asarray(g, np.float64) / np.sqrt(v + eps)
        w = np.asarray(self.p[name + ".w"], np.float64) * sc[:, None, None, None]
        b = np.asarray(beta, np.float64) - m * sc
        folded = Net({name + ".w": w.astype(np.float32), name + ".b": b.astype(np.float32)}, mode="onnx")
        folded.nodes, folded.inits, folded.n = self.nodes, self.inits, self.n
        out = folded.conv(x, name, stride)
        self.n = folded.n
        return out

    def relu(self, x):
        import jax.numpy as jnp
        return jnp.maximum(x, 0) if self.mode == "jax" else self._node("Relu", [x])

    def avgpool(self, x):
        import jax
        if self.mode == "jax":
            return jax.lax.reduce_window(x, 0.0, jax.lax.add, (1, 1, 2, 2), (1, 1, 2, 2), "VALID") / 4
        return self._node("AveragePool", [x], kernel_shape=[2, 2], strides=[2, 2])

    def maxpool(self, x):
        import jax, jax.numpy as jnp
        if self.mode == "jax":
            return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (1, 1, 2, 2), (1, 1, 2, 2), "VALID")
        return self._node("MaxPool", [x], kernel_shape=[2, 2], strides=[2, 2])

    def upsample2(self, x):
        """Nearest-neighbour x2 (Resize, nearest, asymmetric+floor = plain pixel repeat)."""
        import jax.numpy as jnp
        if self.mode == "jax":
            return jnp.repeat(jnp.repeat(x, 2, axis=2), 2, axis=3)
        roi = self._const(self._name("roi"), np.zeros(0, np.float32))
        sc = self._const(self._name("scales"), np.array([1, 1, 2, 2], np.float32))
        return self._node("Resize", [x, roi, sc], mode="nearest", coordinate_transformation_mode="asymmetric",
                          nearest_mode="floor")

    def concat(self, xs):
        import jax.numpy as jnp
        return jnp.concatenate(xs, axis=1) if self.mode == "jax" else self._node("Concat", xs, axis=1)

    def gap(self, x):
        """[N,C,H,W] -> [N,C]"""
        if self.mode == "jax":
            return x.mean(axis=(2, 3))
        return self._node("Flatten", [self._node("GlobalAveragePool", [x])], axis=1)

    def dense(self, x, name, out=None):
        w, b = self.p[name + ".w"], self.p[name + ".b"]  # w: [in, out]
        if self.mode == "jax":
            return x @ w + b
        return self._node("Gemm", [x, self._const(name + ".w", np.asarray(w, np.float32)),
                                   self._const(name + ".b", np.asarray(b, np.float32))], out)

    def affine(self, x, scale, shift, out=None):
        if self.mode == "jax":
            return x * scale + shift
        m = self._node("Mul", [x, self._const(self._name("scale"), np.array(scale, np.float32))])
        return self._node("Add", [m, self._const(self._name("shift"), np.array(shift, np.float32))], out)

    def slice_cols(self, x, i, out=None):
        """[N,K] -> column i as [N,1] (Gather on axis 1 with a 1-element index keeps the axis)."""
        if self.mode == "jax":
            return x[:, i:i + 1]
        return self._node("Gather", [x, self._const(self._name("idx"), np.array([i], np.int64))], out, axis=1)

    def add(self, a, b, out=None):
        return a + b if self.mode == "jax" else self._node("Add", [a, b], out)

    def reshape(self, x, shape, out=None):
        if self.mode == "jax":
            return x.reshape(shape)
        return self._node("Reshape", [x, self._const(self._name("shape"), np.array(shape, np.int64))], out)

    def transpose(self, x, perm):
        import jax.numpy as jnp
        return jnp.transpose(x, perm) if self.mode == "jax" else self._node("Transpose", [x], perm=list(perm))

    def softmax(self, x, axis=-1):
        import jax
        return jax.nn.softmax(x, axis=axis) if self.mode == "jax" else self._node("Softmax", [x], axis=axis)

    def matmul(self, a, b, out=None):
        return a @ b if self.mode == "jax" else self._node("MatMul", [a, b], out)

    def param(self, name):
        return self.p[name] if self.mode == "jax" else self._const(name, np.asarray(self.p[name], np.float32))

    def identity(self, x, out):
        return x if self.mode == "jax" else self._node("Identity", [x], out)


def he(key, shape, fan_in):
    import jax
    return jax.random.normal(key, shape) * np.sqrt(2.0 / fan_in)


class Init:
    """Parameter dictionary builder: conv(name, cin, cout, k), dense(name, din, dout)."""

    def __init__(self, seed):
        import jax
        self.key = jax.random.PRNGKey(seed)
        self.p = {}

    def _k(self):
        import jax
        self.key, k = jax.random.split(self.key)
        return k

    def conv(self, name, cin, cout, k=3, bias=True, scale=1.0):
        self.p[name + ".w"] = he(self._k(), (cout, cin, k, k), cin * k * k) * scale
        if bias:
            import jax.numpy as jnp
            self.p[name + ".b"] = jnp.zeros((cout,))

    def conv_bn(self, name, cin, cout, k=3):
        import jax.numpy as jnp
        self.p[name + ".w"] = he(self._k(), (cout, cin, k, k), cin * k * k)
        self.p[name + ".g"] = jnp.ones((cout,)); self.p[name + ".beta"] = jnp.zeros((cout,))

    def dense(self, name, din, dout, scale=1.0):
        import jax.numpy as jnp
        self.p[name + ".w"] = he(self._k(), (din, dout), din) * scale
        self.p[name + ".b"] = jnp.zeros((dout,))


def export(forward, params, inputs, outputs, path, doc, bn_state=None):
    """inputs: [(name, shape)], outputs: [(name, shape)]; forward(net, *input_names) must name its outputs."""
    import onnx
    from onnx import helper, TensorProto
    net = Net({k: np.asarray(v) for k, v in params.items()}, mode="onnx", bn_state=bn_state)
    forward(net, *[n for n, _ in inputs])
    graph = helper.make_graph(net.nodes, os.path.basename(os.path.dirname(path)),
                              [helper.make_tensor_value_info(n, TensorProto.FLOAT, s) for n, s in inputs],
                              [helper.make_tensor_value_info(n, TensorProto.FLOAT, s) for n, s in outputs],
                              initializer=net.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="lightbox-training",
                              doc_string=doc)
    model.ir_version = 8
    onnx.checker.check_model(model)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    onnx.save(model, path)
    return os.path.getsize(path)


def check_onnxruntime(path, feeds, expected):
    import onnxruntime as ort
    s = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    got = s.run([k for k in expected], feeds)
    diffs = {k: float(np.max(np.abs(g - np.asarray(expected[k])))) for k, g in zip(expected, got)}
    return diffs, dict(zip(expected, got))


def check_engine(path, feeds, ort_out):
    """Runs the model on the embedded engine (`lightbox onnx run`) and compares with onnxruntime."""
    with tempfile.TemporaryDirectory() as d:
        args = [LIGHTBOX, "onnx", "run", path, "--out", d]
        for k, v in feeds.items():
            p = os.path.join(d, f"in_{k}.npy")
            np.save(p, v)
            args += ["--input", f"{k}={p}"]
        r = subprocess.run(args, capture_output=True, text=True)
        if r.returncode != 0:
            return {"error": r.stderr.strip() or r.stdout.strip()}
        return {k: float(np.max(np.abs(np.load(os.path.join(d, f"{k}.npy")) - v))) for k, v in ort_out.items()}


def write_card(folder, card):
    with open(os.path.join(folder, "card.json"), "w") as f:
        json.dump(card, f, indent=2, sort_keys=False)
        f.write("\n")


class Timer:
    def __init__(self, budget_s):
        self.t0, self.budget = time.time(), budget_s

    def left(self):
        return self.budget - (time.time() - self.t0)

    def elapsed(self):
        return time.time() - self.t0


def upsample2_linear(n, x):
    """Bilinear x2 (Resize linear, half_pixel: ONNX's default), edges clamped."""
    if n.mode == "onnx":
        roi = n._const(n._name("roi"), np.zeros(0, np.float32))
        sc = n._const(n._name("scales"), np.array([1, 1, 2, 2], np.float32))
        return n._node("Resize", [x, roi, sc], mode="linear", coordinate_transformation_mode="half_pixel")
    import jax.numpy as jnp
    def up(a, axis):
        prev = jnp.concatenate([jnp.take(a, jnp.array([0]), axis=axis), jnp.take(a, jnp.arange(a.shape[axis] - 1), axis=axis)], axis=axis)
        nxt = jnp.concatenate([jnp.take(a, jnp.arange(1, a.shape[axis]), axis=axis), jnp.take(a, jnp.array([a.shape[axis] - 1]), axis=axis)], axis=axis)
        even, odd = 0.75 * a + 0.25 * prev, 0.75 * a + 0.25 * nxt
        st = jnp.stack([even, odd], axis=axis + 1)
        shape = list(a.shape); shape[axis] *= 2
        return st.reshape(shape)
    return up(up(x, 2), 3)


def time_lr(base, timer, warmup_s=20):
    """Cosine decay over the wall-clock budget (step counts are unknown on a shared machine)."""
    t = min(1.0, timer.elapsed() / timer.budget)
    return base * min(1.0, (timer.elapsed() + 1) / warmup_s) * 0.5 * (1 + np.cos(np.pi * t))


def load_params(onnx_path, like):
    """Continues from an exported model: its initializers carry the parameter names."""
    import jax.numpy as jnp, onnx
    from onnx import numpy_helper
    inits = {t.name: numpy_helper.to_array(t) for t in onnx.load(onnx_path).graph.initializer}
    return {k: jnp.asarray(inits[k].reshape(np.shape(v)).astype(np.float32)) for k, v in like.items()}
