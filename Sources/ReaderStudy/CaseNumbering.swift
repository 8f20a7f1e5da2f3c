/// Integer case ids for the export formats that need them (iMRMC; RJafroc's
/// long reader): 1…N in the order given (the design's case order), so
/// `long` and `imrmc` exports of one experiment always agree.
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
