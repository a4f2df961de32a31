/// A search parameter that cannot be understood, with the parameter's name and the text
/// the user gave, for a 400 answer (`invalid status "5yy": expected a code like 404 or a class like 5xx`).
public struct QueryParameterError: Error, Sendable, Hashable, CustomStringConvertible {
    public var parameter: String
    public var value: String
    public var reason: String

    public init(parameter: String, value: String, reason: String) {
        self.parameter = parameter
        self.value = value
        self.reason = reason
    }

    public var description: String { "invalid \(parameter) \"\(value)\": \(reason)" }
}
