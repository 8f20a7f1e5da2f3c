"""Compares the top-left of an xterm screenshot with the source PGM a sixel was made from.

usage: compare-shot.py SOURCE.pgm SHOT.png LEVELS|exact
With LEVELS (sixel): every screen pixel must be grey, equal (±1) to the grey of the register the
encoder chose (the same percent palette as SixelPalette), and within the palette's quantisation of
the source. With `exact` (kitty): every pixel must equal the source. The image is looked for at the
top-left, allowing an offset of up to 12 pixels (kitty leaves a few pixels above the first row).
Uses ImageMagick's convert to read the PNG. Exit status 1 on any mismatch.
"""
import subprocess, sys

def pnm(data):
    parts = data.split(maxsplit=4)
    return int(parts[1]), int(parts[2]), parts[4]

src_path, shot_path = sys.argv[1], sys.argv[2]
exact = sys.argv[3] == "exact"
levels = 256 if exact else int(sys.argv[3])
w, h, src = pnm(open(src_path, "rb").read())
pad = 12
crop = subprocess.run(["convert", shot_path, "-crop", f"{w + pad}x{h + pad}+0+0", "+repage", "-depth", "8", "ppm:-"],
                      check=True, capture_output=True).stdout
W, H, big = pnm(crop)
assert W >= w and H >= h, f"screenshot {W}x{H} smaller than source {w}x{h}"

def sample_error(dx, dy):
    return max(abs(big[3 * ((y + dy) * W + x + dx)] - src[y * w + x])
               for y in range(0, h, 7) for x in range(0, w, 5))
dx, dy = min(((dx, dy) for dy in range(min(pad, H - h) + 1) for dx in range(min(pad, W - w) + 1)),
             key=lambda o: sample_error(*o))
shot = bytearray()
for y in range(h):
    start = 3 * ((y + dy) * W + dx)
    shot += big[start:start + 3 * w]

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
if exact:
    lut, bound = list(range(256)), 0

worst = off = nongrey = 0
for i in range(w * h):
    red, green, blue = shot[3 * i], shot[3 * i + 1], shot[3 * i + 2]
    nongrey += not (red == green == blue)
    worst = max(worst, abs(red - src[i]))
    off += abs(red - lut[src[i]]) > (0 if exact else 1)
what = "exact" if exact else f"{len(shown)} levels"
print(f"{w}x{h} px at offset ({dx},{dy}), {what}: max |screen - source| = {worst} (bound {bound}), "
      f"pixels not their expected grey: {off}, non-grey pixels: {nongrey}")
sys.exit(0 if worst <= bound and off == 0 and nongrey == 0 else 1)
