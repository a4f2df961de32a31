/// A place in a VirtualService that names a destination, kept with its position so that
/// checks across documents (a subset defined elsewhere) can point at it.
public struct DestinationReference: Sendable, Hashable {
    public var destination: Destination
    /// e.g. `spec.http[0].route[1].destination`.
    public var path: String
    public var line: Int?
    public var column: Int?

    public init(destination: Destination, path: String, line: Int? = nil, column: Int? = nil) {
        self.destination = destination
        self.path = path
        self.line = line
        self.column = column
    }
}
