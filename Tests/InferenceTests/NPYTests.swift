import Testing
@testable import Inference

@Suite struct NPYTests {
    @Test func roundTripsFloatAndIntTensors() throws {
        let f = Tensor(shape: [2, 3], floats: [1, 2, 3, 4, 5, -6.5])
        #expect(try NPY.decode(NPY.encode(f)) == f)
        let i = Tensor(shape: [4], ints: [1, -2, 3, 1 << 50])
        #expect(try NPY.decode(NPY.encode(i)) == i)
        let s = Tensor(shape: [], floats: [42])
        #expect(try NPY.decode(NPY.encode(s)) == s)
    }

    @Test func headerIsPaddedTo64BytesAsNumpyExpects() {
        let bytes = NPY.encode(Tensor(shape: [3], floats: [1, 2, 3]))
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        #expect(bytes[10 + headerLength - 1] == 0x0a)
        #expect(String(decoding: bytes[10..<(10 + headerLength)], as: UTF8.self).contains("'shape': (3,)"))
    }

    @Test func readsFloat64AsFloat32() throws {
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }"
        header += String(repeating: " ", count: 64 - (10 + header.count + 1) % 64) + "\n"
        var bytes: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(header.utf8.count), 0] + Array(header.utf8)
        for d in [1.25, -3.0] { withUnsafeBytes(of: d.bitPattern.littleEndian) { bytes += $0 } }
        #expect(try NPY.decode(bytes) == Tensor(shape: [2], floats: [1.25, -3]))
    }

    @Test func rejectsFortranOrderAndBadMagic() {
        var header = "{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }\n"
        header = String(repeating: " ", count: 0) + header
        let bytes: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(header.utf8.count), 0] + Array(header.utf8) + [0, 0, 0, 0]
        #expect(throws: InferenceError.self) { try NPY.decode(bytes) }
        #expect(throws: InferenceError.self) { try NPY.decode([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) }
    }
}
