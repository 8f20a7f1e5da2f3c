// The Inference module: see Docs/ARCHITECTURE.md for its job.
public enum InferenceModule { public static let name = "Inference" }
