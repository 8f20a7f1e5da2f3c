import Foundation

extension PhantomStudy {
    /// The library's `study.json` (see DESIGN.md "Study folder"), keys sorted.
    public func studyJSON() -> [UInt8] {
        struct Patient: Encodable { var pseudoId: String; var sex: String; var ageMonths: Int }
        struct Series: Encodable {
            var id: String; var description: String; var view: String; var images: [String]
            /// Not in the minimal format: readers that do not know these keys ignore them.
            var pixelSpacing: [Double]; var bitsStored: Int; var photometric: String
            var windowCenter: Double; var windowWidth: Double
        }
        struct Study: Encodable {
            var formatVersion = 1; var id: String; var kind: String; var modality: String; var bodyPart: String
            var patient: Patient; var series: [Series]
        }
        let study = Study(id: id, kind: kind.rawValue, modality: modality.rawValue, bodyPart: bodyPart,
                          patient: Patient(pseudoId: patient.pseudoId, sex: patient.sex.rawValue, ageMonths: patient.ageMonths),
                          series: series.map { s in
                              let first = s.images.first
                              return Series(id: s.id, description: s.description, view: s.view, images: s.images.map(\.path),
                                            pixelSpacing: [first?.pixelSpacing ?? 1, first?.pixelSpacing ?? 1],
                                            bitsStored: first?.bitsStored ?? 12, photometric: "MONOCHROME2",
                                            windowCenter: first?.windowCenter ?? 2048, windowWidth: first?.windowWidth ?? 4096)
                          })
        return Self.encode(study)
    }

    /// `reference.json`: the exact labels, keys sorted.
    public func referenceJSON() -> [UInt8] { Self.encode(reference) }

    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .throw
        // Encoding plain value types with finite numbers cannot fail; a failure is a bug here.
        guard let data = try? encoder.encode(value) else { preconditionFailure("phantom JSON encoding failed") }
        return Array(data) + [0x0A]
    }
}
