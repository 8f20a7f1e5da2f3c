"""Compares the top-left of an xterm screenshot with the source PGM a sixel was made from.

usage: compare-shot.py SOURCE.pgm SHOT.png LEVELS
Every screen pixel must be grey, equal (±1) to the grey of the register the encoder chose
(the same percent palette as SixelPalette), and within the palette's quantisation of the source.
Uses ImageMagick's convert to read the PNG. Exit status 1 on any mismatch.
"""
import subprocess, sys

def pnm(data):
    parts = data.split(maxsplit=4)
    return int(parts[1]), int(parts[2]), parts[4]

src_path, shot_path, levels = sys.argv[1], sys.argv[2], int(sys.argv[3])
w, h, src = pnm(open(src_path, "rb").read())
crop = subprocess.run(["convert", shot_path, "-crop", f"{w}x{h}+0+0", "+repage", "-depth", "8", "ppm:-"],
                      check=True, capture_output=True).stdout
w2, h2, shot = pnm(crop)
assert (w2, h2) == (w, h), f"screenshot crop {w2}x{h2} != source {w}x{h}"

n = max(2, min(levels, 101))
percents = []
for k in range(n):
    p = (k * 100 + (n - 1) // 2) // (n - 1)
    if not percents or percents[-1] != p:
        percents.append(p)
shown = [(p * 255 + 50) // 100 for p in percents]
lut, r = [], 0
for v in range(256):   # nearest shown grey, ties to the brighter one, as SixelPalette does
    while r + 1 < len(shown) and abs(shown[r + 1] - v) <= abs(shown[r] - v):
        r += 1
    lut.append(shown[r])
bound = 256 // len(shown) // 2 + 1

worst = off = nongrey = 0
for i in range(w * h):
    red, green, blue = shot[3 * i], shot[3 * i + 1], shot[3 * i + 2]
    nongrey += not (red == green == blue)
    worst = max(worst, abs(red - src[i]))
    off += abs(red - lut[src[i]]) > 1
print(f"{w}x{h} px, {len(shown)} levels: max |screen - source| = {worst} (bound {bound}), "
      f"pixels not their register's grey: {off}, non-grey pixels: {nongrey}")
sys.exit(0 if worst <= bound and off == 0 and nongrey == 0 else 1)
