import MeshPolicy
import NIOHTTP1

/// An attempt that got its response head: the connection (leased until the body is
/// read), the head, and the rest of the response to stream.
struct UpstreamResponseStart: Sendable {
    let connection: UpstreamConnection
    let head: HTTPResponseHead
    let parts: UpstreamResponseHandler.Parts
}
