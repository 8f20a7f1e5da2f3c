/// The one place the release number lives: `lightbox --version`, the engine
/// version stored with each pinned AI result, and every export's sidecar, so a
/// file can be traced to the program that wrote it.
public enum LightboxVersion {
    public static let current = "0.1.0"
}
