/// Why a WriteRequest was refused: what, where in the input, and the field path, e.g.
/// `timeseries[3].labels[0].name: truncated length (40 announced, 3 left) at byte 112`.
public struct WriteRequestDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// A varint, fixed64 or length-delimited value runs past its enclosing message.
        case truncated(String)
        /// Not protobuf: bad wire type, zero field number, over-long varint, bad group.
        case malformed(String)
        /// A known field arrived with another wire type than its declaration's.
        case wrongWireType(expected: UInt8, found: UInt8)
        /// A string field that is not valid UTF-8 (proto3 requires it).
        case invalidUTF8
        /// A label name that occurs twice in one label set.
        case duplicateLabelName(String)
    }

    public var reason: Reason
    /// Offset in the input where the offending value (or its key) starts.
    public var offset: Int
    /// Field path from the request down, `""` for the request itself.
    public var path: String

    public init(_ reason: Reason, at offset: Int, path: String = "") {
        self.reason = reason
        self.offset = offset
        self.path = path
    }

    /// The same error seen from the enclosing message.
    func under(_ segment: String) -> WriteRequestDecodingError {
        var e = self
        e.path = path.isEmpty ? segment : segment + "." + path
        return e
    }

    public var description: String {
        let what: String
        switch reason {
        case .truncated(let s): what = "truncated " + s
        case .malformed(let s): what = s
        case let .wrongWireType(expected, found): what = "wire type \(found) where \(expected) was expected"
        case .invalidUTF8: what = "invalid UTF-8"
        case .duplicateLabelName(let n): what = "duplicate label name \"\(n)\""
        }
        return (path.isEmpty ? "" : path + ": ") + what + " at byte \(offset)"
    }
}
