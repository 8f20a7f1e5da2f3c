"""fracture-phantom: per-image P(fracture) from an extremity radiograph phantom, DenseNet-style
(dense blocks + transitions) ending in global average pooling + linear, exported with the class
activation map: cam = 1x1 conv of the last feature map with the linear weights, logit = mean(cam) + bias.

Why it is trained this way (the first version, 160x128 from quarter-size phantoms, stayed at chance):
- Resolution: the fracture gap is 0.35-1.2 mm, about one pixel of a half-size phantom (384x480) and
  below a pixel at quarter size. The input is the half-size image at its own resolution (480x384).
- Dense supervision: a fracture covers ~1% of the image, so a per-image label alone is a weak signal
  for a small net on two CPU cores. The reference's fracture box gives a per-cell target for the CAM
  (BCE on cam - 3 against the box's cell coverage), which is what makes the net learn in minutes.
- Crops: most steps see 192x192 crops (half of them on the fracture when there is one), 6x cheaper
  than whole images; the net is fully convolutional so the same weights run on the whole image.
- The last phase trains on whole images with the image-level loss on mean(cam) + bias as well, and a
  final logistic fit (scale a, bias b) of the image logit on training images sets the linear head
  (head.w *= a, bias = b): still exactly GAP + linear, and logit = mean(cam) + bias.

Usage: python Training/fracture.py [--train N] [--val N] [--minutes M] [--whole-minutes M]
Train: batch seed 2001 (--size half). In-training validation: batch seed 900002 (half, never used in
training). The Done-when numbers come from `lightbox models validate` on fresh batches (Docs/MODELS.md).
"""
import argparse, os, sys, time
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C

NAME, H, W, MEAN, STD = "fracture-phantom", 480, 384, 0.5, 0.25
TRAIN_SEED, VAL_SEED, SIZE = 2001, 900002, "half"
CELL = 16                                            # CAM cell in input pixels
STEM = 24
BLOCKS = [(STEM, 12, 3), (32, 16, 4), (48, 16, 4)]   # (channels in, growth, layers)
CROP = 192
DENSE_OFFSET = -3.0                                  # background cells sit near cam = 0 -> P 0.05


def cell_targets(box, scale, ox, oy):
    """Fraction of each CAM cell covered by the fracture box (input pixels), x2, clipped to 1."""
    t = np.zeros((H // CELL, W // CELL), np.float32)
    if box is None:
        return t
    x0, y0 = box["x"] * scale[0] + ox, box["y"] * scale[1] + oy
    x1, y1 = x0 + box["width"] * scale[0], y0 + box["height"] * scale[1]
    ys, xs = np.arange(H // CELL) * CELL, np.arange(W // CELL) * CELL
    oy_ = np.clip(np.minimum(ys + CELL, y1) - np.maximum(ys, y0), 0, None)
    ox_ = np.clip(np.minimum(xs + CELL, x1) - np.maximum(xs, x0), 0, None)
    return np.minimum(1.0, 2 * np.outer(oy_, ox_) / CELL ** 2).astype(np.float32)


def load(root, limit=None, skip=(), first=0):
    """uint8 images [N,H,W] (the 8-bit grey the card's preprocessing makes), cell targets, labels, study index."""
    xs, ts, ys, study = [], [], [], []
    dirs = [d for d in C.studies(root) if d not in skip][:limit]
    for si, d in enumerate(dirs, start=first):
        s, r = C.read_json(os.path.join(d, "study.json")), C.read_json(os.path.join(d, "reference.json"))
        refs = {im["image"]: im for im in r["extremity"]["images"]}
        for ser in s["series"]:
            for p in ser["images"]:
                x, scale, ox, oy = C.letterbox(C.load_grey(d, ser, p), H, W)
                ab = refs[p]["label"] == "abnormal"
                xs.append(np.round(x * 255).astype(np.uint8)); ys.append(1.0 if ab else 0.0); study.append(si)
                ts.append(cell_targets(refs[p].get("fractureBox") if ab else None, scale, ox, oy))
    if not xs:
        return None
    return np.stack(xs), np.stack(ts), np.array(ys, np.float32), np.array(study), dirs


def prep(x8):
    return C.normalise(x8.astype(np.float32) / 255, MEAN, STD)[:, None]


def init(seed=0):
    i = C.Init(seed)
    i.conv_bn("stem", 1, STEM)
    for b, (cin, g, L) in enumerate(BLOCKS):
        for l in range(L):
            i.conv_bn(f"b{b}l{l}", cin + l * g, g)
        if b + 1 < len(BLOCKS):
            i.conv_bn(f"t{b}", cin + L * g, BLOCKS[b + 1][0], k=1)
    cl = BLOCKS[-1][0] + BLOCKS[-1][2] * BLOCKS[-1][1]
    i.conv("head", cl, 1, k=1, bias=False, scale=0.1)   # the linear layer, kept as a 1x1 conv for the CAM
    import jax.numpy as jnp
    i.p["head.bias"] = jnp.zeros((1, 1))
    return i.p


def features(n, x):
    x = n.maxpool(n.relu(n.conv_bn(x, "stem", stride=2)))   # 240x192 -> 120x96
    for b, (cin, g, L) in enumerate(BLOCKS):
        for l in range(L):
            x = n.concat([x, n.relu(n.conv_bn(x, f"b{b}l{l}"))])
        if b + 1 < len(BLOCKS):
            x = n.avgpool(n.relu(n.conv_bn(x, f"t{b}")))    # 60x48, 30x24
    return x


def forward(n, image):
    cam = n.conv(features(n, image), "head", out="cam")          # [1,1,H/16,W/16]
    logit = n.add(n.gap(cam), n.param("head.bias"), out="logit")  # mean(cam) + bias
    return logit, cam


def auroc(y, p):
    pos, neg = p[y == 1], p[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    gt = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(gt / (len(pos) * len(neg)))


def augment(rng, x8, t):
    """uint8 batch [B,h,w] + targets [B,h/16,w/16]: flips (fractures have no side) and exposure jitter."""
    x = x8.astype(np.float32) / 255
    if rng.random() < 0.5:
        x, t = x[:, :, ::-1], t[:, :, ::-1]
    if rng.random() < 0.5:
        x, t = x[:, ::-1, :], t[:, ::-1, :]
    c = rng.uniform(0.8, 1.2, (len(x), 1, 1)); b = rng.uniform(-0.08, 0.08, (len(x), 1, 1))
    x = np.clip((x - 0.5) * c + 0.5 + b, 0, 1)
    return np.ascontiguousarray(C.normalise(x, MEAN, STD)[:, None]), np.ascontiguousarray(t)


def crops(rng, X, T, Y, idx):
    """CROP x CROP windows on the CELL grid; on abnormal images, half of them hold the fracture."""
    ch, cw = (H - CROP) // CELL, (W - CROP) // CELL
    k = CROP // CELL
    xs, ts = [], []
    for i in idx:
        if Y[i] == 1 and rng.random() < 0.5 and T[i].max() > 0:
            cy, cx = np.argwhere(T[i] == T[i].max())[rng.integers(0, (T[i] == T[i].max()).sum())]
            gy = int(np.clip(cy - rng.integers(1, k - 1), 0, ch)); gx = int(np.clip(cx - rng.integers(1, k - 1), 0, cw))
        else:
            gy, gx = int(rng.integers(0, ch + 1)), int(rng.integers(0, cw + 1))
        xs.append(X[i, gy * CELL:gy * CELL + CROP, gx * CELL:gx * CELL + CROP]); ts.append(T[i, gy:gy + k, gx:gx + k])
    return np.stack(xs), np.stack(ts)


def logistic(F, y, lam, iters=50):
    """L2-regularised logistic regression by Newton's method; returns (w, b)."""
    n, d = F.shape
    A = np.hstack([F, np.ones((n, 1))]); theta = np.zeros(d + 1)
    R = lam * np.eye(d + 1); R[-1, -1] = 0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(A @ theta)))
        g = A.T @ (p - y) / n + R @ theta
        Hm = (A * (p * (1 - p))[:, None]).T @ A / n + R + 1e-9 * np.eye(d + 1)
        theta = theta - np.linalg.solve(Hm, g)
    return theta[:-1], float(theta[-1])


def save_npz(path, params, bn, **meta):
    np.savez(path, **{f"p:{k}": np.asarray(v, np.float32) for k, v in params.items()},
             **{f"bn:{k}:m": m for k, (m, _) in bn.items()}, **{f"bn:{k}:v": v for k, (_, v) in bn.items()},
             **{f"meta:{k}": np.asarray(v) for k, v in meta.items()})


def load_npz(path):
    z = np.load(path)
    params = {k[2:] if k.startswith("p:") else k: z[k] for k in z.files if not k.startswith(("bn:", "meta:"))}
    names = {k.split(":")[1] for k in z.files if k.startswith("bn:")}
    bn = {n: (z[f"bn:{n}:m"], z[f"bn:{n}:v"]) for n in names}
    meta = {k[5:]: z[k].item() for k in z.files if k.startswith("meta:")}
    return params, bn, meta


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", type=int, default=1200); ap.add_argument("--val", type=int, default=100)
    ap.add_argument("--minutes", type=float, default=30, help="crop phase (wall clock)")
    ap.add_argument("--whole-minutes", type=float, default=8, help="whole-image phase (wall clock)")
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--whole-lr", type=float, default=None, help="whole-image phase (default: --lr / 3)")
    ap.add_argument("--out", default=None, help="export folder (default: Models/fracture-phantom)")
    ap.add_argument("--card-version", default="0.3.0")
    ap.add_argument("--from-npz", default=None, help="start from the weights an earlier run saved (with --minutes 0 --whole-minutes 0: only refit the head and export)")
    ap.add_argument("--steps-crop", type=int, default=0); ap.add_argument("--steps-whole", type=int, default=0)
    ap.add_argument("--minutes-trained", type=float, default=0, help="(--from-npz of a file without its meta) for the card")
    ap.add_argument("--head-images", type=int, default=1600, help="training images for the head refit")
    ap.add_argument("--recalibrate", action="store_true", help="(--from-npz of a crop-phase checkpoint) recompute BatchNorm statistics on whole images")
    ap.add_argument("--batch", type=int, default=24); ap.add_argument("--whole-batch", type=int, default=6)
    ap.add_argument("--train-dir", default=f"{C.DATA}/ext-half-train-{TRAIN_SEED}")
    ap.add_argument("--val-dir", default=f"{C.DATA}/ext-half-val-{VAL_SEED}")
    a = ap.parse_args()
    import jax, jax.numpy as jnp, optax
    # A folder that is still being generated is used as it stands and re-read during training.
    tr = a.train_dir if os.path.isdir(a.train_dir) else C.generate("extremity", a.train, TRAIN_SEED, a.train_dir, SIZE)
    va = a.val_dir if os.path.isdir(a.val_dir) else C.generate("extremity", a.val, VAL_SEED, a.val_dir, SIZE)
    t0 = time.time()
    Xt, Tt, Yt, St, seen = load(tr, a.train); Xv, Tv, Yv, Sv, _ = load(va, a.val)
    print(f"loaded {len(Yt)} train images ({St.max()+1} studies) / {len(Yv)} val images ({Sv.max()+1} studies), "
          f"{Yt.mean():.2f} abnormal, in {time.time()-t0:.0f}s", flush=True)
    params = init(0)

    def cam_logit(p, x, bn=None):
        n = C.Net(p, bn_state=bn, train=bn is None)
        logit, cam = forward(n, x)
        return cam[:, 0], logit[:, 0], n.batch_stats
    def dense_loss(cam, t):
        w = 1 + 4 * t
        return jnp.mean(w * optax.sigmoid_binary_cross_entropy(cam + DENSE_OFFSET, t))
    def crop_loss(p, x, t):
        cam, _, bs = cam_logit(p, x)
        return dense_loss(cam, t), bs
    def whole_loss(p, x, t, y):
        cam, logit, bs = cam_logit(p, x)
        return dense_loss(cam, t) + jnp.mean(optax.sigmoid_binary_cross_entropy(logit, y)), bs
    opt = optax.inject_hyperparams(optax.adamw)(learning_rate=a.lr, weight_decay=1e-4); st = opt.init(params)
    def make_step(lossf):
        @jax.jit
        def step(p, st, *args):
            (l, bs), g = jax.value_and_grad(lossf, has_aux=True)(p, *args)
            g = jax.tree_util.tree_map(lambda v: jnp.clip(v, -1, 1), g)
            u, st = opt.update(g, st, p)
            return optax.apply_updates(p, u), st, l, bs
        return step
    crop_step, whole_step = make_step(crop_loss), make_step(whole_loss)
    bn = None   # running statistics, name -> (mean, var)
    def track(bs, momentum=0.9):
        nonlocal bn
        bs = {k: (np.asarray(m), np.asarray(v)) for k, (m, v) in bs.items()}
        bn = bs if bn is None else {k: (momentum * bn[k][0] + (1 - momentum) * m, momentum * bn[k][1] + (1 - momentum) * v)
                                    for k, (m, v) in bs.items()}
    pred = jax.jit(lambda p, bn, x: cam_logit(p, x, bn)[1])
    feat = jax.jit(lambda p, bn, x: features(C.Net(p, bn_state=bn), x).mean(axis=(2, 3)))
    def gap_features(p, X):
        return np.concatenate([np.asarray(feat(p, bn, prep(X[i:i + 8]))) for i in range(0, len(X), 8)]).astype(np.float64)
    batch_stats = jax.jit(lambda p, x: cam_logit(p, x)[2])
    def recalibrate(p, idx):
        """BatchNorm statistics of whole images (the crops' differ): population mean and variance over
        batches of 8, as the folded Conv will see at inference."""
        ms, vs = {}, {}
        for i in range(0, len(idx), 8):
            for k, (m, v) in batch_stats(p, prep(Xt[idx[i:i + 8]])).items():
                ms.setdefault(k, []).append(np.asarray(m)); vs.setdefault(k, []).append(np.asarray(v))
        return {k: (np.mean(ms[k], 0), np.mean(vs[k], 0) + np.var(ms[k], 0)) for k in ms}
    def logits(p, X):
        return np.concatenate([np.asarray(pred(p, bn, prep(X[i:i + 8]))) for i in range(0, len(X), 8)])
    def evaluate(p):
        pi = 1 / (1 + np.exp(-logits(p, Xv)))
        studies = np.unique(Sv)
        ps = np.array([pi[Sv == s].mean() for s in studies]); ys = np.array([Yv[Sv == s].max() for s in studies])
        return auroc(Yv, pi), auroc(ys, ps), ps, ys

    rng = np.random.default_rng(0); it = 0
    if a.from_npz:
        params, bn, meta = load_npz(a.from_npz)
        params = {k: jnp.asarray(v) for k, v in params.items()}
        bn = {k: (np.asarray(m), np.asarray(v)) for k, (m, v) in bn.items()}
    timer = C.Timer(a.minutes * 60)
    while timer.left() > 0:
        idx = rng.integers(0, len(Yt), a.batch)
        x, t = augment(rng, *crops(rng, Xt, Tt, Yt, idx))
        st.hyperparams['learning_rate'] = jnp.asarray(C.time_lr(a.lr, timer), jnp.float32)
        params, st, l, bs = crop_step(params, st, x, t); track(bs); it += 1
        if it % 100 == 0:
            print(f"crop step {it} loss {float(l):.4f}  {timer.elapsed():.0f}s", flush=True)
        if it % 300 == 0 and len(seen) < a.train:
            more = load(tr, a.train - len(seen), skip=set(seen), first=int(St.max()) + 1)
            if more:
                Xt, Tt, Yt = np.concatenate([Xt, more[0]]), np.concatenate([Tt, more[1]]), np.concatenate([Yt, more[2]])
                St = np.concatenate([St, more[3]]); seen = seen + more[4]
                print(f"  now {len(Yt)} train images ({len(seen)} studies)", flush=True)
        if it % 500 == 0:
            ai, as_, *_ = evaluate(params)
            print(f"  val AUROC image {ai:.3f} study {as_:.3f}", flush=True)
            # A long run can be cut short: this checkpoint (--from-npz ... --recalibrate) is exportable.
            save_npz(os.path.join(C.DATA, f"{NAME}-checkpoint.npz"), params, bn, crop_it=it, wit=0, crop_s=timer.elapsed(), whole_s=0)
    crop_s, crop_it = timer.elapsed(), it
    if a.minutes > 0:
        bn = recalibrate(params, rng.choice(len(Yt), min(256, len(Yt)), replace=False))
        ai, as_, *_ = evaluate(params)
        print(f"after crops: {crop_it} steps {crop_s/60:.1f} min  val AUROC image {ai:.3f} study {as_:.3f}", flush=True)
        # A checkpoint to fall back on (--from-npz) if the whole-image phase makes the held-out set worse.
        save_npz(os.path.join(C.DATA, f"{NAME}-crops.npz"), params, bn, crop_it=crop_it, wit=0, crop_s=crop_s, whole_s=0)

    timer = C.Timer(a.whole_minutes * 60); wit = 0
    wlr = a.whole_lr if a.whole_lr is not None else a.lr / 3
    while timer.left() > 0:
        idx = rng.integers(0, len(Yt), a.whole_batch)
        x, t = augment(rng, Xt[idx], Tt[idx])
        st.hyperparams['learning_rate'] = jnp.asarray(C.time_lr(wlr, timer, warmup_s=5), jnp.float32)
        params, st, l, bs = whole_step(params, st, x, t, Yt[idx]); track(bs); wit += 1
        if wit % 50 == 0:
            print(f"whole step {wit} loss {float(l):.4f}  {timer.elapsed():.0f}s", flush=True)
    whole_s = timer.elapsed()
    if a.minutes > 0 or a.whole_minutes > 0 or a.recalibrate:
        bn = recalibrate(params, rng.choice(len(Yt), min(400, len(Yt)), replace=False))
    if a.from_npz:   # steps and minutes of the run(s) before this one, for the card
        crop_it += int(meta.get("crop_it", a.steps_crop)); wit += int(meta.get("wit", a.steps_whole))
        crop_s += float(meta.get("crop_s", a.minutes_trained * 60)); whole_s += float(meta.get("whole_s", 0))

    trained = os.path.join(C.DATA, f"{NAME}-trained.npz")
    if a.minutes > 0 or a.whole_minutes > 0:
        save_npz(trained, params, bn, crop_it=crop_it, wit=wit, crop_s=crop_s, whole_s=whole_s)

    # The linear head (GAP -> linear) refitted on whole images: L2-regularised logistic regression of the
    # image label on the global-average-pooled last feature map of training images (the dense CAM loss
    # trained the features; this sets the head that mean(cam) + bias actually uses). Regularisation chosen
    # on the in-training validation images. head.w [1,C,1,1] and the bias keep logit = mean(cam) + bias.
    sub = rng.choice(len(Yt), min(len(Yt), a.head_images), replace=False)
    Ft, Fv = gap_features(params, Xt[sub]), gap_features(params, Xv)
    mu, sd = Ft.mean(0), Ft.std(0) + 1e-6
    best = None
    for lam in (1e-4, 1e-3, 1e-2, 1e-1, 1.0):
        w, b = logistic((Ft - mu) / sd, Yt[sub], lam)
        zv = ((Fv - mu) / sd) @ w + b
        av = auroc(Yv, zv)
        print(f"  head fit lambda {lam:g}: val image AUROC {av:.3f}", flush=True)
        if best is None or av > best[0]:
            best = (av, lam, w, b)
    _, lam, w, b = best
    params = dict(params)
    params["head.w"] = jnp.asarray((w / sd).reshape(1, -1, 1, 1), jnp.float32)
    params["head.bias"] = jnp.full((1, 1), b - float(np.sum(w * mu / sd)), jnp.float32)
    print(f"head refit on {len(sub)} training images, lambda {lam:g}", flush=True)

    ai, as_, ps, ys = evaluate(params)
    sens, spec = float(np.mean(ps[ys == 1] >= 0.5)), float(np.mean(ps[ys == 0] < 0.5))
    print(f"FINAL crop {crop_it} steps {crop_s/60:.1f} min + whole {wit} steps {whole_s/60:.1f} min  "
          f"val AUROC image {ai:.3f} study {as_:.3f} sens {sens:.3f} spec {spec:.3f}", flush=True)

    folder = a.out or os.path.join(C.ROOT, "Models", NAME); os.makedirs(folder, exist_ok=True); path = os.path.join(folder, "model.onnx")
    pn = {k: np.asarray(v, np.float32) for k, v in params.items()}
    size = C.export(forward, pn, [("image", [1, 1, H, W])], [("logit", [1, 1]), ("cam", [1, 1, H // CELL, W // CELL])],
                    path, "fracture-phantom: trained on phantoms — not for clinical use", bn_state=bn)
    x0 = prep(Xv[:1])
    lg, cam = forward(C.Net(params, bn_state=bn), x0)
    diffs, ort = C.check_onnxruntime(path, {"image": x0}, {"logit": np.asarray(lg), "cam": np.asarray(cam)})
    eng = C.check_engine(path, {"image": x0}, ort)
    print(f"export {size/1e6:.2f} MB  jax-vs-onnxruntime {diffs}  engine-vs-onnxruntime {eng}")
    C.write_card(folder, {
        "formatVersion": 1, "name": NAME, "version": a.card_version, "task": "fracture",
        "appliesTo": {"kinds": ["extremity"], "modalities": ["CR", "DX"]},
        "input": {"name": "image", "height": H, "width": W, "channels": 1, "window": "default", "resize": "letterbox",
                  "normalisation": {"mean": MEAN, "std": STD}},
        "outputs": {"logit": "logit", "cam": "cam"},
        "operatingPoint": 0.5, "calibration": {"method": "none"},
        "training": {"data": "procedural phantoms from Lightbox's Phantoms generator (`lightbox phantom generate --kind extremity --size half`), per-image labels and fracture boxes",
                     "seeds": f"train batch seed {TRAIN_SEED} ({len(seen)} studies); in-training validation batch seed {VAL_SEED} ({int(Sv.max()) + 1} studies)",
                     "n": int(len(Yt)), "steps": {"crops": crop_it, "wholeImages": wit},
                     "minutes": round((crop_s + whole_s) / 60, 1), "recipe": "Training/fracture.py",
                     "framework": "JAX (CPU) + optax; ONNX graph written with onnx.helper"},
        "intendedUse": "Demonstration only — trained on phantoms — not for clinical use.",
        "validation": {"measuredBy": "training framework (JAX) on held-out phantoms; `lightbox models validate` reports the engine's (Docs/MODELS.md)",
                       "nStudies": int(len(ys)), "nImages": int(len(Yv)), "seeds": f"batch seed {VAL_SEED}",
                       "studyAuroc": round(as_, 4), "imageAuroc": round(ai, 4),
                       "sensitivity": round(sens, 3), "specificity": round(spec, 3)},
        "licence": "MIT"})


if __name__ == "__main__":
    main()
