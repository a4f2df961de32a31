import Testing
import PromQL

/// Deterministic generator so failures reproduce (SplitMix64).
private struct FuzzRNG: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        let z = (state ^ (state >> 30)) &* 0xbf58_476d_1ce4_e5b9
        let y = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return y ^ (y >> 31)
    }
}

/// Mutated queries must never crash the parser: each either parses into a tree that
/// survives a round trip, or is rejected with a position inside the query.
@Suite struct ParserFuzzTests {
    static let seeds = [
        #"sum by (job) (rate(http_requests_total{job=~"api|web", code!="200"}[5m] offset 1h))"#,
        #"histogram_quantile(0.9, sum without (instance) (rate(x_bucket[1m:15s] @ end())))"#,
        #"topk(3, -foo * on(a) group_left(b) bar ^ 2 > bool 1e3) or vector(0x1f)"#,
        #"label_replace(up, "dst", "$1", "src", "(.*)") unless count_values("v", {"a.b"='\x41'})"#,
        "min_over_time((a + b)[30m:] offset -5m) / scalar(c) # comment\n and d",
        "quantile(0.5, x) atan2 -Inf != bool NaN - 1_000 % .5",
        #"{__name__="x", y!~`z`}[1h30m] @ 1609746000.5"#,
    ]

    static let alphabet = Array(#"()[]{}",'`:@#+-*/%^=!<>~._ 0123456789abefhmnoqsxyz\"#.utf8)
    static let words = [
        "sum", "by", "without", "on", "ignoring", "group_left", "offset", "bool", "and", "or", "unless", "@",
        "start()", "end()", "[5m]", "[5m:1m]", "{a=\"b\"}", "rate(", ")", "Inf", "NaN", "0x", "1e", "\"", "'", "`",
        "#", "\n", "-", "atan2", "topk(", "count_values(", "step()", "anchored", "fill(", "é", "\u{FFFD}",
    ]

    static func check(_ query: String) {
        do {
            let expr = try PromQLParser.parse(query)
            let rendering = expr.description
            do {
                let again = try PromQLParser.parse(rendering)
                #expect(again == expr, "round trip of \(query) via \(rendering)")
            } catch {
                Issue.record("rendering of \(query) fails: \(rendering): \(error)")
            }
        } catch {
            let length = query.utf8.count
            #expect(error.positionRange.start >= 0 && error.positionRange.start <= length, "\(query): \(error)")
            #expect(error.line >= 1 && error.column >= 1, "\(query): \(error)")
            #expect(!error.message.isEmpty)
        }
    }

    fileprivate static func mutate(_ query: String, _ rng: inout FuzzRNG) -> String {
        var bytes = Array(query.utf8)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where !bytes.isEmpty:
                bytes.remove(at: position)
            case 1:
                bytes.insert(alphabet.randomElement(using: &rng)!, at: position)
            case 2:
                bytes.insert(contentsOf: Array(words.randomElement(using: &rng)!.utf8), at: position)
            case 3 where bytes.count > 1:
                let other = Int.random(in: 0..<bytes.count, using: &rng)
                bytes.swapAt(position, other)
            case 4:
                bytes = Array(bytes.prefix(position))
            default:
                let end = min(bytes.count, position + Int.random(in: 1...8, using: &rng))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func mutatedQueriesNeverCrash() {
        var rng = FuzzRNG(state: 0x5EED)
        var rejected = 0
        for round in 0..<20_000 {
            let seed = Self.seeds[round % Self.seeds.count]
            let query = Self.mutate(seed, &rng)
            if (try? PromQLParser.parse(query)) == nil { rejected += 1 }
            Self.check(query)
        }
        // Mutations mostly break queries; some must still parse.
        #expect(rejected > 10_000 && rejected < 20_000)
    }

    @Test func randomBytesNeverCrash() {
        var rng = FuzzRNG(state: 42)
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...24, using: &rng)
            let bytes = (0..<length).map { _ in Self.alphabet.randomElement(using: &rng)! }
            Self.check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func deepInputsAreRejectedOrParsed() throws {
        // Nesting beyond any real query is refused instead of exhausting the stack.
        for opener in ["(", "-(", "sum(", "rate(", "-", "abs(", "x[1m:] + (", "topk(1, ", "2 ^ "] {
            let query = String(repeating: opener, count: 5_000) + "1"
            Self.check(query)
            #expect((try? PromQLParser.parse(query)) == nil)
            let nested = String(repeating: opener, count: 400) + "x" + String(repeating: ")", count: 400 * opener.filter { $0 == "(" }.count)
            Self.check(nested)
        }
        // Long chains of operations are parsed without recursion, up to the depth bound.
        let sum = Array(repeating: "x", count: 900).joined(separator: " + ")
        let expr = try PromQLParser.parse(sum)
        let again = try PromQLParser.parse(expr.description)
        #expect(expr.type == .vector && again == expr)
        #expect(expr.hashValue == again.hashValue)
        let tooLong = Array(repeating: "x", count: 5_000).joined(separator: " or ")
        #expect(throws: PromQLParseError.self) { try PromQLParser.parse(tooLong) }
        do {
            _ = try PromQLParser.parse(tooLong)
        } catch {
            #expect(error.message == "expression nested too deeply: more than 1000 levels")
        }
        let chain = "(" + String(repeating: "-{a=\"b\"}-1", count: 10_000) + ")" + String(repeating: "[1m:]", count: 200)
        #expect(throws: PromQLParseError.self) { try PromQLParser.parse(chain) }
        let subqueries = "x" + String(repeating: "[1m:]", count: 5_000)
        #expect(throws: PromQLParseError.self) { try PromQLParser.parse(subqueries) }
    }
}
