/// Where a read happens: outside any experiment (the plain queue) or inside
/// one, in a session and arm. `pass` is 1, or 2 for the AI-revealed second read
/// of the sequential arm (both passes are kept as separate reads).
public struct ReadContext: Sendable, Hashable, Codable {
    public var experiment: String?
    public var session: Int?
    public var arm: String?
    public var pass: Int

    public init(experiment: String? = nil, session: Int? = nil, arm: String? = nil, pass: Int = 1) {
        self.experiment = experiment; self.session = session; self.arm = arm; self.pass = pass
    }

    /// A read from the plain queue, outside any experiment.
    public static let plain = ReadContext()
}
