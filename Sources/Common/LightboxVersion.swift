/// The one place the release number lives: `lightbox --version`, the engine
/// version stored with each pinned AI result, and the export sidecars.
public enum LightboxVersion {
    public static let current = "0.1.0"
}
