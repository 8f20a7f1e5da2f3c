import DICOM
import Imaging

/// DICOM Part 10 reader (all transfer syntaxes it knows, deflate, RLE, sequences)
/// and the PixelBuffer built from it: the path `lightbox` takes for a .dcm file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDICOM(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = FuzzCheck.bytes(data, size)
    do {
        let file = try DICOMReader.read(bytes, file: "fuzz.dcm")
        let image = try PixelBuffer(dicom: file)
        if image.rows <= 0 || image.columns <= 0 || image.values.count != image.rows * image.columns * image.frames {
            fatalError("decoded image has inconsistent dimensions \(image.columns)×\(image.rows)×\(image.frames)")
        }
    } catch {
        FuzzCheck.cleanError(error, file: "fuzz.dcm")
    }
    return 0
}
