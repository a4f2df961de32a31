/// Counts of the records answering a query (cursor and limit ignored).
public struct LogStats: Sendable, Hashable {
    public struct Destination: Sendable, Hashable {
        /// nil for records whose destination is unknown.
        public var service: String?
        public var count: Int

        public init(service: String?, count: Int) {
            self.service = service
            self.count = count
        }
    }

    public var total: Int
    /// `1xx` … `5xx` (`0xx` for code 0, which Envoy logs when no response was sent), and
    /// `none` for records without a code. Classes with no record are absent.
    public var byStatusClass: [String: Int]
    /// Most records first, then by name.
    public var byDestination: [Destination]

    public init(total: Int = 0, byStatusClass: [String: Int] = [:], byDestination: [Destination] = []) {
        self.total = total
        self.byStatusClass = byStatusClass
        self.byDestination = byDestination
    }
}
