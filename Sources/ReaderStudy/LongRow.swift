import Common

/// One row of the `long` export: the columns RJafroc (its "MRMC" csv reader
/// takes the first five) and MRMCaov read, then case id, session and times.
/// Reader and case ids are quoted as RFC 4180 asks when they need it.
public struct LongRow: Sendable, Equatable {
    public var reader: String
    public var treatment: String
    public var caseNumber: Int
    public var truth: Int
    public var rating: Double
    public var caseID: String
    public var session: Int
    public var timing: PassTiming?

    public static let header = "reader,treatment,case,truth,rating,case_id,session,total_s,active_s,pre_ai_s,post_ai_s"

    public var csvLine: String {
        var fields = [reader, treatment, String(caseNumber), String(truth), ExportFormatting.number(rating),
                      caseID, String(session)]
        if let timing {
            fields += [timing.total, timing.active, timing.beforeAI, timing.afterAI].map(ExportFormatting.seconds)
        } else {
            fields += ["", "", "", ""]   // read as NA
        }
        return CSVField.line(fields)
    }
}
