#!/usr/bin/env python3
"""Small DICOM fixtures and inflate vectors for DICOMTests, written by pydicom and zlib
(independent of Lightbox), with the values pydicom decodes back from each file.

Usage: pip install pydicom==3.0.2 numpy && python3 Tests/DICOMTests/Fixtures/generate_fixtures.py
Writes *.dcm, expected.json and inflate_vectors.json beside this script. Deterministic.
"""
import hashlib, json, pathlib, random, zlib
import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import (ExplicitVRLittleEndian, ImplicitVRLittleEndian, ExplicitVRBigEndian,
                         DeflatedExplicitVRLittleEndian, RLELossless, generate_uid)

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(20260428)


def base(rows, cols, arr, bits_stored, signed, photometric="MONOCHROME2", frames=1):
    ds = Dataset()
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.1.1"  # Digital X-Ray Image Storage - For Presentation
    ds.SOPInstanceUID = "1.2.826.0.1.3680043.8.498.1"
    ds.StudyInstanceUID = "1.2.826.0.1.3680043.8.498.2"
    ds.SeriesInstanceUID = "1.2.826.0.1.3680043.8.498.3"
    ds.Modality = "DX"
    ds.BodyPartExamined = "HAND"
    ds.PatientName = "Fixture^Synthetic"
    ds.PatientID = "FIX-0001"
    ds.PatientSex = "F"
    ds.PatientAge = "009Y"
    ds.ViewPosition = "PA"
    ds.SeriesDescription = "Synthetic hand PA"
    # One sequence of two items (nested sequence in the first) to exercise item parsing.
    inner = Dataset(); inner.CodeValue = "T-D8700"; inner.CodingSchemeDesignator = "SRT"; inner.CodeMeaning = "Hand"
    outer1 = Dataset(); outer1.CodeValue = "A"; outer1.AnatomicRegionModifierSequence = Sequence([inner])
    outer1["AnatomicRegionModifierSequence"].is_undefined_length = True
    inner.is_undefined_length_sequence_item = True
    outer2 = Dataset(); outer2.CodeValue = "B"
    ds.AnatomicRegionSequence = Sequence([outer1, outer2])
    # Defined length for the outer sequence, undefined (pydicom's default) for the nested one.
    ds["AnatomicRegionSequence"].is_undefined_length = False
    ds.Rows, ds.Columns = rows, cols
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = photometric
    ds.BitsAllocated = arr.dtype.itemsize * 8
    ds.BitsStored = bits_stored
    ds.HighBit = bits_stored - 1
    ds.PixelRepresentation = 1 if signed else 0
    if frames > 1:
        ds.NumberOfFrames = frames
    ds.PixelSpacing = [0.15, 0.1]
    ds.PixelData = arr.tobytes()
    return ds


def save(name, ds, syntax, write_meta=True):
    path = HERE / name
    if write_meta:
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = ds.SOPClassUID
        meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        meta.TransferSyntaxUID = syntax
        meta.ImplementationClassUID = "1.2.826.0.1.3680043.8.498.99"
        ds.file_meta = meta
        if syntax == RLELossless:
            ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
            ds.compress(RLELossless, encoding_plugin="pydicom", generate_instance_uid=False)
        ds.save_as(path, enforce_file_format=True, implicit_vr=syntax == ImplicitVRLittleEndian,
                   little_endian=syntax != ExplicitVRBigEndian)
    else:
        ds.save_as(path, enforce_file_format=False, implicit_vr=True, little_endian=True)
    return path


expected = {}


def record(name, path):
    ds = pydicom.dcmread(path, force=True)
    arr = ds.pixel_array
    le = arr.astype(arr.dtype.newbyteorder("<"))
    entry = {"rows": int(ds.Rows), "columns": int(ds.Columns), "frames": int(getattr(ds, "NumberOfFrames", 1)),
             "bitsAllocated": int(ds.BitsAllocated), "bitsStored": int(ds.BitsStored),
             "pixelRepresentation": int(ds.PixelRepresentation), "photometric": str(ds.PhotometricInterpretation),
             "transferSyntax": str(ds.file_meta.TransferSyntaxUID) if "TransferSyntaxUID" in getattr(ds, "file_meta", {}) else None,
             "min": int(arr.min()), "max": int(arr.max()), "sum": int(arr.astype(np.int64).sum()),
             "sha256": hashlib.sha256(le.tobytes()).hexdigest(), "elements": len(ds)}
    if "RescaleSlope" in ds:
        entry["slope"], entry["intercept"] = float(ds.RescaleSlope), float(ds.RescaleIntercept)
    if "WindowCenter" in ds:
        wc = ds.WindowCenter
        entry["windowCenters"] = [float(v) for v in (wc if isinstance(wc, pydicom.multival.MultiValue) else [wc])]
    expected[name] = entry


# 16-bit signed CT-like image with rescale and two windows, in five transfer syntaxes.
ct = rng.integers(-1024, 3000, size=(6, 8), dtype=np.int16)
for name, syntax in [("ct_explicit_le.dcm", ExplicitVRLittleEndian), ("ct_implicit_le.dcm", ImplicitVRLittleEndian),
                     ("ct_explicit_be.dcm", ExplicitVRBigEndian), ("ct_deflated.dcm", DeflatedExplicitVRLittleEndian),
                     ("ct_rle.dcm", RLELossless)]:
    ds = base(6, 8, ct.astype(">i2") if syntax == ExplicitVRBigEndian else ct, 16, True)
    ds.RescaleSlope, ds.RescaleIntercept = 1, -1024
    ds.WindowCenter, ds.WindowWidth = [40, 400], [400, 1500]
    ds.WindowCenterWidthExplanation = ["SOFT", "BONE"]
    ds.VOILUTFunction = "LINEAR_EXACT"
    record(name, save(name, ds, syntax))

# 12-bit unsigned radiograph, 3 frames, MONOCHROME1, explicit LE and RLE.
cr = rng.integers(0, 4096, size=(3, 5, 7), dtype=np.uint16)
for name, syntax in [("cr_multiframe_mono1.dcm", ExplicitVRLittleEndian), ("cr_multiframe_rle.dcm", RLELossless)]:
    ds = base(5, 7, cr, 12, False, "MONOCHROME1", frames=3)
    record(name, save(name, ds, syntax))

# 8-bit image with odd size written without file meta (implicit VR LE data set only).
px8 = rng.integers(0, 256, size=(3, 5), dtype=np.uint8)
ds = base(3, 5, px8, 8, False)
ds.PixelData = px8.tobytes() + b"\0"  # even length
path = save("no_meta_8bit.dcm", ds, None, write_meta=False)
ds2 = pydicom.dcmread(path, force=True)
ds2.file_meta = FileMetaDataset(); ds2.file_meta.TransferSyntaxUID = ImplicitVRLittleEndian
arr = ds2.pixel_array
expected["no_meta_8bit.dcm"] = {"rows": 3, "columns": 5, "frames": 1, "bitsAllocated": 8, "bitsStored": 8,
                                "pixelRepresentation": 0, "photometric": "MONOCHROME2", "transferSyntax": None,
                                "min": int(arr.min()), "max": int(arr.max()), "sum": int(arr.astype(np.int64).sum()),
                                "sha256": hashlib.sha256(arr.tobytes()).hexdigest(), "elements": len(ds2)}

# LUT-type transforms (PS3.3 C.11.1 and C.11.2.1.1): a Modality LUT Sequence on a signed
# image and a VOI LUT Sequence (no window) on a 12-bit radiograph; pydicom applies them.
from pydicom.pixels import apply_modality_lut, apply_voi_lut
lut_px = rng.integers(0, 4096, size=(4, 6), dtype=np.uint16)
lut_px[0, 0], lut_px[0, 1] = 0, 4095
ds = base(4, 6, lut_px, 12, False)
voi = Dataset()
voi.LUTDescriptor = [3000, 500, 10]  # 3000 entries from stored value 500, 10-bit output
voi.add_new(0x00283006, "US", [int(1023 * (i / 2999) ** 0.6) for i in range(3000)])  # LUT Data
voi.LUTExplanation = "GAMMA"
ds.VOILUTSequence = Sequence([voi])
path = save("cr_voi_lut.dcm", ds, ExplicitVRLittleEndian)
back = pydicom.dcmread(path)
record("cr_voi_lut.dcm", path)
expected["cr_voi_lut.dcm"]["voiLUTOutput"] = apply_voi_lut(back.pixel_array, back).astype(int).ravel().tolist()

mod_px = rng.integers(-100, 200, size=(3, 4), dtype=np.int16)
ds = base(3, 4, mod_px, 16, True)
mod = Dataset()
mod.add_new(0x00283002, "SS", [300, -100, 16])  # LUT Descriptor "US or SS": signed image, first mapped -100
mod.add_new(0x00283006, "US", [i * 7 for i in range(300)])  # LUT Data
mod.ModalityLUTType = "US"
ds.ModalityLUTSequence = Sequence([mod])
path = save("ct_modality_lut.dcm", ds, ImplicitVRLittleEndian)
back = pydicom.dcmread(path)
record("ct_modality_lut.dcm", path)
expected["ct_modality_lut.dcm"]["modalityLUTOutput"] = apply_modality_lut(back.pixel_array, back).astype(int).ravel().tolist()

(HERE / "expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")

# Raw deflate vectors from zlib at several levels and strategies.
random.seed(7)
texts = [b"", b"a", b"abcabcabcabcabcabcabc" * 40, bytes(range(256)) * 8,
         bytes(random.getrandbits(8) for _ in range(1000)),
         b"".join(str(i).encode() + b"," for i in range(1500))]
vectors = []
for i, data in enumerate(texts):
    for level, strategy in [(0, zlib.Z_DEFAULT_STRATEGY), (1, zlib.Z_DEFAULT_STRATEGY), (9, zlib.Z_DEFAULT_STRATEGY),
                            (6, zlib.Z_FIXED), (6, zlib.Z_HUFFMAN_ONLY), (6, zlib.Z_RLE)]:
        c = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
        raw = c.compress(data) + c.flush()
        vectors.append({"input": i, "level": level, "strategy": strategy, "deflate": raw.hex(),
                        "length": len(data), "sha256": hashlib.sha256(data).hexdigest()})
zl = zlib.compress(texts[2], 9)
(HERE / "inflate_vectors.json").write_text(json.dumps({"raw": vectors, "zlib": {"data": zl.hex(),
    "sha256": hashlib.sha256(texts[2]).hexdigest()}}, indent=0) + "\n")
print(f"wrote {len(expected)} DICOM fixtures and {len(vectors)} inflate vectors to {HERE}")
