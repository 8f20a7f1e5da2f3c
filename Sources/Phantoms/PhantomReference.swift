/// Ground truth of one phantom study, written as `reference.json` beside `study.json`.
/// Reading screens never load it; training, validation and trainee feedback do.
public struct PhantomReference: Codable, Sendable, Equatable {
    public var formatVersion = 1
    public var studyId: String
    public var kind: PhantomKind
    /// Generator identity and seed (as a decimal string: JSON numbers lose 64-bit precision).
    public var generator: String
    public var seed: String
    public var note = "synthetic phantom, not a patient; labels are exact by construction"
    public var hand: HandReference?
    public var extremity: ExtremityReference?
    public var spine: SpineReference?
}

public struct PixelPoint: Codable, Sendable, Equatable {
    public var x: Double
    public var y: Double
}

public struct PixelBox: Codable, Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public func contains(_ p: PixelPoint) -> Bool {
        p.x >= x && p.x <= x + width && p.y >= y && p.y <= y + height
    }
}

// MARK: hand

public struct HandReference: Codable, Sendable, Equatable {
    /// Greulich–Pyle bone age (months): the age whose sex-specific standard the hand matches.
    public var boneAgeMonths: Double
    public var chronologicalAgeMonths: Double
    public var sex: PhantomSex
    /// Brush Foundation SD (months) at the chronological age (clinical-facts §1.1), used to draw the age.
    public var gpStandardDeviationMonths: Double
    public var carpalsVisible: Int
    public var centres: [OssificationCentreState]
    public var pixelSpacing: Double
}

public struct OssificationCentreState: Codable, Sendable, Equatable {
    public var name: String
    public var group: OssificationSchedule.Group
    public var present: Bool
    public var fused: Bool
    /// Schedule ages for this sex (months of bone age) and this phantom's jitter.
    public var appearDueMonths: Double
    public var fusionDueMonths: Double?
    public var jitterMonths: Double
    /// Epiphysis width / metaphysis width (nil for carpals and sesamoid or when absent).
    public var widthRatio: Double?
    /// Centre of the ossified part in image pixels (where it is or will appear).
    public var location: PixelPoint
}

// MARK: extremity

public enum FracturePattern: String, Codable, Sendable, CaseIterable {
    case transverse, oblique, comminuted
}

public struct FractureReference: Codable, Sendable, Equatable {
    public var bone: String
    public var pattern: FracturePattern
    /// Fraction along the bone from proximal (0) to distal (1).
    public var position: Double
    /// Translation of the distal fragment, mm, and its angulation, degrees.
    public var displacementMm: Double
    public var angulationDegrees: Double
    /// Angle of the main fracture line to the perpendicular of the shaft (degrees).
    public var lineAngleDegrees: Double
    public var fragments: Int
}

public struct ExtremityImageReference: Codable, Sendable, Equatable {
    public var image: String
    public var view: String
    /// "abnormal" when an acute fracture is visible on this image, else "normal".
    public var label: String
    public var hardware: Bool
    /// Box around the fracture on this image (pixels), nil when normal.
    public var fractureBox: PixelBox?
}

public struct ExtremityReference: Codable, Sendable, Equatable {
    public var bodyPart: String
    /// Study label as in MURA: "abnormal" when an acute fracture is present.
    public var label: String
    /// Orthopaedic hardware (plate and screws) present; it is not by itself a label.
    public var hardware: Bool
    public var fracture: FractureReference?
    public var images: [ExtremityImageReference]
}

// MARK: spine

public enum CanalStenosis: String, Codable, Sendable, CaseIterable {
    case normalMild = "normal_mild", moderate, severe
    public var index: Int { CanalStenosis.allCases.firstIndex(of: self)! }
}

public struct ListhesisReference: Codable, Sendable, Equatable {
    /// Slip of the upper vertebra over the lower as % of the lower's endplate length;
    /// positive forward (anterolisthesis), negative backward (retrolisthesis).
    public var percent: Double
    /// Meyerding grade 0 (none) … 5 (clinical-facts §3.4).
    public var meyerding: Int
}

public struct SpineLevelReference: Codable, Sendable, Equatable {
    public var level: String
    public var canalStenosis: CanalStenosis
    public var pfirrmann: Int
    public var listhesis: ListhesisReference
    /// Centre of the disc on the mid-sagittal image, pixels and mm from the image's top-left corner.
    public var center: PixelPoint
    public var centerMm: PixelPoint
    /// Point in the canal behind the disc (where RSNA 2024 places canal labels).
    public var canalPoint: PixelPoint
    /// Narrowest anteroposterior thecal sac diameter at the level (mm) and disc height (mm).
    public var canalDiameterMm: Double
    public var discHeightMm: Double
}

public struct SpineReference: Codable, Sendable, Equatable {
    /// Image on which the centres are given (the mid-sagittal slice).
    public var midSliceImage: String
    public var pixelSpacing: Double
    public var levels: [SpineLevelReference]
}
