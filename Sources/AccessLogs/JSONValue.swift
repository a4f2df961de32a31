/// A JSON value parsed from one access-log line. Strings and numbers are byte ranges into
/// the line rather than copies: a record reads maybe twenty of its fields, so decoding is
/// left to the few that are used. Only meaningful together with the bytes it was parsed from.
enum JSONValue {
    case null
    case bool(Bool)
    /// The literal as written (`-12.5e3`), validated against the JSON grammar.
    case number(JSONSpan)
    /// The bytes between the quotes, escapes still in place (validated).
    case string(JSONSpan)
    case array([JSONValue])
    case object([JSONMember])

    /// The kind, as error messages name it.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A range of bytes of the parsed line.
struct JSONSpan {
    var start: Int
    var end: Int
    /// True when a string contains a backslash escape, so its bytes need decoding.
    var escaped: Bool

    var count: Int { end - start }
}

/// One `"key": value` of an object, with where its value starts (for error positions).
struct JSONMember {
    var key: JSONSpan
    var value: JSONValue
    var valueOffset: Int
}
