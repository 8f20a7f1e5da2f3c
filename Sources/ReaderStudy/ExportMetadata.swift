import Common
import Foundation

/// The JSON sidecar `OUT.meta.json` written beside every export: what a peer
/// needs to trust the file without the ledger — which experiment design it
/// came from (by hash), which Lightbox wrote it, in which format version, and
/// the hash of each file written with it. A sidecar rather than comment lines
/// in the data, because RJafroc, MRMCaov and iMRMC read the data files and
/// none of them skips comments.
public struct ExportMetadata: Sendable, Equatable, Encodable {
    /// Raised when a column, an id rule or the quoting of any export (or a key
    /// of this sidecar) changes meaning; the same number for every format.
    public static let currentFormatVersion = 1

    public struct File: Sendable, Equatable, Encodable {
        /// `data` (the export itself) or `ids` (the imrmc mapping file).
        public var role: String
        /// The file's name without its folder: the files travel together.
        public var name: String
        public var sha256: String

        public init(role: String, name: String, sha256: String) {
            self.role = role; self.name = name; self.sha256 = sha256
        }
    }


    public var format: String
    public var formatVersion: Int
    public var experiment: String
    /// SHA-256 of the design JSON exactly as the ledger stores it (`designHash`).
    public var designSHA256: String
    public var lightboxVersion: String
    /// The models the experiment's readers were shown (its pinned fingerprints).
    public var models: [ModelFingerprint]
    /// Rating rows (long, imrmc) or event rows (json).
    public var rows: Int
    public var files: [File]
    /// The rules reading times were derived with (long only: the other formats carry no times).
    public var timing: TimingRules?

    public init(format: String, experiment: String, storedDesign: String, lightboxVersion: String,
                models: [ModelFingerprint], rows: Int, files: [File], timing: TimingRules? = nil,
                formatVersion: Int = ExportMetadata.currentFormatVersion) {
        self.format = format; self.formatVersion = formatVersion; self.experiment = experiment
        self.designSHA256 = Self.designHash(storedDesign: storedDesign); self.lightboxVersion = lightboxVersion
        self.models = models; self.rows = rows; self.files = files; self.timing = timing
    }

    /// The design's identity: SHA-256 of its stored JSON text (UTF-8), byte for
    /// byte, so anyone holding the ledger can recompute it with `sha256sum`.
    public static func designHash(storedDesign: String) -> String { SHA256.hash(storedDesign) }

    /// `OUT.meta.json`: the whole output name, extension kept, so the sidecars
    /// of `trial.csv` and `trial.imrmc` never collide (nor with a json export `trial.json`).
    public static func sidecarPath(for dataPath: String) -> String { dataPath + ".meta.json" }

    /// `OUT.ids.csv`, the imrmc mapping file.
    public static func idsPath(for dataPath: String) -> String { dataPath + ".ids.csv" }

    /// Pretty, key-sorted JSON with a final newline; `timing` is left out when nil.
    public func json() throws(ReaderStudyError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
        } catch {
            // Only a non-finite number can fail here (an idle threshold of inf).
            throw .invalidInput(field: "export sidecar of \(experiment)", problem: "a value is not a finite number")
        }
    }
}
