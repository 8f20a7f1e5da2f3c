/// Integer ids for the export formats that need them (iMRMC; RJafroc's long
/// reader): 1…N in the order given. Cases follow the design's case order, so
/// `long` and `imrmc` exports of one experiment always agree; `imrmc` numbers
/// readers the same way, in the design's reader order.
public struct CaseNumbering: Sendable, Equatable {
    public let caseIDs: [String]
    private let numbers: [String: Int]

    public init(caseIDs: [String]) {
        var seen = Set<String>()
        self.caseIDs = caseIDs.filter { seen.insert($0).inserted }
        var numbers: [String: Int] = [:]
        for (index, id) in self.caseIDs.enumerated() { numbers[id] = index + 1 }
        self.numbers = numbers
    }

    public func number(of caseID: String) -> Int? { numbers[caseID] }
}
