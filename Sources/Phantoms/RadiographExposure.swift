/// Acquisition and processing settings of one projection radiograph. Drawn per image so
/// that a model cannot learn one fixed look.
struct RadiographExposure: Sendable {
    /// Linear attenuation coefficients (1/mm) at the effective energy of a ~50 kVp hand
    /// exposure: water-like soft tissue, compact bone, cancellous bone, steel.
    var muSoft = 0.035
    var muCortex = 0.21
    var muCancellous = 0.06
    var muMetal = 1.2
    /// Photons per pixel in the unattenuated field: sets quantum (Poisson) noise.
    var photonsPerPixel = 2500.0
    /// Fraction of scatter (very low spatial frequency) added to the primary beam.
    var scatterFraction = 0.12
    /// Heel effect: relative intensity change from one end of the anode–cathode axis to the other.
    var heel = 0.14
    /// Direction of the anode–cathode axis in the image (radians); intensity falls towards the anode.
    var heelAngle = Double.pi / 2
    /// Focal-spot and detector blur (pixels).
    var blurSigmaPx = 0.8
    /// Trabecular texture: contrast and feature size (mm).
    var trabecularContrast = 0.45
    var trabecularFeatureMm = 0.7
    /// Collimated field as insets (fraction of width/height) from left, top, right, bottom, and its tilt.
    var collimation = (left: 0.03, top: 0.02, right: 0.03, bottom: 0.02)
    var collimationTilt = 0.0
    /// CR processing: unsharp-mask gain and radius (mm), display contrast exponent.
    var edgeEnhancement = 0.6
    var edgeRadiusMm = 2.5
    var contrastGamma = 0.9
    /// Electronic (readout) noise in stored units, and stored range used by the anatomy.
    var electronicNoise = 3.0
    var bitsStored = 12
    var lowTarget = 0.12
    var highTarget = 0.92

    static func random(_ rng: inout PhantomRandom) -> RadiographExposure {
        var e = RadiographExposure()
        let kv = rng.uniform(0.85, 1.15) // harder beam → lower contrast
        e.muCortex *= 1 / kv
        e.muCancellous *= 1 / kv
        e.muSoft *= 1 / kv.squareRoot()
        e.photonsPerPixel = rng.uniform(900, 4000)
        e.scatterFraction = rng.uniform(0.06, 0.2)
        e.heel = rng.uniform(0.05, 0.2)
        e.heelAngle = rng.bernoulli(0.5) ? Double.pi / 2 : -Double.pi / 2
        e.blurSigmaPx = rng.uniform(0.5, 1.2)
        e.trabecularContrast = rng.uniform(0.1, 0.2)
        e.trabecularFeatureMm = rng.uniform(0.6, 0.9)
        // Half the films are collimated inside the detector (white margins), half are cropped to the field.
        if rng.bernoulli(0.5) {
            e.collimation = (rng.uniform(0, 0.08), rng.uniform(0, 0.05), rng.uniform(0, 0.08), rng.uniform(0, 0.05))
        } else {
            e.collimation = (-0.1, -0.1, -0.1, -0.1)
            _ = rng.uniform(0, 1)
        }
        e.collimationTilt = rng.gaussian(mean: 0, sd: 0.015)
        e.edgeEnhancement = rng.uniform(0.1, 0.5)
        e.edgeRadiusMm = rng.uniform(1.5, 4)
        e.contrastGamma = rng.uniform(0.5, 0.8)
        e.electronicNoise = rng.uniform(1.5, 6)
        e.lowTarget = rng.uniform(0.18, 0.36)
        e.highTarget = rng.uniform(0.85, 0.97)
        return e
    }
}
