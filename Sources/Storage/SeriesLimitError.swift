/// An append refused by `limits.max_series_per_metric`.
public struct SeriesLimitError: Error, Sendable, CustomStringConvertible {
    public let metric: String
    public let limit: Int
    public let existing: Int
    public let new: Int

    public var description: String {
        "series limit exceeded: metric \"\(metric)\" has \(existing) series and this would add \(new), "
            + "over max_series_per_metric=\(limit)"
    }
}
