/// The sink behind the collecting `ExpositionParser.parse` overloads.
struct ExpositionCollector: ExpositionSink {
    private(set) var result = ParsedExposition()
    private var index: [String: Int] = [:]

    mutating func metadata(family: String, type: MetricType?, help: String?, unit: String?) {
        let position = position(of: family)
        if let type { result.families[position].metadata.type = type }
        if let help { result.families[position].metadata.help = help }
        if let unit { result.families[position].metadata.unit = unit }
    }

    mutating func sample(_ sample: borrowing ParsedSample) throws {
        _ = position(of: sample.familyName)
        result.samples.append(CollectedSample(
            family: sample.familyName, labels: try sample.labels(), value: sample.value,
            timestamp: sample.timestamp, exemplar: sample.exemplar, line: sample.line))
    }

    private mutating func position(of family: String) -> Int {
        if let position = index[family] { return position }
        result.families.append(ParsedFamily(name: family))
        index[family] = result.families.count - 1
        return result.families.count - 1
    }
}
