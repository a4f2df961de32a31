import MeshMetrics

/// Parses exposition bytes into a `BackfillWriter`, committing every `batchSamples`.
/// On a bad line everything before it is committed and the error names the line.
public struct MetricsImporter {
    public struct Progress: Sendable {
        public var bytesDone: Int
        public var bytesTotal: Int
        public var samples: Int
    }

    let writer: BackfillWriter
    let batchSamples: Int

    public init(writer: BackfillWriter, batchSamples: Int = 1_000_000) {
        self.writer = writer
        self.batchSamples = batchSamples
    }

    public func run(_ bytes: UnsafeRawBufferPointer, format: ExpositionFormat,
                    progress: @escaping (Progress) -> Void = { _ in }) throws(ImportError) {
        var sink = ImportSink(writer: writer, batchSamples: batchSamples, base: bytes.baseAddress, total: bytes.count,
                              progress: progress)
        do {
            try ExpositionParser.parse(bytes, format: format, into: &sink)
        } catch {
            // Keep what the good lines before the failure carried.
            let failure: ImportError
            switch error {
            case let error as ExpositionError: failure = .parse(error)
            case let error as ImportError: failure = error
            case let error as BackfillError: failure = .rejected(line: sink.lastLine, error.description)
            default: failure = .storage("\(error)")
            }
            do { try writer.commit() } catch { throw .storage("\(error)") }
            throw failure
        }
        do { try writer.commit() } catch { throw .storage("\(error)") }
        progress(Progress(bytesDone: bytes.count, bytesTotal: bytes.count, samples: writer.summary.samples))
    }
}

public enum ImportError: Error, Sendable, CustomStringConvertible {
    case parse(ExpositionError)
    case rejected(line: Int, String)
    case storage(String)

    public var description: String {
        switch self {
        case .parse(let error): error.description
        case let .rejected(line, message): "line \(line): \(message)"
        case .storage(let message): message
        }
    }
}

/// Hot path of an import: series looked up by the raw bytes of the line, so labels are
/// parsed once per series, not once per sample.
struct ImportSink: ExpositionSink {
    let writer: BackfillWriter
    let batchSamples: Int
    let base: UnsafeRawPointer?
    let total: Int
    let progress: (MetricsImporter.Progress) -> Void
    /// Raw key → writer slot. Two spellings of one series (label order) are two keys
    /// pointing at the same writer slot.
    private var keys = SeriesKeyIndex()
    private var slotOfKey: [Int] = []
    private(set) var lastLine = 0
    private var sinceProgress = 0

    init(writer: BackfillWriter, batchSamples: Int, base: UnsafeRawPointer?, total: Int,
         progress: @escaping (MetricsImporter.Progress) -> Void) {
        self.writer = writer
        self.batchSamples = batchSamples
        self.base = base
        self.total = total
        self.progress = progress
    }

    mutating func metadata(family: String, type: MetricType?, help: String?, unit: String?) throws {
        writer.updateMetadata(family: family, type: type, help: help, unit: unit)
    }

    mutating func sample(_ sample: borrowing ParsedSample) throws {
        lastLine = sample.line
        guard let timestamp = sample.timestamp else {
            throw ImportError.rejected(line: sample.line, "sample has no timestamp; import needs timestamped samples")
        }
        let slot = try slot(for: sample)
        try writer.append(slot: slot, timestamp: timestamp, value: sample.value, exemplar: sample.exemplar)
        sinceProgress += 1
        if sinceProgress >= 100_000 {
            sinceProgress = 0
            if writer.pendingSamples >= batchSamples { try writer.commit() }
            let done = base.map { sample.seriesKey.baseAddress! - $0 } ?? 0
            progress(MetricsImporter.Progress(bytesDone: done, bytesTotal: total, samples: writer.summary.samples))
        }
    }

    private mutating func slot(for sample: borrowing ParsedSample) throws -> Int {
        if let known = keys.lookup(sample.seriesKey) {
            return slotOfKey[known]
        }
        let slot = try writer.slot(for: sample.labels())
        _ = keys.insert(sample.seriesKey)
        slotOfKey.append(slot)
        return slot
    }
}
