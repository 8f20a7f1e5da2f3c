/// One start of a reading screen: the reader id used, the OS account that
/// ran lightbox, and the experiment session read (nil outside experiments).
public struct AppSessionRecord: Sendable, Equatable {
    public let appSession: String
    public let reader: String
    public let osAccount: String
    public let experiment: String?
    public let session: Int?
    public let startedWallTime: Double

    public init(appSession: String, reader: String, osAccount: String, experiment: String? = nil,
                session: Int? = nil, startedWallTime: Double) {
        self.appSession = appSession; self.reader = reader; self.osAccount = osAccount
        self.experiment = experiment; self.session = session; self.startedWallTime = startedWallTime
    }
}
