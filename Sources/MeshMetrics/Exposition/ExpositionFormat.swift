/// The two exposition dialects a scrape can answer with.
public enum ExpositionFormat: Sendable, Hashable {
    /// Prometheus text format 0.0.4.
    case prometheusText
    /// OpenMetrics 1.0 text.
    case openMetrics

    /// Picks the dialect from a response's `Content-Type`. Only
    /// `application/openmetrics-text` (any version or parameters) means OpenMetrics;
    /// everything else, including a missing header, is the text format.
    public init(contentType: String?) {
        guard let contentType else { self = .prometheusText; return }
        let mediaType = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
            .first.map { $0.trimmingASCIISpaces().lowercased() } ?? ""
        self = mediaType == "application/openmetrics-text" ? .openMetrics : .prometheusText
    }

    /// The `Content-Type` to send (or to ask for in `Accept`) for this dialect.
    public var contentType: String {
        switch self {
        case .prometheusText: "text/plain; version=0.0.4; charset=utf-8"
        case .openMetrics: "application/openmetrics-text; version=1.0.0; charset=utf-8"
        }
    }
}

extension Substring {
    /// Trims spaces and tabs only; header values need nothing more and Foundation is avoided.
    fileprivate func trimmingASCIISpaces() -> Substring {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
    }
}
