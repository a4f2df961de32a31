import MeshMetrics

/// Gathers a message's labels and refuses a name sent twice, which `Labels` would
/// otherwise resolve silently (last value wins) and so lose data.
struct LabelCollector {
    var pairs: [Label] = []
    /// Remote write sends names sorted; only an unsorted set needs a full check at the end.
    var sorted = true

    mutating func add(_ label: Label, at offset: Int) throws(WriteRequestDecodingError) {
        if let last = pairs.last {
            if last.name == label.name {
                throw WriteRequestDecodingError(.duplicateLabelName(label.name), at: offset, path: "name")
            }
            if last.name > label.name { sorted = false }
        }
        pairs.append(label)
    }

    func labels(at offset: Int, path: String) throws(WriteRequestDecodingError) -> Labels {
        if !sorted {
            let names = pairs.map(\.name).sorted()
            for k in names.indices.dropFirst() where names[k] == names[k - 1] {
                throw WriteRequestDecodingError(.duplicateLabelName(names[k]), at: offset, path: path)
            }
        }
        return Labels(pairs)
    }
}
