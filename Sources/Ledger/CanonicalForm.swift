import Common

/// The byte-exact text that the audit chain hashes. Each field is written as
/// `name:` then `-` for NULL or `<UTF-8 byte count>:<bytes>`, then a newline, so
/// no value can imitate another field (the form is injective). Integers are
/// decimal; doubles are the 16 hex digits of their IEEE-754 bit pattern, so
/// any language can reproduce the form exactly (Python: `struct.pack('>d', x).hex()`).
/// The first line names the form's version: changing a field is a new version.
struct CanonicalForm {
    private(set) var text: String

    init(_ version: String) { text = version + "\n" }

    mutating func add(_ name: String, _ value: String?) {
        text += name + ":"
        if let value { text += "\(value.utf8.count):" + value } else { text += "-" }
        text += "\n"
    }

    mutating func add(_ name: String, _ value: Int64?) { add(name, value.map { String($0) }) }
    mutating func add(_ name: String, _ value: Int?) { add(name, value.map { String($0) }) }

    /// -0.0 is folded into 0.0: SQLite stores a REAL without fraction as an
    /// integer on disk and reads -0.0 back as 0.0.
    mutating func add(_ name: String, _ value: Double) {
        let bits = (value == 0 ? 0.0 : value).bitPattern
        let hex = String(bits, radix: 16)
        add(name, String(repeating: "0", count: 16 - hex.count) + hex)
    }

    var sha256: String { SHA256.hash(text) }
}

/// The read's identity as hashed into each of its events, so that moving a read
/// to another reader or study breaks the chain at its first event.
struct ReadIdentity: Sendable, Equatable {
    let id: Int64
    let reader: String
    let study: String
    let context: ReadContext

    func add(to form: inout CanonicalForm) {
        form.add("read", id)
        form.add("reader", reader)
        form.add("study", study)
        form.add("experiment", context.experiment)
        form.add("session", context.session)
        form.add("arm", context.arm)
        form.add("pass", context.pass)
    }
}

enum ChainHash {
    static let genesis = String(repeating: "0", count: 64)

    /// Fields as stored: `monotonicNs` is the stored (bit-cast) INTEGER.
    static func event(read: ReadIdentity, kind: String, appSession: String, monotonicNs: Int64,
                      wallTime: Double, finding: String?, value: String?, prevHash: String) -> CanonicalForm {
        var form = CanonicalForm("lightbox-event-v1")
        read.add(to: &form)
        form.add("kind", kind)
        form.add("app_session", appSession)
        form.add("monotonic_ns", monotonicNs)
        form.add("wall_time", wallTime)
        form.add("finding", finding)
        form.add("value", value)
        form.add("prev_hash", prevHash)
        return form
    }

    /// A read signed without AI keeps the v1 form (and every digest signed
    /// before results were pinned still verifies); one shown AI adds the ids
    /// of the stored results it saw.
    static func signedRead(read: ReadIdentity, decisionsJSON: String, confidence: Int?,
                           signedWallTime: Double, aiResults: String? = nil) -> CanonicalForm {
        var form = CanonicalForm(aiResults == nil ? "lightbox-signed-v1" : "lightbox-signed-v2")
        read.add(to: &form)
        form.add("decisions", decisionsJSON)
        form.add("confidence", confidence)
        form.add("signed_wall_time", signedWallTime)
        if let aiResults { form.add("ai_results", aiResults) }
        return form
    }
}
