/// Why a snappy stream was refused, and the input byte where the offending element starts.
public struct SnappyError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// The length preamble ends before its last byte.
        case truncatedPreamble
        /// The length preamble is longer than 5 bytes or above 2^32 - 1.
        case invalidPreamble
        /// The declared length is above the caller's `maxLength`.
        case lengthExceedsLimit(length: Int, limit: Int)
        /// A tag's extra bytes (literal length or copy offset) are missing.
        case truncatedTag
        /// A literal announces more bytes than the input has left.
        case literalPastEnd(length: Int)
        /// A copy with offset 0 (it would read the byte being written).
        case zeroCopyOffset
        /// A copy reaching back before the start of the output.
        case copyBeforeStart(offset: Int, position: Int)
        /// A literal or copy that would write past the declared length.
        case outputOverrun(length: Int, position: Int)
        /// The stream ended with fewer bytes written than declared.
        case lengthMismatch(expected: Int, actual: Int)
    }

    public var kind: Kind
    /// Offset in the compressed input.
    public var offset: Int

    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    public var description: String {
        let what: String
        switch kind {
        case .truncatedPreamble: what = "truncated length varint"
        case .invalidPreamble: what = "length varint longer than 32 bits"
        case let .lengthExceedsLimit(length, limit): what = "declared length \(length) exceeds the limit \(limit)"
        case .truncatedTag: what = "tag's extra bytes past the end of the input"
        case let .literalPastEnd(length): what = "literal of \(length) bytes runs past the end of the input"
        case .zeroCopyOffset: what = "copy with offset 0"
        case let .copyBeforeStart(offset, position): what = "copy offset \(offset) before the start of the output (at \(position))"
        case let .outputOverrun(length, position): what = "\(length) bytes at output position \(position) exceed the declared length"
        case let .lengthMismatch(expected, actual): what = "declared length \(expected) but decoded \(actual) bytes"
        }
        return "snappy: \(what) at byte \(offset)"
    }
}
