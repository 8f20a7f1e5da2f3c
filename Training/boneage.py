"""boneage-phantom: bone age (months) from a PA hand phantom + sex, with a predicted log-variance.

Usage: python Training/boneage.py [--train N] [--val N] [--minutes M]
Train seeds: batch seed 1001 (studies 0..N-1). Validation: batch seed 900001 (never used in training).
"""
import argparse, os, sys, time, json
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C

NAME, H, W, MEAN, STD = "boneage-phantom", 160, 128, 0.5, 0.25
AGE_SHIFT, AGE_SCALE = 110.0, 60.0   # months: the net predicts (age - shift) / scale
TRAIN_SEED, VAL_SEED, SIZE = 1001, 900001, "quarter"
# A second training batch at half size, so the net does not depend on the source resolution
# (Lightbox letterboxes any size; the first version, quarter only, lost 1.6 months on half-size phantoms).
TRAIN2_SEED, SIZE2 = 1002, "half"


def load(root, limit=None):
    xs, sex, ys = [], [], []
    for d in C.studies(root)[:limit]:
        s, r = C.read_json(os.path.join(d, "study.json")), C.read_json(os.path.join(d, "reference.json"))
        ser = s["series"][0]
        g = C.load_grey(d, ser, ser["images"][0])
        x, *_ = C.letterbox(g, H, W)
        xs.append(C.normalise(x, MEAN, STD)); sex.append(1.0 if s["patient"]["sex"] == "M" else 0.0)
        ys.append(r["hand"]["boneAgeMonths"])
    return np.stack(xs)[:, None], np.array(sex, np.float32)[:, None], np.array(ys, np.float32)


def init(seed=0):
    i = C.Init(seed)
    i.conv("c1", 1, 16); i.conv("c2", 16, 16); i.conv("c3", 16, 32); i.conv("c4", 32, 32)
    i.conv("c5", 32, 64); i.conv("c6", 64, 64)
    i.dense("d1", 65, 64); i.dense("d2", 64, 2, scale=0.1)
    return i.p


def forward(n, image, sex):
    x = n.relu(n.conv(image, "c1", stride=2))          # 80x64
    x = n.maxpool(n.relu(n.conv(x, "c2")))               # 40x32
    x = n.maxpool(n.relu(n.conv(x, "c3")))               # 20x16
    x = n.relu(n.conv(x, "c4"))
    x = n.maxpool(n.relu(n.conv(x, "c5")))               # 10x8
    x = n.relu(n.conv(x, "c6"))
    f = n.concat([n.gap(x), sex])
    o = n.dense(n.relu(n.dense(f, "d1")), "d2")
    mean = n.affine(n.slice_cols(o, 0), AGE_SCALE, AGE_SHIFT, out="mean")
    logvar = n.affine(n.slice_cols(o, 1), 1.0, float(2 * np.log(AGE_SCALE)), out="logVariance")
    return mean, logvar


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", type=int, default=2000); ap.add_argument("--val", type=int, default=300)
    ap.add_argument("--train2", type=int, default=0, help=f"studies of batch {TRAIN2_SEED} (--size {SIZE2}) added to training")
    ap.add_argument("--minutes", type=float, default=20); ap.add_argument("--resume", action="store_true"); ap.add_argument("--lr", type=float, default=2e-3); ap.add_argument("--batch", type=int, default=32)
    a = ap.parse_args()
    import jax, jax.numpy as jnp, optax
    tr = C.generate("hand", a.train, TRAIN_SEED, f"{C.DATA}/hand-train-{TRAIN_SEED}", SIZE)
    va = C.generate("hand", a.val, VAL_SEED, f"{C.DATA}/hand-val-{VAL_SEED}", SIZE)
    t0 = time.time()
    Xt, St, Yt = load(tr); Xv, Sv, Yv = load(va)
    if a.train2:
        d2 = f"{C.DATA}/hand-half-train-{TRAIN2_SEED}"
        tr2 = d2 if os.path.isdir(d2) else C.generate("hand", a.train2, TRAIN2_SEED, d2, SIZE2)
        X2, S2, Y2 = load(tr2, a.train2)
        Xt, St, Yt = np.concatenate([Xt, X2]), np.concatenate([St, S2]), np.concatenate([Yt, Y2])
    print(f"loaded {len(Yt)} train / {len(Yv)} val in {time.time()-t0:.0f}s", flush=True)

    params = init(0)
    if a.resume:
        params = C.load_params(os.path.join(C.ROOT, "Models", NAME, "model.onnx"), params)
    def f(p, x, s):
        m, lv = forward(C.Net(p), x, s)
        return m[:, 0], lv[:, 0]
    def loss(p, x, s, y):
        m, lv = f(p, x, s)
        z = (m - y) / AGE_SCALE; lvn = lv - 2 * np.log(AGE_SCALE)
        return jnp.mean(0.5 * (jnp.exp(-lvn) * z ** 2 + lvn)) + 0.5 * jnp.mean(jnp.abs(z))
    steps_guess = 4000
    sched = optax.cosine_onecycle_schedule(steps_guess, 2e-3)
    opt = optax.inject_hyperparams(optax.adamw)(learning_rate=a.lr, weight_decay=1e-4); st = opt.init(params)
    @jax.jit
    def step(p, st, x, s, y):
        l, g = jax.value_and_grad(loss)(p, x, s, y)
        u, st = opt.update(g, st, p)
        return optax.apply_updates(p, u), st, l
    pred = jax.jit(f)
    def evaluate(p):
        ms = np.concatenate([np.asarray(pred(p, Xv[i:i+64], Sv[i:i+64])[0]) for i in range(0, len(Yv), 64)])
        return float(np.mean(np.abs(ms - Yv)))
    rng = np.random.default_rng(0); timer = C.Timer(a.minutes * 60); it = 0
    while timer.left() > 0 and it < steps_guess:
        idx = rng.integers(0, len(Yt), a.batch)
        x = Xt[idx]
        if rng.random() < 0.5:  # small brightness/contrast jitter
            x = x * rng.uniform(0.9, 1.1) + rng.uniform(-0.1, 0.1)
        if rng.random() < 0.5:  # small shift (positioning)
            x = np.roll(x, (int(rng.integers(-6, 7)), int(rng.integers(-5, 6))), axis=(2, 3))
        st.hyperparams['learning_rate'] = jnp.asarray(C.time_lr(a.lr, timer), jnp.float32); params, st, l = step(params, st, x, St[idx], Yt[idx]); it += 1
        if it % 200 == 0:
            print(f"step {it} loss {float(l):.3f} valMAD {evaluate(params):.2f} mo  {timer.elapsed():.0f}s", flush=True)
    train_s = timer.elapsed()
    mad = evaluate(params)
    ms, lvs = [], []
    for i in range(0, len(Yv), 64):
        m, lv = pred(params, Xv[i:i+64], Sv[i:i+64]); ms.append(np.asarray(m)); lvs.append(np.asarray(lv))
    ms, sd = np.concatenate(ms), np.exp(0.5 * np.concatenate(lvs))
    within12 = float(np.mean(np.abs(ms - Yv) <= 12)); cover = float(np.mean(np.abs(ms - Yv) <= 1.96 * sd))
    print(f"FINAL steps {it} train {train_s/60:.1f} min  val MAD {mad:.2f} mo  within12 {within12:.3f}  95%cover {cover:.3f}")

    folder = os.path.join(C.ROOT, "Models", NAME); path = os.path.join(folder, "model.onnx")
    pn = {k: np.asarray(v, np.float32) for k, v in params.items()}
    size = C.export(forward, pn, [("image", [1, 1, H, W]), ("sex", [1, 1])], [("mean", [1, 1]), ("logVariance", [1, 1])],
                    path, "boneage-phantom: trained on phantoms — not for clinical use")
    x0, s0 = Xv[:1], Sv[:1]
    jm, jl = pred(params, x0, s0)
    diffs, ort = C.check_onnxruntime(path, {"image": x0, "sex": s0}, {"mean": np.asarray(jm)[:, None], "logVariance": np.asarray(jl)[:, None]})
    eng = C.check_engine(path, {"image": x0, "sex": s0}, ort)
    print(f"export {size/1e6:.2f} MB  jax-vs-onnxruntime {diffs}  engine-vs-onnxruntime {eng}")
    C.write_card(folder, {
        "formatVersion": 1, "name": NAME, "version": "0.2.0", "task": "boneAge",
        "appliesTo": {"kinds": ["hand"], "modalities": ["CR", "DX"]},
        "input": {"name": "image", "height": H, "width": W, "channels": 1, "window": "default", "resize": "letterbox",
                  "normalisation": {"mean": MEAN, "std": STD}, "sexInput": {"name": "sex", "male": 1.0, "female": 0.0}},
        "outputs": {"mean": "mean", "logVariance": "logVariance"},
        "calibration": {"method": "none"},
        "training": {"data": "procedural phantoms from Lightbox's Phantoms generator (`lightbox phantom generate --kind hand`, --size quarter and half)",
                     "seeds": f"train batch seed {TRAIN_SEED} (quarter, {a.train} studies)" + (f" + batch seed {TRAIN2_SEED} (half, {len(Yt) - a.train} studies)" if a.train2 else "") + f"; held-out validation batch seed {VAL_SEED}",
                     "n": int(len(Yt)), "steps": it, "minutes": round(train_s / 60, 1), "resumedFromPreviousRun": a.resume, "recipe": "Training/boneage.py",
                     "framework": "JAX (CPU) + optax; ONNX graph written with onnx.helper"},
        "intendedUse": "Demonstration only — trained on phantoms — not for clinical use.",
        "validation": {"measuredBy": "training framework (JAX) on held-out phantoms; `lightbox models validate` reports the engine's",
                       "n": int(len(Yv)), "seeds": f"batch seed {VAL_SEED}", "madMonths": round(mad, 2),
                       "within12": round(within12, 3), "interval95Coverage": round(cover, 3)},
        "licence": "MIT"})
    np.save(os.path.join(folder, ".last_val.npy"), np.stack([ms, sd, Yv]))


if __name__ == "__main__":
    main()
