import Foundation

/// Where Lightbox keeps its data when the user does not say.
enum DataPaths {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }
}
