/// What `verifyChain` found: counts, the hash of the last event (record it
/// outside the file to detect a rewrite of the whole chain), and the first
/// problem, if any.
public struct ChainReport: Sendable, Equatable {
    public let eventCount: Int
    public let signedReadCount: Int
    public let headHash: String
    public let problem: ChainProblem?

    public var isIntact: Bool { problem == nil }

    public init(eventCount: Int, signedReadCount: Int, headHash: String, problem: ChainProblem?) {
        self.eventCount = eventCount; self.signedReadCount = signedReadCount
        self.headHash = headHash; self.problem = problem
    }
}
