import Inference

/// Reads a card's output roles from a run's tensors, checking the shapes the contract fixes.
struct OutputReader {
    let outputs: [String: Tensor]
    let card: ModelCard
    let modelPath: String

    func tensor(_ role: String) throws -> Tensor {
        guard let name = card.outputs[role], let t = outputs[name] else {
            throw FindingsError.model(path: modelPath, problem: "the run produced no output for '\(role)' (\(card.outputs[role] ?? "unnamed"))")
        }
        return t
    }

    func scalar(_ role: String) throws -> Double {
        let t = try tensor(role)
        guard t.count == 1 else {
            throw FindingsError.model(path: modelPath, problem: "output '\(role)' has shape \(t.shape); the card contract wants [1, 1]")
        }
        return t.doubles[0]
    }

    /// A [1, rows, columns] (or [rows, columns]) tensor as rows.
    func matrix(_ role: String, rows: Int, columns: Int) throws -> [[Double]] {
        let t = try tensor(role)
        guard t.count == rows * columns, t.shape.last == columns else {
            throw FindingsError.model(path: modelPath, problem: "output '\(role)' has shape \(t.shape); the card contract wants [1, \(rows), \(columns)]")
        }
        let v = t.doubles
        return (0..<rows).map { Array(v[($0 * columns)..<(($0 + 1) * columns)]) }
    }

    /// A [1, channels, h, w] map as (h, w, values).
    func maps(_ role: String, channels: Int) throws -> (height: Int, width: Int, values: [Float]) {
        let t = try tensor(role)
        guard t.rank == 4, t.shape[0] == 1, t.shape[1] == channels else {
            throw FindingsError.model(path: modelPath, problem: "output '\(role)' has shape \(t.shape); the card contract wants [1, \(channels), h, w]")
        }
        return (t.shape[2], t.shape[3], t.floats)
    }
}
