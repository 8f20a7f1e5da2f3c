#!/usr/bin/env python3
"""Writes the reading-screen benchmark's library (make bench): a phantom hand radiograph from
SampleStudies enlarged to 2048x2500, stored as 16-bit DICOM (Explicit VR LE), in STUDIES studies
(default 4; each image differs, mirrored and shifted, so no cache can serve the next study).
The first is read with the scripted keys; signing it and the next ones times next-study-to-image.
Generated data, not a test fixture: rebuilt on every bench run.
Usage: make_reading_study.py SAMPLE_PNG OUT_DIR [STUDIES]"""
import json, pathlib, sys
import numpy as np
from PIL import Image
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
img = np.asarray(Image.open(src)).astype(np.float32)
# Bilinear enlargement to 2048 x 2500 (numpy only, so no resampling library decides the values).
h, w = img.shape
ys, xs = np.linspace(0, h - 1, 2500), np.linspace(0, w - 1, 2048)
y0, x0 = np.floor(ys).astype(int), np.floor(xs).astype(int)
y1, x1 = np.minimum(y0 + 1, h - 1), np.minimum(x0 + 1, w - 1)
fy, fx = (ys - y0)[:, None], (xs - x0)[None, :]
big = (img[y0][:, x0] * (1 - fy) * (1 - fx) + img[y0][:, x1] * (1 - fy) * fx
       + img[y1][:, x0] * fy * (1 - fx) + img[y1][:, x1] * fy * fx)
# The sample's 12-bit range spread over all 16 bits.
base = np.clip(big * 16, 0, 65535).astype(np.uint16)
count = int(sys.argv[3]) if len(sys.argv) > 3 else 4

for n in range(1, count + 1):
    sid = "BENCH-HAND-2K" if n == 1 else f"BENCH-HAND-2K-{n}"
    arr = base if n == 1 else np.roll(base[:, ::-1] if n % 2 == 0 else base, 37 * n, axis=0)
    study = out / sid
    (study / "images").mkdir(parents=True, exist_ok=True)
    ds = Dataset()
    ds.Rows, ds.Columns, ds.SamplesPerPixel, ds.PhotometricInterpretation = 2500, 2048, 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 0
    ds.Modality, ds.StudyInstanceUID, ds.WindowCenter, ds.WindowWidth = "CR", f"1.2.826.0.1.3680043.99.1.{n}", 32768, 65536
    ds.PixelSpacing = [0.1, 0.1]
    ds.PixelData = np.ascontiguousarray(arr).tobytes()
    meta = FileMetaDataset()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID = "1.2.840.10008.5.1.4.1.1.1", f"1.2.826.0.1.3680043.99.2.{n}"
    ds.file_meta = meta
    ds.save_as(study / "images" / "1.dcm", enforce_file_format=True)
    manifest = {"formatVersion": 1, "id": sid, "kind": "hand", "modality": "CR", "bodyPart": "HAND",
                "patient": {"pseudoId": "BENCH", "sex": "F", "ageMonths": 120},
                "series": [{"id": "1", "description": "PA left hand", "view": "PA", "images": ["images/1.dcm"]}]}
    (study / "study.json").write_text(json.dumps(manifest, indent=2))
    print(study)
