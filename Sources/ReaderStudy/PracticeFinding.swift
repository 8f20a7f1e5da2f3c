/// One finding of a signed practice read, with the model's value and the
/// reference, as strings the way `FindingDecision` holds them (categories by
/// label; bone age in months). `scale` groups findings for κ, e.g. every
/// level's canal stenosis under "canalStenosis".
public struct PracticeFinding: Sendable, Equatable, Codable {
    public var finding: String
    public var group: String
    public var scale: FindingScale
    public var reader: String?
    public var model: String?
    public var reference: String?

    public init(finding: String, group: String, scale: FindingScale,
                reader: String?, model: String?, reference: String?) {
        self.finding = finding; self.group = group; self.scale = scale
        self.reader = reader; self.model = model; self.reference = reference
    }
}
