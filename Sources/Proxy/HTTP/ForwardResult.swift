import MeshPolicy

/// How the forwarder answered: a reply of its own or an upstream response still to
/// stream, with the observation so far.
struct ForwardResult: Sendable {
    enum Response: Sendable {
        case local(status: Int, headers: [(name: String, value: String)], body: String)
        case upstream(UpstreamResponseStart, cluster: UpstreamCluster)
    }

    var response: Response
    var record: ObservedRequest
    /// The route's overall deadline, which still bounds streaming the response body.
    var deadline: ContinuousClock.Instant?
    /// Response header changes the route asks for.
    var responseHeaders: HeaderOperations.Changes = HeaderOperations.Changes()

    static func local(_ status: Int, _ body: String, record: ObservedRequest,
                      headers: [(name: String, value: String)] = []) -> ForwardResult {
        ForwardResult(response: .local(status: status, headers: headers, body: body), record: record, deadline: nil)
    }
}
