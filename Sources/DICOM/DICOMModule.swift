// The DICOM module: see Docs/ARCHITECTURE.md for its job.
public enum DICOMModule { public static let name = "DICOM" }
