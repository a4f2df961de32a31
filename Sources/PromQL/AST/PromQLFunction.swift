/// A function's signature: what the parser checks calls against and the evaluator
/// dispatches on (by `name`).
public struct PromQLFunction: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    /// The type of each argument. With `variadic != 0` the last entry is the type of
    /// the optional or repeated trailing arguments.
    public let argumentTypes: [ValueType]
    /// 0: exactly `argumentTypes.count` arguments. n > 0: the last may be given 0...n
    /// times. -1: the last may be repeated without limit.
    public let variadic: Int
    public let returnType: ValueType
    /// Behind `--enable-feature=promql-experimental-functions` in Prometheus.
    public let isExperimental: Bool

    public init(
        _ name: String, _ argumentTypes: [ValueType], returns returnType: ValueType, variadic: Int = 0,
        experimental: Bool = false
    ) {
        self.name = name
        self.argumentTypes = argumentTypes
        self.variadic = variadic
        self.returnType = returnType
        self.isExperimental = experimental
    }

    public var description: String { name }

    /// The fewest arguments a call may have.
    public var minimumArguments: Int { variadic == 0 ? argumentTypes.count : argumentTypes.count - 1 }

    /// The most arguments a call may have; nil when unlimited.
    public var maximumArguments: Int? {
        switch variadic {
        case 0: argumentTypes.count
        case let n where n > 0: argumentTypes.count - 1 + n
        default: nil
        }
    }

    /// The expected type of the argument at `index`, repeating the last for variadic
    /// functions; nil past the end of a fixed signature.
    public func argumentType(at index: Int) -> ValueType? {
        if index < argumentTypes.count { return argumentTypes[index] }
        return variadic == 0 ? nil : argumentTypes.last
    }

    /// Looks a function up by its exact (case-sensitive) name.
    public static func named(_ name: String) -> PromQLFunction? { table[name] }

    /// Every function the parser accepts, by name.
    public static var all: [String: PromQLFunction] { table }

    public static func == (lhs: PromQLFunction, rhs: PromQLFunction) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
