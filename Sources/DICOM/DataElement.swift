/// One element as found in the file. The value is not decoded: it stays a byte
/// range into the data set's buffer until an accessor asks for it.
public struct DataElement: Sendable {
    public enum Content: Sendable {
        /// Value bytes at `valueRange`.
        case bytes
        /// A sequence of items.
        case sequence([DataSet])
        /// Encapsulated pixel data: the Basic Offset Table item, then fragments.
        case fragments(offsetTable: Range<Int>, fragments: [Range<Int>])
    }

    public let tag: Tag
    public let vr: VR
    /// Offset of the element's header in the data set's buffer.
    public let offset: Int
    /// Value length as encoded (0xFFFFFFFF: undefined).
    public let length: UInt32
    public let valueRange: Range<Int>
    public let content: Content

    public static let undefinedLength: UInt32 = 0xFFFF_FFFF
    public var hasUndefinedLength: Bool { length == Self.undefinedLength }

    public var items: [DataSet]? {
        if case let .sequence(items) = content { return items }
        return nil
    }
}
