/// Lightbox's version, in one place: `lightbox --version` prints it and every
/// export's sidecar records it, so a file can be traced to the program that
/// wrote it.
public enum LightboxVersion {
    public static let current = "0.1.0"
}
