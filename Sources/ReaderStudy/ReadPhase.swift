/// Where a read of one case stands.
public enum ReadPhase: Sendable, Equatable {
    /// Reading (not yet signed) this pass.
    case reading(ReadPass)
    /// Every pass the arm asks for is signed.
    case signed
}
