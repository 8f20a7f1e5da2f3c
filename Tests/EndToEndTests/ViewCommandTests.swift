import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct ViewCommandTests {
    /// `view` took the CR presets (bone, soft tissue) for every file unless --modality was given;
    /// an MR file now offers the MR presets from its own Modality element.
    @Test func mrFileOffersTheMRPresets() throws {
        guard let dicom = SharedReference.directory("dicom") else {
            print(SharedReference.skipNote("dicom")); return
        }
        #expect(TmuxSession.isAvailable, "tmux is required (make test installs it)")
        let bin = try #require(LightboxBinary.path, "build lightbox first")
        let file = dicom.appendingPathComponent("pydicom-3.0.2/test_files/MR_small.dcm").path
        let tmux = try TmuxSession(command: "'\(bin)' view '\(file)' --graphics halfblock",
                                   width: 100, height: 30, environment: ["TERM": "xterm-256color"])
        defer { tmux.kill() }
        try tmux.waitFor("MR_small.dcm 1/1 · as stored")
        try tmux.send("w")
        try tmux.waitFor("MR_small.dcm 1/1 · T2 fluid")
        try tmux.send("q")
        try tmux.waitFor("LIGHTBOX-EXITED-0")
    }
}
