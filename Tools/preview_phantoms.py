#!/usr/bin/env python3
"""Preview phantoms next to real films (tooling, not the product).

Builds Tools/phantom_preview (Swift, -O) with the Phantoms sources, generates studies as
16-bit PGM, windows them with the study's suggested window and writes PNG montages.

  python3 Tools/preview_phantoms.py --kind hand --count 4 --seed 7 --out /tmp/prev [--real DIR] [--montage FILE]

Needs numpy and Pillow (PyPI).
"""
import argparse, glob, json, os, subprocess, sys
import numpy as np
from PIL import Image

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build(binary):
    sources = sorted(glob.glob(os.path.join(ROOT, "Sources/Phantoms/*.swift")))
    cmd = ["swiftc", "-swift-version", "6", "-O", *sources, os.path.join(ROOT, "Tools/phantom_preview/main.swift"), *os.environ.get("PREVIEW_EXTRA", "").split(), "-o", binary]
    subprocess.run(cmd, check=True)


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    parts = data.split(b"\n", 3)
    w, h = map(int, parts[1].split())
    return np.frombuffer(parts[3], dtype=">u2").reshape(h, w).astype(np.float64)


def windowed(study_dir):
    study = json.load(open(os.path.join(study_dir, "study.json")))
    out = []
    for series in study["series"]:
        for name in series["images"]:
            px = read_pgm(os.path.join(study_dir, name.replace(".png", ".pgm")))
            c, w = series["windowCenter"], series["windowWidth"]
            img = np.clip((px - (c - w / 2)) / w, 0, 1) * 255
            out.append(Image.fromarray(img.astype(np.uint8)))
    return study, out


def montage(images, height):
    scaled = [im.resize((max(1, int(im.width * height / im.height)), height), Image.LANCZOS) for im in images]
    canvas = Image.new("L", (sum(i.width for i in scaled) + 4 * (len(scaled) - 1), height), 0)
    x = 0
    for im in scaled:
        canvas.paste(im, (x, 0))
        x += im.width + 4
    return canvas


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kind", default="hand")
    ap.add_argument("--count", type=int, default=4)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default="/tmp/phantom_preview")
    ap.add_argument("--real", nargs="*", default=[], help="real films to put first in the montage")
    ap.add_argument("--montage", default=None)
    ap.add_argument("--height", type=int, default=600)
    ap.add_argument("--no-build", action="store_true")
    args = ap.parse_args()
    binary = "/tmp/phantom_preview_bin"
    if not args.no_build:
        build(binary)
    subprocess.run([binary, args.kind, str(args.count), str(args.seed), args.out], check=True)
    images = [Image.open(p).convert("L") for p in args.real]
    for d in sorted(glob.glob(os.path.join(args.out, f"ph-{args.kind}-*"))):
        study, ims = windowed(d)
        for i, im in enumerate(ims):
            im.save(os.path.join(d, f"preview_{i + 1}.png"))
        images.extend(ims)
    if args.montage:
        montage(images, args.height).save(args.montage, optimize=True)
        print("wrote", args.montage, os.path.getsize(args.montage), "bytes")


if __name__ == "__main__":
    sys.exit(main())
