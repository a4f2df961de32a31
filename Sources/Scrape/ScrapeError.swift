/// Why a scrape failed; shown per target, and the target's `up` becomes 0.
public enum ScrapeError: Error, Sendable, CustomStringConvertible {
    case http(status: Int)
    case transport(String)
    case timeout(Int64)
    case bodyTooLarge(limit: Int)
    case decompression(String)
    case parse(String)
    case sampleLimit(limit: Int, got: Int)
    case labelLimit(String)
    /// A credentials file, certificate or key that could not be read.
    case clientSettings(String)

    public var description: String {
        switch self {
        case .http(let status): "server returned HTTP status \(status)"
        case .transport(let message): message
        case .timeout(let ms): "context deadline exceeded (scrape timeout \(ms)ms)"
        case .bodyTooLarge(let limit): "body size limit exceeded (\(limit) bytes)"
        case .decompression(let message): "invalid gzip body: \(message)"
        case .parse(let message): message
        case let .sampleLimit(limit, got): "sample limit exceeded (\(got) > \(limit))"
        case .labelLimit(let message): "label limit exceeded: \(message)"
        case .clientSettings(let message): message
        }
    }
}
