import Foundation

/// Writes a small Explicit VR Little Endian DICOM radiograph that carries
/// identifying attributes with the given values, for the privacy sweep. Built
/// here rather than committed so the sentinel values live in one place.
enum IdentifyingDICOM {
    struct Identity {
        var patientName: String
        var patientID: String
        var birthDate: String
        var otherPatientIDs: String
        var institution: String
        var referringPhysician: String
        var accession: String
        /// Put inside an OtherPatientIDsSequence item (a sequence cannot be blanked as text).
        var sequencePatientID: String
        /// Put as AccessionNumber inside a RequestAttributesSequence item: an identifying value
        /// nested in a sequence that is not itself on the identifying list.
        var nestedAccession: String? = nil
    }

    /// `modality` goes in (0008,0060); `patientVR` is the VR written for patient name, ID and birth
    /// date ("UN" as a converter that did not know them leaves them).
    static func file(_ who: Identity, studyUID: String, bodyPart: String, sex: String = "F", size: Int = 32,
                     modality: String = "CR", patientVR: String? = nil) -> Data {
        var meta: [UInt8] = []
        meta += element(0x0002, 0x0001, "OB", [0, 1])
        meta += element(0x0002, 0x0002, "UI", uid("1.2.840.10008.5.1.4.1.1.1"))
        meta += element(0x0002, 0x0003, "UI", uid(studyUID + ".3.1"))
        meta += element(0x0002, 0x0010, "UI", uid("1.2.840.10008.1.2.1"))
        var out = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
        out += element(0x0002, 0x0000, "UL", le32(UInt32(meta.count))) + meta
        out += element(0x0008, 0x0016, "UI", uid("1.2.840.10008.5.1.4.1.1.1"))
        out += element(0x0008, 0x0018, "UI", uid(studyUID + ".3.1"))
        out += element(0x0008, 0x0020, "DA", text("20250102"))
        out += element(0x0008, 0x0050, "SH", text(who.accession))
        out += element(0x0008, 0x0060, "CS", text(modality))
        out += element(0x0008, 0x0080, "LO", text(who.institution))
        out += element(0x0008, 0x0090, "PN", text(who.referringPhysician))
        out += element(0x0010, 0x0010, patientVR ?? "PN", text(who.patientName))
        out += element(0x0010, 0x0020, patientVR ?? "LO", text(who.patientID))
        out += element(0x0010, 0x0030, patientVR ?? "DA", text(who.birthDate))
        out += element(0x0010, 0x0040, "CS", text(sex))
        out += element(0x0010, 0x1000, "LO", text(who.otherPatientIDs))
        let item = element(0x0010, 0x0020, "LO", text(who.sequencePatientID))
        let wrapped = tag(0xFFFE, 0xE000) + le32(UInt32(item.count)) + item
        out += tag(0x0010, 0x1002) + Array("SQ".utf8) + [0, 0] + le32(UInt32(wrapped.count)) + wrapped
        out += element(0x0018, 0x0015, "CS", text(bodyPart))
        out += element(0x0020, 0x000D, "UI", uid(studyUID))
        out += element(0x0020, 0x000E, "UI", uid(studyUID + ".2"))
        out += element(0x0020, 0x0011, "IS", text("1"))
        out += element(0x0020, 0x0013, "IS", text("1"))
        out += element(0x0028, 0x0002, "US", le16(1))
        out += element(0x0028, 0x0004, "CS", text("MONOCHROME2"))
        out += element(0x0028, 0x0010, "US", le16(UInt16(size)))
        out += element(0x0028, 0x0011, "US", le16(UInt16(size)))
        out += element(0x0028, 0x0100, "US", le16(16))
        out += element(0x0028, 0x0101, "US", le16(12))
        out += element(0x0028, 0x0102, "US", le16(11))
        out += element(0x0028, 0x0103, "US", le16(0))
        if let nested = who.nestedAccession {
            let request = element(0x0008, 0x0050, "SH", text(nested)) + element(0x0040, 0x1001, "SH", text("RP1"))
            let requestItem = tag(0xFFFE, 0xE000) + le32(UInt32(request.count)) + request
            out += tag(0x0040, 0x0275) + Array("SQ".utf8) + [0, 0] + le32(UInt32(requestItem.count)) + requestItem
        }
        var pixels: [UInt8] = []
        for y in 0..<size { for x in 0..<size { pixels += le16(UInt16((x * 4000 / size + y * 7) % 4096)) } }
        out += tag(0x7FE0, 0x0010) + Array("OW".utf8) + [0, 0] + le32(UInt32(pixels.count)) + pixels
        return Data(out)
    }

    private static func tag(_ g: UInt16, _ e: UInt16) -> [UInt8] { le16(g) + le16(e) }
    private static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
    private static func text(_ s: String) -> [UInt8] { var b = Array(s.utf8); if b.count % 2 == 1 { b.append(0x20) }; return b }
    private static func uid(_ s: String) -> [UInt8] { var b = Array(s.utf8); if b.count % 2 == 1 { b.append(0) }; return b }

    /// Explicit VR: short-length VRs have a 2-byte length, OB/OW/SQ/UN… a reserved pair and 4 bytes.
    private static func element(_ g: UInt16, _ e: UInt16, _ vr: String, _ value: [UInt8]) -> [UInt8] {
        if ["OB", "OW", "OF", "SQ", "UN", "UT", "UC", "UR"].contains(vr) {
            return tag(g, e) + Array(vr.utf8) + [0, 0] + le32(UInt32(value.count)) + value
        }
        return tag(g, e) + Array(vr.utf8) + le16(UInt16(value.count)) + value
    }
}
