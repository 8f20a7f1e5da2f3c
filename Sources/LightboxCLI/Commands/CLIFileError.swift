import Common

/// A file the onnx commands could not use.
struct CLIFileError: Error, UserFacingError {
    var path: String
    var problem: String
    var coordinates: String { path }
}
