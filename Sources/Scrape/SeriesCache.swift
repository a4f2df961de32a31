import MeshMetrics

/// Raw series bytes → final labels, per target (Prometheus' scrape cache). Entries not
/// seen in a scrape are dropped after it, so the cache follows the target's churn.
struct SeriesCache {
    private struct Entry {
        var key: [UInt8]
        var labels: Labels
    }

    private var entries: [UInt64: [Entry]] = [:]
    private var seen: [UInt64: [Entry]] = [:]

    func labels(hash: UInt64, key: UnsafeRawBufferPointer) -> Labels? {
        for candidates in [entries[hash], seen[hash]] {
            if let found = candidates?.first(where: { entry in
                entry.key.count == key.count && entry.key.withUnsafeBytes { $0.elementsEqual(key) }
            }) {
                return found.labels
            }
        }
        return nil
    }

    mutating func store(hash: UInt64, key: UnsafeRawBufferPointer, labels: Labels) {
        seen[hash, default: []].append(Entry(key: Array(key), labels: labels))
    }

    /// Called after each scrape: keep only what that scrape used.
    mutating func rotate(keepingHashesOf used: Set<UInt64>) {
        var next: [UInt64: [Entry]] = [:]
        for hash in used {
            let list = (entries[hash] ?? []) + (seen[hash] ?? [])
            if !list.isEmpty { next[hash] = list }
        }
        entries = next
        seen = [:]
    }
}
