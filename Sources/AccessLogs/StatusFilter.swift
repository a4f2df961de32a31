/// The `status` search parameter: an exact response code (`404`; 100 through 599, or 0,
/// which Envoy logs when no response was sent) or a class (`1xx` through `5xx`, any case).
public enum StatusFilter: Sendable, Hashable, CustomStringConvertible {
    case exact(Int)
    /// The hundreds digit: 5 for `5xx`.
    case statusClass(Int)

    public init(parsing text: String) throws(QueryParameterError) {
        let t = text.trimmingSpaces.lowercased()
        let u = Array(t.utf8)
        let error = QueryParameterError(parameter: "status", value: text,
                                        reason: "expected a response code like 404 or a class like 5xx")
        if u.count == 3, u[1] == UInt8(ascii: "x"), u[2] == UInt8(ascii: "x"), u[0] >= 0x31 && u[0] <= 0x35 {
            self = .statusClass(Int(u[0] - 0x30))
            return
        }
        guard !u.isEmpty, u.count <= 3, u.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let code = Int(t),
              code == 0 || (100...599).contains(code) else { throw error }
        self = .exact(code)
    }

    /// The codes this filter accepts, inclusive.
    public var codes: ClosedRange<Int> {
        switch self {
        case .exact(let code): code...code
        case .statusClass(let digit): digit * 100...digit * 100 + 99
        }
    }

    public func matches(_ code: Int?) -> Bool {
        guard let code else { return false }
        return codes.contains(code)
    }

    public var description: String {
        switch self {
        case .exact(let code): "\(code)"
        case .statusClass(let digit): "\(digit)xx"
        }
    }
}
