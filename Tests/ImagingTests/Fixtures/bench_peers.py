#!/usr/bin/env python3
"""Pixel benchmarks against peers measured in the same run (for `make bench`).

Writes a 2048×2500 12-bit radiograph-like image as DICOM (Explicit VR LE, pydicom) and as
16-bit PNG (Pillow), times pydicom's parse + decode and Pillow's PNG decode, then runs
`lightbox image bench` on the same files and prints the ratios (ours / peer; < 1 is faster).

Usage: pip install pydicom==3.0.2 numpy pillow
       python3 Tests/ImagingTests/Fixtures/bench_peers.py .build/release/lightbox
"""
import re, subprocess, sys, tempfile, time, pathlib
import numpy as np, pydicom
from PIL import Image
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

lightbox = sys.argv[1] if len(sys.argv) > 1 else ".build/release/lightbox"
tmp = pathlib.Path(tempfile.mkdtemp(prefix="lightbox-bench-"))
rng = np.random.default_rng(1)
y, x = np.mgrid[0:2500, 0:2048]
arr = ((np.sin(x / 50.0) + np.cos(y / 70.0)) * 1000 + 2048 + rng.integers(0, 64, size=(2500, 2048))).astype(np.uint16)

ds = Dataset()
ds.Rows, ds.Columns, ds.SamplesPerPixel, ds.PhotometricInterpretation = 2500, 2048, 1, "MONOCHROME2"
ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
ds.StudyInstanceUID, ds.WindowCenter, ds.WindowWidth = "1.2.3", 2048, 4096
ds.PixelData = arr.tobytes()
meta = FileMetaDataset()
meta.TransferSyntaxUID, meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID = ExplicitVRLittleEndian, "1.2.840.10008.5.1.4.1.1.1", "1.2.3.4"
ds.file_meta = meta
dcm, png = tmp / "bench.dcm", tmp / "bench.png"
ds.save_as(dcm, enforce_file_format=True)
Image.fromarray(arr).save(png)


def median_ms(fn, runs=9):
    times = []
    for _ in range(runs):
        t = time.perf_counter(); fn(); times.append((time.perf_counter() - t) * 1000)
    return sorted(times)[runs // 2]


peer_dcm = median_ms(lambda: pydicom.dcmread(dcm).pixel_array)
peer_png = median_ms(lambda: np.asarray(Image.open(png)))


def ours(path, size):
    out = subprocess.run([lightbox, "image", "bench", str(path), "--size", size], capture_output=True, text=True, check=True).stdout
    return {k: float(v) for k, v in re.findall(r"([a-z+-]+) ([0-9.]+) ms", out)}


d, p = ours(dcm, "200x120"), ours(png, "200x120")
print(f"DICOM 2048x2500 16-bit parse+decode: lightbox {d['decode']:.1f} ms, pydicom {peer_dcm:.1f} ms, ratio {d['decode'] / peer_dcm:.2f}")
print(f"PNG 2048x2500 16-bit decode:         lightbox {p['decode']:.1f} ms, Pillow {peer_png:.1f} ms, ratio {p['decode'] / peer_png:.2f}")
print(f"window+resample to a 200x60-cell half-block pane (200x120 px): {d['window+resample']:.1f} ms; "
      f"with the frame resampled once (ResampledFrame) a window change costs {d['rewindow']:.3f} ms (goal: whole frame <= 16 ms)")
