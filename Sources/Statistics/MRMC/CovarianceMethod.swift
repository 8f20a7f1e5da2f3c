/// The covariance estimator for the Obuchowski–Rockette error covariances.
public enum CovarianceMethod: String, Sendable, CaseIterable {
    /// Jackknife over cases (Hillis et al. 2005; the Iowa OR-DBM MRMC default).
    case jackknife
    /// DeLong placement-value covariances (DeLong et al. 1988; Hillis 2014).
    case delong
}
