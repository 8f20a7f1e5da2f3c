import ReaderStudy

/// Stores without the sequential arm (plain reading, practice) have one read per study.
extension ReadStore {
    public func signedFirstPass(reader: String, study: String) throws -> (decisions: [FindingDecision], confidence: Int?)? {
        nil
    }

    public func openSecondPass(reader: String, study: String) throws -> (readId: Int64, decisions: [FindingDecision], confidence: Int?) {
        throw ReadingAppError.noSecondPass(study: study)
    }
}
