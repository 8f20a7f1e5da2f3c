// Preview helper (not part of the product): compiled with the Phantoms sources by
// Tools/preview_phantoms.py, writes each image as 16-bit PGM plus reference.json.
// Usage: phantom_preview KIND COUNT SEED OUTDIR [small]
import Foundation

let args = CommandLine.arguments
guard args.count >= 5, let kind = PhantomKind(rawValue: args[1]), let count = Int(args[2]), let seed = UInt64(args[3]) else {
    FileHandle.standardError.write("usage: phantom_preview hand|extremity|spine COUNT SEED OUTDIR [small]\n".data(using: .utf8)!)
    exit(2)
}
let out = URL(fileURLWithPath: args[4])
let generator = args.count > 5 ? PhantomGenerator.small() : PhantomGenerator()
for index in 0..<count {
    let start = Date()
    let study = generator.generate(kind: kind, seed: seed, index: index)
    let elapsed = Date().timeIntervalSince(start)
    let dir = out.appendingPathComponent(study.id)
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("images"), withIntermediateDirectories: true)
    try Data(study.studyJSON()).write(to: dir.appendingPathComponent("study.json"))
    try Data(study.referenceJSON()).write(to: dir.appendingPathComponent("reference.json"))
    for image in study.images {
        var bytes = Array("P5\n\(image.width) \(image.height)\n\((1 << image.bitsStored) - 1)\n".utf8)
        bytes.reserveCapacity(bytes.count + image.samples.count * 2)
        for v in image.samples { bytes.append(UInt8(v >> 8)); bytes.append(UInt8(v & 0xff)) }
        let name = image.path.replacingOccurrences(of: ".png", with: ".pgm")
        try Data(bytes).write(to: dir.appendingPathComponent(name))
    }
    print("\(study.id) \(String(format: "%.2f", elapsed)) s")
}
