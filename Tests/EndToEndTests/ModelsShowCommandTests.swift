import Foundation
import TestSupport
import Testing

@Suite struct ModelsShowCommandTests {
    /// The card stores normalisation as Float; widened to Double it printed as 0.30000001192092896.
    @Test func normalisationPrintsAsTheCardWritesIt() throws {
        let models = SharedReference.packageRoot.appendingPathComponent("Models").path
        let r = try LightboxBinary.run(["models", "show", "spine-phantom", "--models", models])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("normalise:   (grey − 0.3) / 0.25, grey in [0, 1]"), "\(r.stdout)")
        #expect(r.stdout.contains("trained on phantoms — not for clinical use"))
    }
}
