import Testing
@testable import MeshPolicy

@Suite("Istio durations")
struct DurationTests {
    @Test("reads the forms Istio accepts", arguments: [
        ("1s", Duration.seconds(1)), ("500ms", .milliseconds(500)), ("1m", .seconds(60)), ("2h", .seconds(7200)),
        ("1.5s", .milliseconds(1500)), ("1h30m", .seconds(5400)), ("0s", .zero), ("250us", .microseconds(250)),
        ("10ns", .nanoseconds(10)),
    ])
    func valid(text: String, expected: Duration) throws {
        #expect(try IstioDuration.parse(text).get() == expected)
    }

    @Test("rejects malformed and negative durations", arguments: ["", "5", "1x", "-1s", "s", "1.s", "1.5.5s", "abc"])
    func invalid(text: String) {
        #expect(throws: IstioDuration.Problem.self) { try IstioDuration.parse(text).get() }
    }

    @Test("negative durations say so")
    func negativeMessage() {
        guard case .failure(let problem) = IstioDuration.parse("-2s") else {
            Issue.record("parsed a negative duration")
            return
        }
        #expect(problem.message.contains("negative"))
    }

    @Test("formats the shortest spelling")
    func format() {
        #expect(IstioDuration.format(.seconds(90)) == "90s")
        #expect(IstioDuration.format(.seconds(120)) == "2m")
        #expect(IstioDuration.format(.milliseconds(250)) == "250ms")
        #expect(IstioDuration.format(.milliseconds(1500)) == "1.5s")
        #expect(IstioDuration.format(.zero) == "0s")
    }
}
