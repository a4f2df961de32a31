import Foundation
import Logging

/// The canary scenario: moves reviews traffic from v1 to v3 in steps by rewriting the
/// weights in the VirtualService copy the sidecars load, then sending SIGHUP to the
/// sidecars that route to reviews (they reload without dropping requests in flight).
struct DemoCanary: Sendable {
    static let fileName = "reviews-canary.yaml"
    static let steps = [0, 10, 25, 50, 75, 100]

    let path: String
    let proxies: [DemoChild]
    let logger: Logger

    /// The time each step is held: the run spread over the steps, or 30 s each when the
    /// demo runs until Ctrl-C.
    static func stepDuration(run: Duration?) -> Duration {
        guard let run else { return .seconds(30) }
        return max(.seconds(2), run / steps.count)
    }

    /// Runs the steps until cancelled (the last step holds).
    func run(every interval: Duration) async {
        for (index, percent) in Self.steps.enumerated() {
            do {
                try apply(v3Percent: percent)
                DemoConsole.line("canary   reviews v1 \(100 - percent)% / v3 \(percent)%")
            } catch {
                logger.error("canary step failed", metadata: ["file": "\(path)", "error": "\(error)"])
            }
            if index == Self.steps.count - 1 { return }
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }

    func apply(v3Percent: Int) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let rewritten = Self.setWeights(text, ["v1": 100 - v3Percent, "v3": v3Percent])
        try Data(rewritten.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        for proxy in proxies { proxy.signal(SIGHUP) }
    }

    /// Replaces the value of the first `weight:` line after each `subset: NAME` that has
    /// a new weight, keeping every other byte (comments, layout) as written.
    static func setWeights(_ text: String, _ weights: [String: Int]) -> String {
        var subset: String?
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if let range = line.range(of: "subset:") {
                subset = line[range.upperBound...].prefix { $0 != "}" && $0 != "," && $0 != "#" }
                    .trimmingCharacters(in: .whitespaces)
            }
            guard let current = subset, let weight = weights[current], let range = line.range(of: "weight:") else {
                return String(line)
            }
            subset = nil
            let afterNumber = line[range.upperBound...].drop { $0 == " " || $0.isNumber }
            return String(line[..<range.upperBound]) + " \(weight)" + afterNumber
        }
        return lines.joined(separator: "\n")
    }
}
