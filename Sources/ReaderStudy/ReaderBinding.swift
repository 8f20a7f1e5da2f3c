/// Who may read as whom. A reader id is bound to the OS account that runs
/// `lightbox`: `--reader` only chooses among the ids that account may use, so
/// one reader cannot sign as another by typing their name.
public struct ReaderBinding: Sendable, Equatable {
    /// The account running lightbox (the real uid's login name).
    public let account: String

    public init(account: String) { self.account = account }

    /// Outside an experiment (clinical and practice reading) there is no
    /// mapping: the reader id is the login name.
    public func reader(requested: String?) throws(ReaderStudyError) -> String {
        guard let requested, requested != account else { return account }
        throw .otherAccount(reader: requested, mappedTo: requested, runningAs: account)
    }

    /// In an experiment: the id the design maps to this account, or the
    /// requested id if it is mapped to this account.
    public func reader(requested: String?, in design: ExperimentDesign) throws(ReaderStudyError) -> String {
        if let requested {
            guard design.readers.contains(requested) else { throw .unknownReader(requested) }
            let owner = design.account(of: requested)
            guard owner == account else { throw .otherAccount(reader: requested, mappedTo: owner, runningAs: account) }
            return requested
        }
        guard let mine = design.readers(ofAccount: account).first else {
            throw .accountNotAReader(account: account, experiment: design.name)
        }
        return mine
    }
}
