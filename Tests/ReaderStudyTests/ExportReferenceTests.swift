import Foundation
import TestSupport
import Testing
@testable import ReaderStudy

/// Re-exports the Van Dyke (1993) ratings from `../shared/reference/mrmc/data`
/// and checks the rows against the published long and iMRMC files. Skips
/// with a note when `../shared` is absent.
@Suite struct ExportReferenceTests {
    static let directory = SharedReference.directory("mrmc/data")

    @Test(.enabled(if: directory != nil, "needs ../shared/reference/mrmc/data"))
    func vanDykeRoundTrip() throws {
        let dir = try #require(Self.directory)
        let long = try String(contentsOf: dir.appendingPathComponent("VanDyke_RJafroc-dataset02_long.csv"), encoding: .utf8)
        let rows = long.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        // treatment 0 / 1 stand in as unaided / aided; reader ids and case ids are kept.
        let arms: [String: StudyArm] = ["0": .unaided, "1": .aided]
        var truths: [String: Int] = [:]
        let reads = rows.map { row -> SignedRead in
            truths[row[2]] = Int(row[3])!
            return SignedRead(reader: "R\(row[0])", caseID: row[2], session: 1, arm: arms[row[1]]!, rating: Double(row[4])!)
        }
        let caseOrder = Array(Set(rows.map { $0[2] })).sorted { Int($0)! < Int($1)! }
        let export = try ExportTable(reads: reads, truths: truths, caseOrder: caseOrder)

        let back = Set(export.longCSV.split(separator: "\n").dropFirst().map { line -> String in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let treatment = f[1] == "unaided" ? "0" : "1"
            return [String(f[0].dropFirst()), treatment, f[2], f[3], f[4]].joined(separator: ",")
        })
        #expect(back == Set(rows.map { $0.joined(separator: ",") }))
        #expect(back.count == 2 * 5 * 114)

        let imrmc = try export.imrmc(description: ["Van Dyke"]).text
        #expect(imrmc.contains("N0: 69\nN1: 45\nNR: 5\nNM: 2\nBEGIN DATA:\n"))
        // Both peers' readers take it, with the published counts.
        let jafroc = try RJafrocReadImrmc.read(text: imrmc, fileName: "vandyke.imrmc")
        #expect(jafroc.normalCount == 69 && jafroc.abnormalCount == 45 && jafroc.readers == [1, 2, 3, 4, 5])
        #expect(jafroc.modalities == ["aided", "unaided"])
        let iMRMC = try IMRMCInputRules.read(text: imrmc, fileName: "vandyke.imrmc")
        #expect(iMRMC.warnings.isEmpty, "\(iMRMC.warnings)")
        #expect(iMRMC.ratings == 2 * 5 * 114)
        let published = try String(contentsOf: dir.appendingPathComponent("VanDyke_iMRMC-input.csv"), encoding: .utf8)
        let publishedTruth = Set(published.split(separator: "\n").filter { $0.hasPrefix("truth,") }.map { line -> String in
            let f = line.split(separator: ",").map(String.init)
            return "\(f[1]),\(f[3])"
        })
        let ourTruth = Set(imrmc.split(separator: "\n").filter { $0.hasPrefix("-1,") }.map { line -> String in
            let f = line.split(separator: ",").map(String.init)
            return "\(f[1]),\(f[3])"
        })
        #expect(ourTruth == publishedTruth)
    }
}
