public enum PhantomKind: String, Codable, Sendable, CaseIterable {
    case hand, extremity, spine
}

public enum PhantomSex: String, Codable, Sendable {
    case female = "F", male = "M", other = "O"
}

public struct PhantomPatient: Codable, Sendable, Equatable {
    /// Pseudonymous id derived from the seed: never a real identifier.
    public var pseudoId: String
    public var sex: PhantomSex
    public var ageMonths: Int
}

/// One image: stored values row-major, MONOCHROME2 (higher = brighter), `bitsStored` bits in 16.
public struct PhantomImage: Sendable, Equatable {
    /// Path inside the study folder, e.g. `images/1.png`.
    public var path: String
    public var width: Int
    public var height: Int
    /// Millimetres per pixel (row spacing, column spacing): square pixels here.
    public var pixelSpacing: Double
    public var bitsStored: Int
    public var photometric: String { "MONOCHROME2" }
    public var view: String
    public var samples: [UInt16]
    /// A display window that shows the anatomy (centre, width) in stored units.
    public var windowCenter: Double
    public var windowWidth: Double
}

public struct PhantomSeries: Sendable, Equatable {
    public var id: String
    public var description: String
    public var view: String
    public var images: [PhantomImage]
}

public enum PhantomModality: String, Codable, Sendable {
    case cr = "CR", dx = "DX", mr = "MR"
}

/// A complete synthetic study with its exact reference labels.
public struct PhantomStudy: Sendable, Equatable {
    public var id: String
    public var kind: PhantomKind
    public var modality: PhantomModality
    public var bodyPart: String
    public var patient: PhantomPatient
    public var series: [PhantomSeries]
    public var reference: PhantomReference

    public var images: [PhantomImage] { series.flatMap(\.images) }
}
