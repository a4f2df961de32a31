/// The ports the listeners actually bound (a configured 0 becomes a free port).
public struct BoundPorts: Sendable, Hashable {
    public var inbound: Int?
    public var outbound: Int?
    public var admin: Int?
    /// By TCP listener name.
    public var tcp: [String: Int]

    public init(inbound: Int? = nil, outbound: Int? = nil, admin: Int? = nil, tcp: [String: Int] = [:]) {
        self.inbound = inbound
        self.outbound = outbound
        self.admin = admin
        self.tcp = tcp
    }
}
