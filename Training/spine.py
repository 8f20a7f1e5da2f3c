"""spine-phantom: disc-level localisation heat maps (L1-L2..L5-S1) and per-level grades (canal stenosis,
Pfirrmann, listhesis) from the middle slice of a sagittal T2 phantom series.

A small U-Net gives a 64x64 heat map per level; each level's spatial softmax pools the feature map
(attention at that disc) and a shared per-level MLP gives the grade logits. The exported `levels`
output is the heat map resized bilinearly to the input size (argmax = centre in input pixels).

Usage: python Training/spine.py [--train N] [--val N] [--minutes M]
Train: batch seed 3001. Validation: batch seed 900003 (never used in training).
"""
import argparse, os, sys, time, json
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C

NAME, S, MEAN, STD = "spine-phantom", 128, 0.3, 0.25
G = S // 2
TRAIN_SEED, VAL_SEED, SIZE = 3001, 900003, "half"
CANAL = ["normal_mild", "moderate", "severe"]


def load(root):
    xs, cen, canal, pf, li, mm = [], [], [], [], [], []
    for d in C.studies(root):
        s, r = C.read_json(os.path.join(d, "study.json")), C.read_json(os.path.join(d, "reference.json"))
        ser = s["series"][0]
        mid = ser["images"][len(ser["images"]) // 2]
        assert mid == r["spine"]["midSliceImage"], (mid, r["spine"]["midSliceImage"])
        x, (sx, sy), ox, oy = C.letterbox(C.load_grey(d, ser, mid), S, S)
        xs.append(C.normalise(x, MEAN, STD))
        lv = r["spine"]["levels"]
        cen.append([[l["center"]["x"] * sx + ox, l["center"]["y"] * sy + oy] for l in lv])
        canal.append([CANAL.index(l["canalStenosis"]) for l in lv]); pf.append([l["pfirrmann"] - 1 for l in lv])
        li.append([min(l["listhesis"]["meyerding"], 4) for l in lv])
        mm.append(r["spine"]["pixelSpacing"] / sx)
    return (np.stack(xs)[:, None], np.array(cen, np.float32), np.array(canal), np.array(pf), np.array(li), np.array(mm, np.float32))


def init(seed=0):
    i = C.Init(seed)
    i.conv("e1", 1, 16); i.conv("e2", 16, 24); i.conv("e3", 24, 32); i.conv("e4", 32, 48)
    i.conv("e5", 48, 48); i.conv("e5b", 48, 48)
    i.conv("d4", 96, 48); i.conv("d3", 80, 32); i.conv("d2", 56, 32)
    i.conv("heat", 32, 5, k=1, scale=0.1); i.conv("feat", 32, 32, k=1)
    i.dense("h1", 32, 48); i.dense("canal", 48, 3, scale=0.1); i.dense("pf", 48, 5, scale=0.1); i.dense("li", 48, 5, scale=0.1)
    return i.p


def trunk(n, image):
    e1 = n.relu(n.conv(image, "e1", stride=2))          # 64
    e2 = n.relu(n.conv(e1, "e2"))
    e3 = n.relu(n.conv(n.maxpool(e2), "e3"))            # 32
    e4 = n.relu(n.conv(n.maxpool(e3), "e4"))            # 16
    e5 = n.relu(n.conv(n.relu(n.conv(n.maxpool(e4), "e5")), "e5b"))   # 8
    d4 = n.relu(n.conv(n.concat([n.upsample2(e5), e4]), "d4"))        # 16
    d3 = n.relu(n.conv(n.concat([n.upsample2(d4), e3]), "d3"))        # 32
    d2 = n.relu(n.conv(n.concat([n.upsample2(d3), e2]), "d2"))        # 64
    heat = n.conv(d2, "heat")                                          # [N,5,64,64]
    att = n.softmax(n.reshape(heat, [-1 if n.mode == "jax" else 1, 5, G * G]), axis=-1)
    feat = n.transpose(n.reshape(n.relu(n.conv(d2, "feat")), [-1 if n.mode == "jax" else 1, 32, G * G]), (0, 2, 1))
    pooled = n.matmul(att, feat)                                      # [N,5,32]
    h = n.relu(n.add(n.matmul(pooled, n.param("h1.w")), n.param("h1.b")))
    heads = [n.add(n.matmul(h, n.param(k + ".w")), n.param(k + ".b"), out=o)
             for k, o in (("canal", "canalStenosis"), ("pf", "pfirrmann"), ("li", "listhesis"))]
    return heat, heads


def forward(n, image):
    heat, (canal, pf, li) = trunk(n, image)
    levels = C.upsample2_linear(n, heat)
    levels = n.identity(levels, "levels")
    return levels, canal, pf, li


def kappa_linear(a, b, k):
    w = 1 - np.abs(np.arange(k)[:, None] - np.arange(k)[None, :]) / (k - 1)
    o = np.zeros((k, k)); np.add.at(o, (a, b), 1); o /= o.sum()
    e = np.outer(o.sum(1), o.sum(0))
    return float(((w * o).sum() - (w * e).sum()) / (1 - (w * e).sum()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", type=int, default=1500); ap.add_argument("--val", type=int, default=300)
    ap.add_argument("--minutes", type=float, default=20); ap.add_argument("--resume", action="store_true"); ap.add_argument("--lr", type=float, default=2e-3); ap.add_argument("--batch", type=int, default=16)
    a = ap.parse_args()
    import jax, jax.numpy as jnp, optax
    tr = C.generate("spine", a.train, TRAIN_SEED, f"{C.DATA}/spine-train-{TRAIN_SEED}", SIZE)
    va = C.generate("spine", a.val, VAL_SEED, f"{C.DATA}/spine-val-{VAL_SEED}", SIZE)
    t0 = time.time()
    T = load(tr); V = load(va)
    print(f"loaded {len(T[0])} train / {len(V[0])} val in {time.time()-t0:.0f}s; canal classes {np.bincount(T[2].ravel(), minlength=3)} "
          f"pfirrmann {np.bincount(T[3].ravel(), minlength=5)} listhesis {np.bincount(T[4].ravel(), minlength=5)}", flush=True)
    yy, xx = np.mgrid[0:G, 0:G].astype(np.float32) + 0.5
    def targets(cen):  # Gaussian (sigma 1 grid cell) on the 64 grid around each centre
        cx, cy = cen[..., 0] / 2, cen[..., 1] / 2
        t = np.exp(-((xx[None, None] - cx[..., None, None]) ** 2 + (yy[None, None] - cy[..., None, None]) ** 2) / 2)
        return (t / t.sum(axis=(2, 3), keepdims=True)).reshape(len(cen), 5, G * G).astype(np.float32)
    params = init(0)
    if a.resume:
        params = C.load_params(os.path.join(C.ROOT, "Models", NAME, "model.onnx"), params)
    def f(p, x):
        heat, heads = trunk(C.Net(p), x)
        return heat, heads
    def loss(p, x, tgt, ca, pf, li):
        heat, (lc, lp, ll) = f(p, x)
        lh = -jnp.mean(jnp.sum(tgt * jax.nn.log_softmax(heat.reshape(x.shape[0], 5, G * G), -1), -1))
        ce = lambda lg, y: jnp.mean(optax.softmax_cross_entropy_with_integer_labels(lg, y))
        return lh + ce(lc, ca) + ce(lp, pf) + 0.5 * ce(ll, li)
    steps_guess = 3000
    opt = optax.inject_hyperparams(optax.adamw)(learning_rate=a.lr, weight_decay=1e-4); st = opt.init(params)
    @jax.jit
    def step(p, st, *b):
        l, g = jax.value_and_grad(loss)(p, *b)
        u, st = opt.update(g, st, p)
        return optax.apply_updates(p, u), st, l
    @jax.jit
    def pred(p, x):
        heat, (lc, lp, ll) = f(p, x)
        return C.upsample2_linear(C.Net(p), heat), lc, lp, ll
    def evaluate(p):
        X, cen, ca, pf, li, mm = V
        outs = [pred(p, X[i:i+32]) for i in range(0, len(X), 32)]
        lv, lc, lp, ll = (np.concatenate([np.asarray(o[k]) for o in outs]) for k in range(4))
        idx = lv.reshape(len(X), 5, -1).argmax(-1)
        px, py = idx % S + 0.5, idx // S + 0.5   # argmax pixel centre, input pixels
        err = np.hypot(px - cen[..., 0], py - cen[..., 1]) * mm[:, None]
        m = {"within5mm": float(np.mean(err <= 5)), "meanErrMm": float(err.mean()),
             "canalKappa": kappa_linear(ca.ravel(), lc.argmax(-1).ravel(), 3), "canalAcc": float(np.mean(lc.argmax(-1) == ca)),
             "pfirrmannAcc": float(np.mean(lp.argmax(-1) == pf)), "pfirrmannKappa": kappa_linear(pf.ravel(), lp.argmax(-1).ravel(), 5),
             "listhesisAcc": float(np.mean(ll.argmax(-1) == li))}
        return m
    X, cen, ca, pf, li, _ = T
    rng = np.random.default_rng(0); timer = C.Timer(a.minutes * 60); it = 0
    while timer.left() > 0 and it < steps_guess:
        idx = rng.integers(0, len(X), a.batch)
        x = X[idx]
        if rng.random() < 0.5:
            x = x * rng.uniform(0.85, 1.15) + rng.uniform(-0.1, 0.1)
        st.hyperparams['learning_rate'] = jnp.asarray(C.time_lr(a.lr, timer), jnp.float32); params, st, l = step(params, st, x, targets(cen[idx]), ca[idx], pf[idx], li[idx]); it += 1
        if it % 200 == 0:
            m = evaluate(params)
            print(f"step {it} loss {float(l):.3f} " + " ".join(f"{k} {v:.3f}" for k, v in m.items()) + f"  {timer.elapsed():.0f}s", flush=True)
    train_s = timer.elapsed()
    m = evaluate(params)
    print(f"FINAL steps {it} train {train_s/60:.1f} min " + " ".join(f"{k} {v:.3f}" for k, v in m.items()))

    folder = os.path.join(C.ROOT, "Models", NAME); path = os.path.join(folder, "model.onnx")
    pn = {k: np.asarray(v, np.float32) for k, v in params.items()}
    size = C.export(forward, pn, [("image", [1, 1, S, S])],
                    [("levels", [1, 5, S, S]), ("canalStenosis", [1, 5, 3]), ("pfirrmann", [1, 5, 5]), ("listhesis", [1, 5, 5])],
                    path, "spine-phantom: trained on phantoms — not for clinical use")
    x0 = V[0][:1]
    o = [np.asarray(v) for v in pred(params, x0)]
    diffs, ort = C.check_onnxruntime(path, {"image": x0}, dict(zip(["levels", "canalStenosis", "pfirrmann", "listhesis"], o)))
    eng = C.check_engine(path, {"image": x0}, ort)
    print(f"export {size/1e6:.2f} MB  jax-vs-onnxruntime {diffs}  engine-vs-onnxruntime {eng}")
    C.write_card(folder, {
        "formatVersion": 1, "name": NAME, "version": "0.1.0", "task": "spine",
        "appliesTo": {"kinds": ["spine"], "modalities": ["MR"]},
        "input": {"name": "image", "height": S, "width": S, "channels": 1, "window": "default", "resize": "letterbox",
                  "normalisation": {"mean": MEAN, "std": STD}},
        "outputs": {"levels": "levels", "canalStenosis": "canalStenosis", "pfirrmann": "pfirrmann", "listhesis": "listhesis"},
        "levelNames": ["L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"],
        "labels": {"canalStenosis": ["normal/mild", "moderate", "severe"], "pfirrmann": ["1", "2", "3", "4", "5"],
                   "listhesis": ["none", "I", "II", "III", "IV"]},
        "calibration": {"method": "none"}, "spineSlice": "middle",
        "training": {"data": "procedural phantoms from Lightbox's Phantoms generator (`lightbox phantom generate --kind spine --size half`), middle slice",
                     "seeds": f"train batch seed {TRAIN_SEED} (studies 0..{a.train-1}); held-out validation batch seed {VAL_SEED}",
                     "n": int(len(X)), "steps": it, "minutes": round(train_s / 60, 1), "resumedFromPreviousRun": a.resume, "recipe": "Training/spine.py",
                     "framework": "JAX (CPU) + optax; ONNX graph written with onnx.helper"},
        "intendedUse": "Demonstration only — trained on phantoms — not for clinical use.",
        "validation": {"measuredBy": "training framework (JAX) on held-out phantoms; `lightbox models validate` reports the engine's",
                       "n": int(len(V[0])), "seeds": f"batch seed {VAL_SEED}", **{k: round(v, 3) for k, v in m.items()}},
        "licence": "MIT"})


if __name__ == "__main__":
    main()
