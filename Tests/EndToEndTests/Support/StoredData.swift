import MeshMetrics
import Storage

/// Reads a data directory in-process, the way a restarted server would see it. Only
/// for directories whose serve has been stopped or killed.
struct StoredData {
    let store: MetricsStore

    init(_ dataDir: String) throws {
        store = try MetricsStore(directory: dataDir)
    }

    /// Every sample of every series matching `selector`, by series.
    func series(_ selector: String) throws -> [StoredSeries] {
        try store.reader.select(SeriesSelector(parsing: selector).matchers, from: .min, through: .max)
    }

    func integrityCheck() throws -> String {
        try store.reader.integrityCheck()
    }

    /// Samples of every stored series as reads return them. Reads merge overlapping
    /// chunks by timestamp, which would hide a sample stored twice; compare with
    /// `samplesInChunks` to see duplicates.
    func readableSampleCount() throws -> Int {
        try series(#"{__name__=~".+"}"#).reduce(0) { $0 + $1.samples.count }
    }

    /// The sum of the chunk headers' sample counts: every stored copy of every sample.
    /// Checkpoints the WAL, so no other connection may be open (call it on its own).
    static func samplesInChunks(_ dataDir: String) throws -> Int64 {
        try DiskUsage.measure(directory: dataDir).samples
    }

    /// Stored copies beyond the first of any sample (0 when nothing is stored twice):
    /// chunk headers count every copy, reads return each timestamp once.
    static func duplicateSamples(_ dataDir: String) throws -> Int64 {
        let readable = try StoredData(dataDir).readableSampleCount()  // closed before measuring
        return try samplesInChunks(dataDir) - Int64(readable)
    }
}

extension Array where Element == Sample {
    var withoutStaleMarkers: [Sample] { filter { !$0.value.isStaleMarker } }

    var timestampsStrictlyIncrease: Bool {
        zip(self, dropFirst()).allSatisfy { $0.timestamp < $1.timestamp }
    }
}

extension StoredSeries {
    /// `name{labels}` with the samples' count, for failure messages.
    var summary: String {
        "\(labels) (\(samples.count) samples: \(samples.prefix(3).map { "\($0.value)@\($0.timestamp)" }) ... \(samples.suffix(3).map { "\($0.value)@\($0.timestamp)" }))"
    }
}
