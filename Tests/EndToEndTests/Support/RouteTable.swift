import Foundation
import Hummingbird
import Server
import Storage

/// The routes `serve` registers, read from the routers themselves (built in-process on a
/// scratch data directory), so a route added later is covered by the auth tests without
/// editing them.
enum RouteTable {
    struct Route: CustomStringConvertible, Hashable {
        let method: String
        /// Registered path with its captures, e.g. `/api/v2/trace/{traceId}`.
        let pattern: String

        var description: String { "\(method) \(pattern)" }

        /// A concrete path: captures and wildcards filled with harmless values.
        var path: String {
            pattern.split(separator: "/", omittingEmptySubsequences: true).map { part -> String in
                if part.hasPrefix("{") { return part.contains("trace") ? "0123456789abcdef" : "x" }
                if part.contains("*") { return "x" }
                return String(part)
            }.reduce("") { $0 + "/" + $1 }.ifEmpty("/")
        }
    }

    static func routes(in dir: String) async throws -> (main: [Route], zipkin: [Route]) {
        let data = join(dir, "routes-data")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let store = try MetricsStore(directory: data)
        let traces = try TraceStore(directory: data)
        let logs = try LogStore(directory: data)
        let context = ServerContext(store: store, scrapes: nil, version: "test", traces: traces, logs: logs, reload: { nil })
        let main = MeshScopeServer.router(context).routes.map { Route(method: $0.method.rawValue, pattern: $0.path.description) }
        let zipkin = MeshScopeServer.zipkinRouter(context, traces: traces).routes
            .map { Route(method: $0.method.rawValue, pattern: $0.path.description) }
        return (main, zipkin)
    }
}

extension String {
    fileprivate func ifEmpty(_ fallback: String) -> String { isEmpty ? fallback : self }
}
