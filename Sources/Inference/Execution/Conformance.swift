import Foundation

/// Runs one ONNX backend-test case (model, input and expected output
/// TensorProtos, as bytes) and compares like the ONNX backend runner:
/// |actual − expected| ≤ atol + rtol·|expected|, shapes equal.
public enum Conformance {
    public enum Status: String, Sendable { case pass = "PASS", fail = "FAIL", unsupported = "UNSUPPORTED" }

    public struct Outcome: Sendable {
        public var status: Status
        /// Largest absolute difference over all outputs (nil when nothing ran).
        public var maxAbsError: Double?
        /// Why it failed or is unsupported.
        public var detail: String?

        public init(status: Status, maxAbsError: Double?, detail: String?) {
            self.status = status
            self.maxAbsError = maxAbsError
            self.detail = detail
        }
    }

    /// |actual − expected| ≤ atol + rtol·|expected|. The ONNX runner's defaults; a case's
    /// `data.json` may set its own (model cases do), as the ONNX backend runner reads it.
    public struct Tolerance: Sendable, Equatable {
        public var atol: Double
        public var rtol: Double
        public init(atol: Double, rtol: Double) { self.atol = atol; self.rtol = rtol }
        public static let onnxDefault = Tolerance(atol: 1e-7, rtol: 1e-3)

        /// `atol` and `rtol` from a case's data.json, the defaults for what it leaves out.
        public static func fromDataJSON(_ bytes: [UInt8]) -> Tolerance {
            let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:]
            return Tolerance(atol: (object["atol"] as? NSNumber)?.doubleValue ?? onnxDefault.atol,
                             rtol: (object["rtol"] as? NSNumber)?.doubleValue ?? onnxDefault.rtol)
        }
    }

    public static let rtol = Tolerance.onnxDefault.rtol
    public static let atol = Tolerance.onnxDefault.atol

    public static func run(model: [UInt8], inputs: [[UInt8]], expected: [[UInt8]], options: Session.Options = Session.Options(),
                           tolerance: Tolerance = .onnxDefault) -> Outcome {
        let graph: Graph
        do {
            graph = try Graph(bytes: model)
        } catch let e as InferenceError {
            switch e {
            case .unsupportedOperators, .unsupportedDataType, .externalData, .unsupportedValueType: return Outcome(status: .unsupported, maxAbsError: nil, detail: e.problem)
            default: return Outcome(status: .fail, maxAbsError: nil, detail: "\(e.coordinates): \(e.problem)")
            }
        } catch {
            return Outcome(status: .fail, maxAbsError: nil, detail: "\(error)")
        }
        do {
            var feeds: [String: Tensor] = [:]
            for (i, bytes) in inputs.enumerated() {
                let t = try TensorProto(bytes: bytes)
                let name = graph.inputs.contains(where: { $0.name == t.name }) ? t.name : (i < graph.inputs.count ? graph.inputs[i].name : t.name)
                feeds[name] = t.tensor
            }
            let session = try Session(graph: graph, inputs: feeds, options: options)
            let results = try session.run(feeds)
            var worst = 0.0
            var problems: [String] = []
            for (i, bytes) in expected.enumerated() {
                let want = try TensorProto(bytes: bytes)
                let name = i < graph.outputs.count ? graph.outputs[i] : want.name
                guard let got = results[name] else { problems.append("output \(name) missing"); continue }
                guard got.shape == want.tensor.shape else { problems.append("output \(name) shape \(got.shape), expected \(want.tensor.shape)"); continue }
                let (err, ok) = compare(got.doubles, want.tensor.doubles, tolerance: tolerance)
                worst = max(worst, err)
                if !ok { problems.append("output \(name) differs (max abs error \(err))") }
            }
            return Outcome(status: problems.isEmpty ? .pass : .fail, maxAbsError: worst, detail: problems.isEmpty ? nil : problems.joined(separator: "; "))
        } catch let e as InferenceError {
            return Outcome(status: .fail, maxAbsError: nil, detail: "\(e.coordinates): \(e.problem)")
        } catch {
            return Outcome(status: .fail, maxAbsError: nil, detail: "\(error)")
        }
    }

    /// Max absolute error and whether every element is within tolerance (NaN matches NaN).
    public static func compare(_ got: [Double], _ want: [Double], tolerance: Tolerance = .onnxDefault) -> (Double, Bool) {
        var worst = 0.0
        var ok = got.count == want.count
        for (g, w) in zip(got, want) {
            if g.isNaN || w.isNaN { if g.isNaN != w.isNaN { ok = false; worst = .infinity }; continue }
            if g == w { continue }
            let d = abs(g - w)
            worst = max(worst, d)
            if !(d <= tolerance.atol + tolerance.rtol * abs(w)) { ok = false }
        }
        return (worst, ok)
    }
}
