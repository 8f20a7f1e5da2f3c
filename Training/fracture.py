"""fracture-phantom: per-image P(fracture) from an extremity radiograph phantom, DenseNet-style
(dense blocks + transitions) ending in global average pooling + linear, exported with the class
activation map: cam = 1x1 conv of the last feature map with the linear weights, logit = mean(cam) + bias.

Usage: python Training/fracture.py [--train N] [--val N] [--minutes M]
Train: batch seed 2001. Validation: batch seed 900002 (never used in training).
"""
import argparse, os, sys, time, json
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C

NAME, H, W, MEAN, STD = "fracture-phantom", 160, 128, 0.5, 0.25
TRAIN_SEED, VAL_SEED, SIZE = 2001, 900002, "quarter"
BLOCKS = [(16, 8, 3), (24, 12, 3), (32, 16, 3)]   # (channels in, growth, layers)


def load(root):
    xs, ys, study = [], [], []
    for si, d in enumerate(C.studies(root)):
        s, r = C.read_json(os.path.join(d, "study.json")), C.read_json(os.path.join(d, "reference.json"))
        labels = {im["image"]: im["label"] for im in r["extremity"]["images"]}
        for ser in s["series"]:
            for p in ser["images"]:
                x, *_ = C.letterbox(C.load_grey(d, ser, p), H, W)
                xs.append(C.normalise(x, MEAN, STD)); ys.append(1.0 if labels[p] == "abnormal" else 0.0); study.append(si)
    return np.stack(xs)[:, None], np.array(ys, np.float32), np.array(study)


def init(seed=0):
    i = C.Init(seed)
    i.conv("stem", 1, BLOCKS[0][0])
    for b, (cin, g, L) in enumerate(BLOCKS):
        for l in range(L):
            i.conv(f"b{b}l{l}", cin + l * g, g)
        if b + 1 < len(BLOCKS):
            i.conv(f"t{b}", cin + L * g, BLOCKS[b + 1][0], k=1)
    cl = BLOCKS[-1][0] + BLOCKS[-1][2] * BLOCKS[-1][1]
    i.conv("head", cl, 1, k=1, bias=False, scale=0.1)   # the linear layer, kept as a 1x1 conv for the CAM
    import jax.numpy as jnp
    i.p["head.bias"] = jnp.zeros((1, 1))
    return i.p


def features(n, x):
    x = n.relu(n.conv(x, "stem", stride=2))            # 80x64
    for b, (cin, g, L) in enumerate(BLOCKS):
        for l in range(L):
            x = n.concat([x, n.relu(n.conv(x, f"b{b}l{l}"))])
        if b + 1 < len(BLOCKS):
            x = n.avgpool(n.relu(n.conv(x, f"t{b}")))    # 40x32, 20x16
    return x


def forward(n, image):
    cam = n.conv(features(n, image), "head", out="cam")          # [1,1,20,16]
    logit = n.add(n.gap(cam), n.param("head.bias"), out="logit")  # mean(cam) + bias
    return logit, cam


def auroc(y, p):
    pos, neg = p[y == 1], p[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    gt = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(gt / (len(pos) * len(neg)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", type=int, default=1500); ap.add_argument("--val", type=int, default=300)
    ap.add_argument("--minutes", type=float, default=20); ap.add_argument("--resume", action="store_true"); ap.add_argument("--lr", type=float, default=2e-3); ap.add_argument("--batch", type=int, default=32)
    a = ap.parse_args()
    import jax, jax.numpy as jnp, optax
    tr = C.generate("extremity", a.train, TRAIN_SEED, f"{C.DATA}/ext-train-{TRAIN_SEED}", SIZE)
    va = C.generate("extremity", a.val, VAL_SEED, f"{C.DATA}/ext-val-{VAL_SEED}", SIZE)
    t0 = time.time()
    Xt, Yt, _ = load(tr); Xv, Yv, Sv = load(va)
    print(f"loaded {len(Yt)} train / {len(Yv)} val images ({Yt.mean():.2f} abnormal) in {time.time()-t0:.0f}s", flush=True)
    params = init(0)
    if a.resume:
        params = C.load_params(os.path.join(C.ROOT, "Models", NAME, "model.onnx"), params)
    def f(p, x):
        logit, _ = forward(C.Net(p), x)
        return logit[:, 0]
    def loss(p, x, y):
        return jnp.mean(optax.sigmoid_binary_cross_entropy(f(p, x), y))
    steps_guess = 5000
    opt = optax.inject_hyperparams(optax.adamw)(learning_rate=a.lr, weight_decay=1e-4); st = opt.init(params)
    @jax.jit
    def step(p, st, x, y):
        l, g = jax.value_and_grad(loss)(p, x, y)
        u, st = opt.update(g, st, p)
        return optax.apply_updates(p, u), st, l
    pred = jax.jit(f)
    def evaluate(p):
        lg = np.concatenate([np.asarray(pred(p, Xv[i:i+64])) for i in range(0, len(Yv), 64)])
        pi = 1 / (1 + np.exp(-lg))
        studies = np.unique(Sv)
        ps = np.array([pi[Sv == s].mean() for s in studies]); ys = np.array([Yv[Sv == s].max() for s in studies])
        return auroc(Yv, pi), auroc(ys, ps), ps, ys
    rng = np.random.default_rng(0); timer = C.Timer(a.minutes * 60); it = 0
    while timer.left() > 0 and it < steps_guess:
        idx = rng.integers(0, len(Yt), a.batch)
        x = Xt[idx]
        if rng.random() < 0.5:
            x = x[..., ::-1]  # left/right flip: fractures have no side
        st.hyperparams['learning_rate'] = jnp.asarray(C.time_lr(a.lr, timer), jnp.float32); params, st, l = step(params, st, np.ascontiguousarray(x), Yt[idx]); it += 1
        if it % 200 == 0:
            ai, as_, *_ = evaluate(params)
            print(f"step {it} loss {float(l):.3f} val AUROC image {ai:.3f} study {as_:.3f}  {timer.elapsed():.0f}s", flush=True)
    train_s = timer.elapsed()
    ai, as_, ps, ys = evaluate(params)
    sens, spec = float(np.mean(ps[ys == 1] >= 0.5)), float(np.mean(ps[ys == 0] < 0.5))
    print(f"FINAL steps {it} train {train_s/60:.1f} min  val AUROC image {ai:.3f} study {as_:.3f} sens {sens:.3f} spec {spec:.3f}")

    folder = os.path.join(C.ROOT, "Models", NAME); path = os.path.join(folder, "model.onnx")
    pn = {k: np.asarray(v, np.float32) for k, v in params.items()}
    size = C.export(forward, pn, [("image", [1, 1, H, W])], [("logit", [1, 1]), ("cam", [1, 1, H // 8, W // 8])],
                    path, "fracture-phantom: trained on phantoms — not for clinical use")
    x0 = Xv[:1]
    lg, cam = forward(C.Net(params), x0)
    diffs, ort = C.check_onnxruntime(path, {"image": x0}, {"logit": np.asarray(lg), "cam": np.asarray(cam)})
    eng = C.check_engine(path, {"image": x0}, ort)
    print(f"export {size/1e6:.2f} MB  jax-vs-onnxruntime {diffs}  engine-vs-onnxruntime {eng}")
    C.write_card(folder, {
        "formatVersion": 1, "name": NAME, "version": "0.1.0", "task": "fracture",
        "appliesTo": {"kinds": ["extremity"], "modalities": ["CR", "DX"]},
        "input": {"name": "image", "height": H, "width": W, "channels": 1, "window": "default", "resize": "letterbox",
                  "normalisation": {"mean": MEAN, "std": STD}},
        "outputs": {"logit": "logit", "cam": "cam"},
        "operatingPoint": 0.5, "calibration": {"method": "none"},
        "training": {"data": "procedural phantoms from Lightbox's Phantoms generator (`lightbox phantom generate --kind extremity --size quarter`), per-image labels",
                     "seeds": f"train batch seed {TRAIN_SEED} (studies 0..{a.train-1}); held-out validation batch seed {VAL_SEED}",
                     "n": int(len(Yt)), "steps": it, "minutes": round(train_s / 60, 1), "resumedFromPreviousRun": a.resume, "recipe": "Training/fracture.py",
                     "framework": "JAX (CPU) + optax; ONNX graph written with onnx.helper"},
        "intendedUse": "Demonstration only — trained on phantoms — not for clinical use.",
        "validation": {"measuredBy": "training framework (JAX) on held-out phantoms; `lightbox models validate` reports the engine's",
                       "nStudies": int(len(ys)), "nImages": int(len(Yv)), "seeds": f"batch seed {VAL_SEED}",
                       "studyAuroc": round(as_, 4), "imageAuroc": round(ai, 4),
                       "sensitivity": round(sens, 3), "specificity": round(spec, 3)},
        "licence": "MIT"})
    np.save(f"{C.DATA}/{NAME}-fixture-input.npy", x0)


if __name__ == "__main__":
    main()
