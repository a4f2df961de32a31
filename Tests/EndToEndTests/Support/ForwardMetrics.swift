import Foundation

extension ServeProcess {
    /// A `meshscope_forward_*` value from `/metrics` for one destination (and outcome,
    /// for `meshscope_forward_items_total`); nil when the series is absent.
    func forwardValue(_ family: String, destination: String, outcome: String? = nil) async throws -> Double? {
        let text = try await HTTP.get(baseURL + "/metrics").text
        for line in text.split(separator: "\n") where line.hasPrefix(family + "{") {
            guard line.contains("destination=\"\(destination)\"") else { continue }
            if let outcome, !line.contains("outcome=\"\(outcome)\"") { continue }
            return line.split(separator: " ").last.flatMap { Double($0) }
        }
        return nil
    }

    /// Waits until the destination's on-disk queue is empty.
    func waitForEmptyQueue(_ destination: String, timeout: Duration = .seconds(60)) async throws {
        _ = try await eventually("the \(destination) forward queue to drain", timeout: timeout, every: .milliseconds(200),
                                 context: logTail) {
            try await forwardValue("meshscope_forward_pending_items", destination: destination) == 0 ? true : nil
        }
    }
}
