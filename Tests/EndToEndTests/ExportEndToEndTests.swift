import Common
import Foundation
import Ledger
import ReaderStudy
import TestSupport
import Testing

/// Exports as peers take them, through the real binary: a simulated crossover
/// whose library holds a study id with a comma and quotes; the long export
/// quotes it and `analyze` reads it back; the imrmc export passes RJafroc's
/// `ReadImrmc` checks and the iMRMC program's rules with numeric ids, and its
/// mapping file leads back to the ids; every export has its sidecar.
@Suite struct ExportEndToEndTests {
    static let trickyID = #"WRIST,"3""#

    /// The experiment tests' six studies; the third has a tricky id.
    static func makeLibrary(_ dir: TempDirectory) -> String {
        ExperimentEndToEndTests.makeLibrary(dir) { $0 == 3 ? trickyID : "WRIST-\($0)" }
    }

    func run(_ arguments: [String]) throws -> LightboxBinary.Result { try LightboxBinary.run(arguments) }

    func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func sidecar(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path + ".meta.json"))) as? [String: Any])
    }

    @Test func exportsPeersAccept() throws {
        _ = try #require(LightboxBinary.path, "build lightbox first")
        let dir = TempDirectory("lightbox-export")
        defer { dir.remove() }
        let library = Self.makeLibrary(dir)
        let db = dir.file("ledger.sqlite")
        let create = try run(["experiment", "create", "trial", "--library", library, "--readers", "ben,ann",
                              "--arms", "unaided,aided", "--design", "crossover", "--seed", "5", "--db", db])
        #expect(create.status == 0, "\(create.stderr)")
        let simulate = try run(["simulate", "trial", "--seed", "9", "--db", db])
        #expect(simulate.status == 0 && simulate.stdout.contains("24 signed read(s)"), "\(simulate.stderr)")

        // long: the tricky id is quoted and the columns stay put
        let long = dir.file("trial.csv")
        let exportLong = try run(["export", "trial", "--format", "long", "--out", long, "--db", db])
        #expect(exportLong.status == 0, "\(exportLong.stderr)")
        let longRows = RFC4180.parse(try text(long))
        #expect(longRows.count == 25 && longRows.allSatisfy { $0.count == 11 })
        #expect(longRows.filter { $0[5] == Self.trickyID }.count == 4, "2 readers × 2 arms")
        #expect(try text(long).contains(#","WRIST,""3""","#))
        let analyzeLong = try run(["analyze", "mrmc", long, "--format", "long", "--json"])
        #expect(analyzeLong.status == 0, "\(analyzeLong.stderr)")

        // imrmc: numbers only, both peers' rules hold, the mapping file leads back
        let imrmc = dir.file("trial.imrmc")
        let exportIMRMC = try run(["export", "trial", "--format", "imrmc", "--out", imrmc, "--db", db])
        #expect(exportIMRMC.status == 0, "\(exportIMRMC.stderr)")
        #expect(exportIMRMC.stdout.contains("wrote \(imrmc): 24 rating row(s)"), "\(exportIMRMC.stdout)")
        let imrmcText = try text(imrmc)
        let jafroc = try RJafrocReadImrmc.read(text: imrmcText, fileName: imrmc)
        #expect(jafroc.readers == [1, 2] && jafroc.normalCount == 3 && jafroc.abnormalCount == 3)
        #expect(jafroc.modalities == ["aided", "unaided"] && jafroc.ratings.count == 24)
        let iMRMC = try IMRMCInputRules.read(text: imrmcText, fileName: imrmc)
        #expect(iMRMC.warnings.isEmpty && iMRMC.ratings == 24, "\(iMRMC.warnings)")
        #expect(!imrmcText.contains("WRIST") && !imrmcText.contains("ann"))
        let ids = RFC4180.parse(try text(imrmc + ".ids.csv"))
        #expect(ids.first == ["kind", "number", "id"])
        #expect(ids.contains(["reader", "1", "ben"]) && ids.contains(["reader", "2", "ann"]), "numbers follow the design's reader order")
        let tricky = try #require(ids.first { $0[0] == "case" && $0[2] == Self.trickyID }, "\(ids)")
        #expect(longRows.filter { $0[5] == Self.trickyID }.allSatisfy { $0[2] == tricky[1] }, "long and imrmc number cases alike")
        #expect(ids.count == 1 + 2 + 6)
        // each rating matches the long export's row through the mapping
        let readerOf = Dictionary(uniqueKeysWithValues: ids.filter { $0[0] == "reader" }.map { (Int($0[1])!, $0[2]) })
        for row in longRows.dropFirst() {
            let reader = try #require(readerOf.first { $0.value == row[0] }?.key)
            #expect(jafroc.ratings["\(row[1])|\(reader)|\(row[2])"] == Double(row[4]), "\(row)")
        }
        let analyzeIMRMC = try run(["analyze", "mrmc", imrmc, "--format", "imrmc", "--json"])
        #expect(analyzeIMRMC.status == 0, "\(analyzeIMRMC.stderr)")
        let aucLong = try #require((try JSONSerialization.jsonObject(with: Data(analyzeLong.stdout.utf8)) as? [String: Any])?["auc"] as? [String: Double])
        let aucIMRMC = try #require((try JSONSerialization.jsonObject(with: Data(analyzeIMRMC.stdout.utf8)) as? [String: Any])?["auc"] as? [String: Double])
        #expect(aucLong == aucIMRMC)

        // sidecars: format version, the stored design's SHA-256, the Lightbox version, models, file hashes
        let json = dir.file("trial.json")
        #expect(try run(["export", "trial", "--format", "json", "--out", json, "--db", db]).status == 0)
        let stored = try #require(try LedgerStore(path: db, readOnly: true).experiment(named: "trial")?.design)
        let version = try run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        for (path, format, files) in [(long, "long", [long]), (imrmc, "imrmc", [imrmc, imrmc + ".ids.csv"]), (json, "json", [json])] {
            let meta = try sidecar(path)
            #expect(meta["format"] as? String == format && meta["formatVersion"] as? Int == 1)
            #expect(meta["experiment"] as? String == "trial")
            #expect(meta["designSHA256"] as? String == SHA256.hash(stored), "\(format)")
            #expect(meta["lightboxVersion"] as? String == version && !version.isEmpty)
            #expect((meta["models"] as? [Any])?.isEmpty == true)
            let listed = try #require(meta["files"] as? [[String: String]])
            #expect(listed.map { $0["name"] } == files.map { ($0 as NSString).lastPathComponent })
            for (entry, file) in zip(listed, files) {
                #expect(entry["sha256"] == SHA256.hash(try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))), "\(file)")
            }
            #expect((meta["timing"] != nil) == (format == "long"))
        }
    }

    @Test func anIMRMCNameWithoutItsExtensionIsRefused() throws {
        _ = try #require(LightboxBinary.path, "build lightbox first")
        let dir = TempDirectory("lightbox-export-name")
        defer { dir.remove() }
        let out = dir.file("trial.txt")
        let result = try run(["export", "trial", "--format", "imrmc", "--out", out, "--db", dir.file("none.sqlite")])
        #expect(result.status == 2)
        #expect(result.stderr == "lightbox: \(out): an imrmc export must end in .imrmc (RJafroc and iMRMC read no other name); try --out \(dir.file("trial")).imrmc\n")
        #expect(!FileManager.default.fileExists(atPath: out) && !FileManager.default.fileExists(atPath: out + ".meta.json"))
    }
}
