import MeshMetrics
import Testing
@testable import PromQL

// Shared helpers for the Functions*Tests files, plus tests of the Go-compatibility
// support code (Kahan, XXH64, Go number parsing/formatting, Go's sort and heap).

let minute: Int64 = 60_000

/// The conformance scripts' `start+stepxN` notation: N+1 values.
func expanding(_ start: Double, _ step: Double, _ times: Int) -> [Double] {
    (0...times).map { start + Double($0) * step }
}

/// Points every `interval` ms from t=0; nil leaves a slot empty (`_`).
func points(_ values: [Double?], every interval: Int64) -> [Sample] {
    values.enumerated().compactMap { index, value in
        value.map { Sample(timestamp: Int64(index) * interval, value: $0) }
    }
}

/// The left-open range-vector window (end - range, end], as the evaluator selects it.
func window(_ all: [Sample], end: Int64, range: Int64) -> [Sample] {
    all.filter { $0.timestamp > end - range && $0.timestamp <= end }
}

/// promqltest's comparison: relative tolerance 1e-6, NaN equals NaN.
func expectClose(_ actual: Double?, _ expected: Double, epsilon: Double = 1e-6, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let actual else {
        Issue.record("expected \(expected), got no value", sourceLocation: sourceLocation)
        return
    }
    #expect(GoNumerics.almostEqual(actual, expected, epsilon: epsilon), "expected \(expected), got \(actual)", sourceLocation: sourceLocation)
}

func element(_ labels: [String: String], _ value: Double, name: String? = nil) -> VectorElement {
    var all = labels
    if let name { all[Labels.metricName] = name }
    return VectorElement(labels: Labels(all), timestamp: 0, value: value)
}

@Suite struct FunctionsSupportTests {
    @Test func kahanKeepsSmallTermsBesideHugeOnes() {
        #expect(KahanSum.sum([1, 1e100, 1, -1e100]) == 2)
        #expect(KahanSum.sum([Double]()) == 0)
        // Once infinite, the compensation is reset instead of becoming NaN.
        let (sum, c) = KahanSum.inc(.infinity, sum: 1e308, c: 5)
        #expect(sum == .infinity && c == 0)
        #expect(KahanSum.sum([.infinity, 1, 2]) == .infinity)
        #expect(KahanSum.sum([.infinity, -.infinity]).isNaN)
        let (diff, dc) = KahanSum.dec(1e100, sum: 1e100, c: 0)
        #expect(diff == 0 && dc == 0)
    }

    @Test func xxhash64MatchesReferenceVectors() {
        // Reference values from the xxhash C library (python-xxhash).
        #expect(XXHash64.hash([]) == 0xef46_db37_51d8_e999)
        #expect(XXHash64.hash(Array("a".utf8)) == 0xd24e_c4f1_a98c_6e5b)
        #expect(XXHash64.hash(Array("abc".utf8)) == 0x44bc_2cf5_ad77_0999)
        #expect(XXHash64.hash((0..<32).map { UInt8($0) }) == 0xcbf5_9c51_16ff_32b4)
        #expect(XXHash64.hash((0..<100).map { UInt8($0) }) == 0x6ac1_e580_3216_6597)
        #expect(XXHash64.hash(Array("0123456789abcdefghijklmnopqrstuvwxyz!".utf8)) == 0xdde9_d7f1_25de_8f22)
    }

    @Test func prometheusLabelHashUsesLengthPrefixedEncoding() {
        let labels = Labels(name: "http_requests", ["job": "api-server", "instance": "0", "group": "production"])
        #expect(XXHash64.prometheusHash(labels) == 0x1835_1c04_9c0d_95e6)
        // Values of 255+ bytes take a four-byte length.
        let long = Labels(name: "x", ["v": String(repeating: "y", count: 300)])
        #expect(XXHash64.prometheusHash(long) == 0x2c2f_da98_6cf2_5bcd)
    }

    @Test func parseFloatFollowsGo() {
        #expect(GoNumerics.parseFloat("+Inf") == .infinity)
        #expect(GoNumerics.parseFloat("+inf") == .infinity)
        #expect(GoNumerics.parseFloat("-Infinity") == -.infinity)
        #expect(GoNumerics.parseFloat("NaN")?.isNaN == true)
        #expect(GoNumerics.parseFloat("-nan") == nil)
        #expect(GoNumerics.parseFloat("1e0") == 1)
        #expect(GoNumerics.parseFloat(".2") == 0.2)
        #expect(GoNumerics.parseFloat("2.0e-1") == 0.2)
        #expect(GoNumerics.parseFloat("1.") == 1)
        #expect(GoNumerics.parseFloat("0x1p-2") == 0.25)
        #expect(GoNumerics.parseFloat("0x1") == nil)
        #expect(GoNumerics.parseFloat("") == nil)
        #expect(GoNumerics.parseFloat(".") == nil)
        #expect(GoNumerics.parseFloat("Hello World") == nil)
        #expect(GoNumerics.parseFloat("1e") == nil)
        #expect(GoNumerics.parseFloat(" 1") == nil)
        #expect(GoNumerics.parseFloat("1e500") == nil) // Go: ErrRange
    }

    @Test func formatFixedIsGoShortestWithoutExponent() {
        #expect(GoNumerics.formatFixed(6) == "6")
        #expect(GoNumerics.formatFixed(1.5) == "1.5")
        #expect(GoNumerics.formatFixed(-0.25) == "-0.25")
        #expect(GoNumerics.formatFixed(1e21) == "1000000000000000000000")
        #expect(GoNumerics.formatFixed(1e-7) == "0.0000001")
        #expect(GoNumerics.formatFixed(123456789.125) == "123456789.125")
        #expect(GoNumerics.formatFixed(0.1) == "0.1")
        #expect(GoNumerics.formatFixed(-0.0) == "-0")
        #expect(GoNumerics.formatFixed(.nan) == "NaN")
        #expect(GoNumerics.formatFixed(-.infinity) == "-Inf")
        #expect(GoNumerics.formatPercentF(1.5) == "1.500000")
        #expect(GoNumerics.formatPercentF(.infinity) == "+Inf")
    }

    @Test func goMinMaxSpecialCases() {
        #expect(GoNumerics.max(.nan, .infinity) == .infinity)
        #expect(GoNumerics.max(.nan, 3).isNaN)
        #expect(GoNumerics.min(.nan, -.infinity) == -.infinity)
        #expect(GoNumerics.min(3, .nan).isNaN)
        #expect(GoNumerics.max(-0.0, 0.0).sign == .plus)
        #expect(GoNumerics.min(0.0, -0.0).sign == .minus)
        #expect(GoNumerics.int64(-2.9) == -2)
        #expect(GoNumerics.int64(.nan) == .min)
        #expect(GoNumerics.int64(1e30) == .min)
        #expect(GoNumerics.seconds(milliseconds: 901_000) == 901)
    }

    @Test func quoteMatchesGoPercentQ() {
        #expect(GoNumerics.quote("Hello World") == "\"Hello World\"")
        #expect(GoNumerics.quote("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"")
        #expect(GoNumerics.quote("\u{01}") == "\"\\x01\"")
        #expect(GoNumerics.quote("é") == "\"é\"")
    }

    @Test func goSortMatchesSortedOrderAndNaNFirst() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 5, 12, 13, 49, 50, 200, 1000] {
            var values = (0..<size).map { _ in Double(Int.random(in: 0..<20, using: &generator)) }
            if size > 3 { values[size / 2] = .nan }
            var sorter = GoSort(values, less: GoSort<Double>.valueLess)
            sorter.sort()
            let nanCount = values.filter(\.isNaN).count
            #expect(sorter.data.prefix(nanCount).allSatisfy { $0.isNaN })
            #expect(Array(sorter.data.dropFirst(nanCount)) == values.filter { !$0.isNaN }.sorted())
        }
        // Decreasing input takes pdqsort's reverse path and still sorts.
        var sorter = GoSort(Array((0..<100).reversed()).map(Double.init), less: GoSort<Double>.valueLess)
        sorter.sort()
        #expect(sorter.data == (0..<100).map(Double.init))
    }

    @Test func goSortSmallInputsAreStableInsertionSort() {
        // Up to 12 elements Go uses insertion sort, which keeps equal elements in order.
        let input: [(String, Double)] = [("a", 1), ("b", 0), ("c", 1), ("d", 0), ("e", 1)]
        var sorter = GoSort(input) { $0.1 < $1.1 }
        sorter.sort()
        #expect(sorter.data.map(\.0) == ["b", "d", "a", "c", "e"])
    }

    @Test func annotationsAreDeduplicatedAndRendered() {
        var notes = FunctionAnnotations()
        notes.add(.invalidQuantile(.nan))
        notes.add(.invalidQuantile(.nan))
        notes.add(nil)
        notes.add(.possibleNonCounter(metricName: "foo"))
        #expect(notes.items.count == 2)
        #expect(notes.warnings.map(\.message) == ["PromQL warning: quantile value should be between 0 and 1, got NaN"])
        #expect(notes.infos.first?.rendered(position: "1:7") ==
            "PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \"foo\" (1:7)")
        #expect(FunctionAnnotation.invalidRatio(1.1, cappedTo: 1).message ==
            "PromQL warning: ratio value should be between -1 and 1, got 1.1, capping to 1")
        #expect(FunctionAnnotation.badBucketLabel(metricName: "series", value: "Hello World").message ==
            "PromQL warning: bucket label \"le\" is missing or has a malformed value of \"Hello World\" for metric name \"series\"")
        #expect(FunctionAnnotation.badBucketLabel(metricName: nil, value: "").message ==
            "PromQL warning: bucket label \"le\" is missing or has a malformed value of \"\"")
    }
}
