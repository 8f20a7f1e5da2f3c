/// Elements of a data set (or of a sequence item) in file order, indexed by tag.
/// Holds the byte buffer the elements point into; values decode on request.
public struct DataSet: Sendable {
    public let file: String
    public let isLittleEndian: Bool
    let buffer: [UInt8]
    public private(set) var elements: [DataElement] = []
    private var index: [Tag: Int] = [:]

    init(file: String, buffer: [UInt8], isLittleEndian: Bool) {
        self.file = file
        self.buffer = buffer
        self.isLittleEndian = isLittleEndian
    }

    mutating func append(_ element: DataElement) {
        if index[element.tag] == nil { index[element.tag] = elements.count }
        elements.append(element)
    }

    public subscript(tag: Tag) -> DataElement? {
        index[tag].map { elements[$0] }
    }

    public func contains(_ tag: Tag) -> Bool { index[tag] != nil }

    public var count: Int { elements.count }

    /// The raw value bytes of an element (as stored: file byte order).
    public func valueBytes(_ element: DataElement) -> ArraySlice<UInt8> {
        buffer[element.valueRange]
    }
}
