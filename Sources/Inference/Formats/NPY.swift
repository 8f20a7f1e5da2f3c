/// NumPy `.npy` (format 1.0–3.0) encoding of tensors, from and to bytes.
/// Reads little-endian float32/float64/int64/int32/bool, C order; writes
/// float32 (or int64/bool for integer tensors) in format 1.0.
public enum NPY {
    public static func decode(_ bytes: [UInt8]) throws -> Tensor {
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else { throw InferenceError.badNpy(reason: "not a .npy file (bad magic)") }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
        if major == 1 {
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        } else if major == 2 || major == 3 {
            guard bytes.count >= 12 else { throw InferenceError.badNpy(reason: "truncated header") }
            headerLength = (0..<4).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
            headerStart = 12
        } else {
            throw InferenceError.badNpy(reason: "unsupported .npy version \(major)")
        }
        guard bytes.count >= headerStart + headerLength else { throw InferenceError.badNpy(reason: "truncated header") }
        let header = String(decoding: bytes[headerStart..<(headerStart + headerLength)], as: UTF8.self)
        guard let descr = field("descr", in: header).map({ (v: String) in v.trimmingCharacters(in: "'\"") }) else {
            throw InferenceError.badNpy(reason: "header has no descr")
        }
        if let order = field("fortran_order", in: header), order.hasPrefix("True") {
            throw InferenceError.badNpy(reason: "Fortran-ordered arrays are not supported")
        }
        guard let shapeText = shapeField(header) else { throw InferenceError.badNpy(reason: "header has no shape") }
        let shape = try shapeText.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }.filter { !$0.isEmpty }.map { s -> Int in
            guard let v = Int(s), v >= 0 else { throw InferenceError.badNpy(reason: "bad shape \(shapeText)") }
            return v
        }
        let count = shape.reduce(1, *)
        let data = bytes[(headerStart + headerLength)...]
        let width: Int
        switch descr {
        case "<f4", "<i4": width = 4
        case "<f8", "<i8": width = 8
        case "|b1", "|u1": width = 1
        default: throw InferenceError.badNpy(reason: "element type \(descr) is not supported (use float32, float64, int32, int64 or bool, little-endian)")
        }
        guard data.count >= count * width else {
            throw InferenceError.badNpy(reason: "data holds \(data.count) bytes, shape \(shape) needs \(count * width)")
        }
        return data.withUnsafeBytes { buf in
            switch descr {
            case "<f4": return Tensor(shape: shape, floats: (0..<count).map { Float(bitPattern: buf.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self).littleEndian) })
            case "<f8": return Tensor(shape: shape, floats: (0..<count).map { Float(Double(bitPattern: buf.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self).littleEndian)) })
            case "<i4": return Tensor(shape: shape, ints: (0..<count).map { Int64(Int32(bitPattern: buf.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self).littleEndian)) }, dataType: .int32)
            case "<i8": return Tensor(shape: shape, ints: (0..<count).map { Int64(bitPattern: buf.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self).littleEndian) })
            case "|u1": return Tensor(shape: shape, ints: (0..<count).map { Int64(buf[$0]) }, dataType: .uint8)
            default: return Tensor(shape: shape, ints: (0..<count).map { Int64(buf[$0]) }, dataType: .bool)
            }
        }
    }

    public static func encode(_ tensor: Tensor) -> [UInt8] {
        let descr: String
        switch tensor.dataType {
        case .bool: descr = "|b1"
        case _ where tensor.dataType.isFloating: descr = "<f4"
        default: descr = "<i8"
        }
        let shapeText = tensor.shape.isEmpty ? "()" : tensor.shape.count == 1 ? "(\(tensor.shape[0]),)" : "(" + tensor.shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }"
        // Total header (magic 6 + version 2 + length 2 + text + newline) is a multiple of 64.
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var out: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0]
        let n = header.utf8.count
        out += [UInt8(n & 0xff), UInt8(n >> 8)]
        out += Array(header.utf8)
        out.reserveCapacity(out.count + tensor.count * 8)
        switch descr {
        case "|b1": out += tensor.ints.map { $0 != 0 ? 1 : 0 }
        case "<f4": for v in tensor.floats { withUnsafeBytes(of: v.bitPattern.littleEndian) { out += $0 } }
        default: for v in tensor.ints { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        }
        return out
    }

    private static func field(_ key: String, in header: String) -> String? {
        guard let r = header.firstRange(of: "'\(key)':") ?? header.firstRange(of: "\"\(key)\":") else { return nil }
        let rest = header[r.upperBound...].drop { $0 == " " }
        let value = rest.prefix { $0 != "," && $0 != "}" }
        return String(value).trimmingCharacters(in: " ")
    }

    private static func shapeField(_ header: String) -> String? {
        guard let r = header.firstRange(of: "'shape':") ?? header.firstRange(of: "\"shape\":"),
              let open = header[r.upperBound...].firstIndex(of: "("),
              let close = header[open...].firstIndex(of: ")") else { return nil }
        return String(header[header.index(after: open)..<close])
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
