import Foundation

extension ExperimentDesign {
    /// The OS account that may read as `reader`: the mapped one, else the
    /// account of the same name (designs stored before the mapping).
    public func account(of reader: String) -> String {
        accounts?[reader] ?? reader
    }

    /// The reader ids an account may read as (at most one in a valid design).
    public func readers(ofAccount account: String) -> [String] {
        readers.filter { self.account(of: $0) == account }
    }

    /// `--readers amy=alice,bo=bob,cy`: reader ids with their OS accounts (a
    /// bare `cy` is account cy). Without any `=` the mapping is nil, so a
    /// design written the old way stores the same JSON as before.
    public static func parseReaders(_ text: String) throws(ReaderStudyError) -> (readers: [String], accounts: [String: String]?) {
        var readers: [String] = []
        var accounts: [String: String] = [:]
        var mapped = false
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let parts = item.split(separator: "=", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count <= 2, !parts[0].isEmpty, parts.last.map({ !$0.isEmpty }) == true else {
                throw .invalidDesign(field: "readers", problem: "\"\(item)\" is not READER or READER=ACCOUNT (e.g. amy=alice)")
            }
            if parts.count == 2 { mapped = true }
            readers.append(parts[0])
            if accounts[parts[0]] == nil { accounts[parts[0]] = parts.last! }
        }
        return (readers, mapped ? accounts : nil)
    }

    /// Account names as `useradd` accepts them, plus `@` for directory
    /// accounts (alice@example.org).
    static func isAccountCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isNameCharacter(scalar) || scalar == "@"
    }

    func validateAccounts() throws(ReaderStudyError) {
        guard let accounts else { return }
        for key in accounts.keys.sorted() where !readers.contains(key) {
            throw .invalidDesign(field: "accounts", problem: "\(key) is mapped to an account but is not a reader")
        }
        for reader in readers {
            let account = account(of: reader)
            if account.isEmpty || !account.unicodeScalars.allSatisfy(Self.isAccountCharacter) {
                throw .invalidDesign(field: "accounts", problem: "account \"\(account)\" of reader \(reader) must use letters, digits, '-', '_', '.' or '@'")
            }
        }
        // One person, one reader: an account that could sign as two readers
        // would make two readers of one radiologist.
        if let shared = Self.firstDuplicate(readers.map(account(of:))) {
            throw .invalidDesign(field: "accounts", problem: "account \(shared) is mapped to readers \(readers(ofAccount: shared).joined(separator: " and ")); each reader needs their own account")
        }
    }
}
