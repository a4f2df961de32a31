import Foundation
import MeshMetrics

/// Exemplar label sets are stored as a JSON object: readable in `sqlite3`, and exact for
/// any UTF-8 value.
enum ExemplarLabels {
    static func encode(_ labels: Labels) -> String {
        var object: [String: String] = [:]
        for pair in labels.pairs { object[pair.name] = pair.value }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String) -> Labels {
        let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: String]
        return Labels(object ?? [:])
    }
}
