import AccessLogs
import Fuzzing
import MeshMetrics
import PromQL
import Traces

/// A parser under `bench fuzz`: valid seed inputs, the tokens and nesting its mutations
/// use, and a call that must return or throw, never trap or hang.
struct FuzzTarget: Sendable {
    let name: String
    let seeds: [[UInt8]]
    let tokens: [String]
    let nesting: [(String, String)]
    /// True when the input was accepted, false when refused with an error.
    let run: @Sendable ([UInt8]) -> Bool

    init(_ corpus: FuzzCorpus, seeds: [[UInt8]]? = nil, run: @escaping @Sendable ([UInt8]) -> Bool) {
        name = corpus.name
        self.seeds = seeds ?? corpus.seedBytes
        tokens = corpus.tokens
        nesting = corpus.nesting
        self.run = run
    }

    /// The JSON corpus re-encoded as proto3 `ListOfSpans`.
    static var zipkinProtoSeeds: [[UInt8]] {
        FuzzCorpus.zipkinJSON.seedBytes.compactMap { try? SpanJSONDecoder.decodeList($0) }.map { SpanProtoEncoder.encode($0) }
    }

    static let all: [FuzzTarget] = [
        FuzzTarget(.exposition) { input in
            let format: ExpositionFormat = input.first == 0x23 && input.count % 2 == 0 ? .openMetrics : .prometheusText
            return (try? ExpositionParser.parse(input, format: format)) != nil
        },
        FuzzTarget(.promql) { input in
            (try? PromQLParser.parse(String(decoding: input, as: UTF8.self))) != nil
        },
        FuzzTarget(.zipkinJSON) { input in
            (try? SpanJSONDecoder.decodeList(input)) != nil
        },
        FuzzTarget(.zipkinProto3Mutations, seeds: zipkinProtoSeeds) { input in
            (try? SpanProtoDecoder.decodeList(input)) != nil
        },
        FuzzTarget(.accessLog) { input in
            NDJSONBatch.parse(input).isValid
        },
    ]
}
