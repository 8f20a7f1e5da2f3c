#!/usr/bin/env python3
"""PNG fixtures for ImagingTests, written by a small independent PNG writer (Python zlib,
no libpng), with the sample values each file holds in expected.json.

Usage: python3 Tests/ImagingTests/Fixtures/generate_png_fixtures.py   (standard library only)
Deterministic. Colour files record luma = (299 R + 587 G + 114 B + 500) // 1000, the grey
Lightbox shows for them; grey files record the stored samples exactly.
"""
import hashlib, json, pathlib, random, struct, zlib

HERE = pathlib.Path(__file__).resolve().parent
random.seed(4)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def pack_row(samples, bit_depth, channels):
    """Samples of one row (flattened channels) to bytes."""
    if bit_depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    if bit_depth == 8:
        return bytes(samples)
    out, acc, n = bytearray(), 0, 0
    for s in samples:
        acc = (acc << bit_depth) | s
        n += bit_depth
        if n == 8:
            out.append(acc); acc, n = 0, 0
    if n:
        out.append(acc << (8 - n))
    return bytes(out)


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def png(width, height, bit_depth, color_type, pixels, interlace=False, palette=None):
    """pixels: rows of per-pixel tuples. Rows use filter type 0 (PngSuite covers the other filters)."""
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[color_type]
    raw = bytearray()

    def emit(rows):
        for row in rows:
            flat = [c for px in row for c in px]
            raw.append(0)
            raw.extend(pack_row(flat, bit_depth, channels))

    if interlace:
        for x0, y0, dx, dy in ADAM7:
            rows = [[pixels[y][x] for x in range(x0, width, dx)] for y in range(y0, height, dy)]
            rows = [r for r in rows if r]
            emit(rows)
    else:
        emit(pixels)
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 1 if interlace else 0)
    body = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
    if palette is not None:
        body += chunk(b"PLTE", b"".join(bytes(c) for c in palette))
    body += chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
    return body


expected, files = {}, {}


def grey(name, w, h, depth, interlace):
    top = (1 << depth) - 1
    px = [[(random.randint(0, top),) for _ in range(w)] for _ in range(h)]
    px[0][0] = (0,); px[-1][-1] = (top,)
    files[name] = png(w, h, depth, 0, px, interlace)
    values = [p[0] for row in px for p in row]
    expected[name] = {"width": w, "height": h, "bitDepth": depth, "photometric": "MONOCHROME2", "values": values}


for depth in (1, 2, 4, 8, 16):
    grey(f"grey{depth}.png", 13, 7, depth, False)
    grey(f"grey{depth}_interlaced.png", 11, 9, depth, True)


def luma(r, g, b):
    return (299 * r + 587 * g + 114 * b + 500) // 1000


rgb = [[tuple(random.randint(0, 255) for _ in range(3)) for _ in range(6)] for _ in range(5)]
files["rgb8.png"] = png(6, 5, 8, 2, rgb)
expected["rgb8.png"] = {"width": 6, "height": 5, "bitDepth": 8, "photometric": "RGB", "values": [luma(*p) for r in rgb for p in r]}

rgba = [[tuple(random.randint(0, 65535) for _ in range(4)) for _ in range(4)] for _ in range(3)]
files["rgba16_interlaced.png"] = png(4, 3, 16, 6, rgba, interlace=True)
expected["rgba16_interlaced.png"] = {"width": 4, "height": 3, "bitDepth": 16, "photometric": "RGB",
                                     "values": [luma(*p[:3]) for r in rgba for p in r]}

pal = [(i * 16, 255 - i * 16, (i * 97) % 256) for i in range(16)]
idx = [[(random.randint(0, 15),) for _ in range(9)] for _ in range(4)]
files["palette4.png"] = png(9, 4, 4, 3, idx, palette=pal)
expected["palette4.png"] = {"width": 9, "height": 4, "bitDepth": 8, "photometric": "PALETTE COLOR",
                            "values": [luma(*pal[p[0]]) for r in idx for p in r]}

ga = [[(random.randint(0, 255), random.randint(0, 255)) for _ in range(5)] for _ in range(5)]
files["grey_alpha8.png"] = png(5, 5, 8, 4, ga)
expected["grey_alpha8.png"] = {"width": 5, "height": 5, "bitDepth": 8, "photometric": "MONOCHROME2", "values": [p[0] for r in ga for p in r]}

# Broken files: each must give one clear error naming the chunk (and offset).
good = files["grey8.png"]
idat = good.index(b"IDAT") - 4
bad_crc = bytearray(good); bad_crc[idat + 10] ^= 0x55
files["broken_crc.png"] = bytes(bad_crc)
ln = struct.unpack(">I", good[idat:idat + 4])[0]
data = bytearray(good[idat + 8: idat + 8 + ln]); data[2:10] = b"\xff" * 8
files["broken_zlib.png"] = good[:idat] + chunk(b"IDAT", bytes(data)) + good[idat + 12 + ln:]
files["broken_truncated.png"] = good[: len(good) - 20]
huge = bytearray(good); huge[16:24] = struct.pack(">II", 200000, 200000)
huge[29:33] = struct.pack(">I", zlib.crc32(bytes(huge[12:29])) & 0xFFFFFFFF)
files["broken_huge.png"] = bytes(huge)
expected["broken"] = {"broken_crc.png": {"chunk": "IDAT", "offset": idat}, "broken_zlib.png": {"chunk": "IDAT", "offset": idat},
                      "broken_truncated.png": {"chunk": "IDAT", "offset": idat}, "broken_huge.png": {"chunk": "IHDR", "offset": 8}}

for name, body in files.items():
    (HERE / name).write_bytes(body)
(HERE / "expected.json").write_text(json.dumps(expected, sort_keys=True) + "\n")
print(f"wrote {len(files)} PNG fixtures to {HERE}")
