extension ExperimentDesign {
    /// `--cases N`: N case ids drawn from the library with the seed (all of
    /// them when `count` is nil), kept in library order so the list reads
    /// naturally; the reading order is shuffled later, per reader and session.
    public static func sampleCases(from library: [String], count: Int?, seed: UInt64) throws(ReaderStudyError) -> [String] {
        let unique = Array(Set(library)).sorted()
        guard let count else { return unique }
        guard count > 0, count <= unique.count else {
            throw .invalidDesign(field: "cases", problem: "asked for \(count) case(s); the library has \(unique.count)")
        }
        var stream = Xoshiro256StarStar.stream(seed: seed, "case-sample")
        let chosen = Set(stream.shuffled(unique).prefix(count))
        return unique.filter(chosen.contains)
    }
}
