// swift-tools-version:6.1
import PackageDescription

// One target per real boundary (Docs/ARCHITECTURE.md). Each C library is
// imported by exactly one Swift target; pure targets import no C and do no I/O.
let package = Package(
    name: "Lightbox",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lightbox", targets: ["LightboxCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries: module map + shim of static inline wrappers for macros.
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS"),
        .systemLibrary(name: "CPNG", path: "Sources/CPNG"),

        // Lightbox's own SIMD kernels in C (one function per ISA, chosen at run
        // time); optimised even in debug builds so the tests run at speed.
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3", "-Wno-psabi"])]),

        // Pure helpers shared by every module: SHA-256, TOML subset, user messages.
        .target(name: "Common"),
        .target(name: "DICOM", dependencies: ["Common"]),
        .target(name: "Imaging", dependencies: ["Common", "DICOM", "CPNG"]),
        .target(name: "Inference", dependencies: ["Common", "COpenBLAS", "CKernels"]),
        .target(name: "Findings", dependencies: ["Common", "Inference", "Imaging", "Worklist", "Statistics"]),
        .target(name: "Phantoms", dependencies: ["Common", "Imaging"]),
        .target(name: "Worklist", dependencies: ["Common", "DICOM", "Imaging"]),
        .target(name: "ReaderStudy", dependencies: ["Common"]),
        .target(name: "Statistics"),
        .target(name: "Ledger", dependencies: [
            "Common", "ReaderStudy", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "TerminalUI", dependencies: ["Common"]),
        .target(name: "NCursesBackend", dependencies: ["CNCurses", "TerminalUI"]),
        .target(name: "ReadingApp", dependencies: [
            "Common", "TerminalUI", "Worklist", "Imaging", "Findings", "ReaderStudy", "Ledger",
        ]),
        .executableTarget(name: "LightboxCLI", dependencies: [
            "Common", "DICOM", "Imaging", "Inference", "Findings", "Phantoms", "Worklist",
            "ReaderStudy", "Statistics", "Ledger", "TerminalUI", "NCursesBackend", "ReadingApp",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .target(name: "TestSupport", dependencies: ["TerminalUI", "ReadingApp"], path: "Tests/TestSupport"),
        .testTarget(name: "CommonTests", dependencies: ["Common", "TestSupport"]),
        .testTarget(name: "DICOMTests", dependencies: ["DICOM", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ImagingTests", dependencies: ["Imaging", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "InferenceTests", dependencies: ["Inference", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "FindingsTests", dependencies: ["Findings", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "PhantomsTests", dependencies: ["Phantoms", "TestSupport"]),
        .testTarget(name: "WorklistTests", dependencies: ["Worklist", "TestSupport"]),
        .testTarget(name: "ReaderStudyTests", dependencies: ["ReaderStudy", "TestSupport"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "TestSupport"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TestSupport"]),
        .testTarget(name: "ReadingAppTests", dependencies: ["ReadingApp", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "Common", "Ledger", "ReaderStudy", "Inference"], exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)
