/// Envoy's default histogram bucket bounds (`HistogramSettingsImpl::defaultBuckets`).
/// Istio sets none of its own, so they apply to every Istio histogram: milliseconds for
/// the duration, bytes for the sizes (0.5 ms to 1 h; 0.5 B to 3.6 MB).
public enum EnvoyBuckets {
    public static let defaults: [Double] = [
        0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000,
        300000, 600000, 1800000, 3600000,
    ]
}
