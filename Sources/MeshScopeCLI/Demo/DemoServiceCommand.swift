import ArgumentParser
import Foundation
import Hummingbird
import Logging

/// `meshscope demo-service` (hidden): one Bookinfo-like service of the demo mesh, started
/// by `meshscope demo` behind its own sidecar. An HTTP service does some simulated work,
/// calls the services of `--calls` in order through its sidecar's outbound listener
/// (propagating the tracing headers, as Bookinfo's apps do), optionally queries the
/// database through the sidecar's TCP listener, and answers; `--tcp` runs the database.
struct DemoServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-service",
        abstract: "One service of `meshscope demo`'s mesh (started by the demo).",
        shouldDisplay: false)

    @Option(help: "The service's app label (productpage, details, reviews, ratings, mongodb).")
    var app: String

    @Option(help: "The version label.")
    var version = "v1"

    @Option(help: "HOST:PORT to listen on.")
    var listen: String

    @Option(help: "HOST:PORT of the sidecar's outbound listener, for calls to other services.")
    var outbound: String?

    @Option(help: "Services to call on every request, comma-separated (each as NAME:9080 through --outbound).")
    var calls = ""

    @Option(help: "HOST:PORT of the sidecar's TCP listener for the database.")
    var database: String?

    @Flag(help: "Run the line-protocol database instead of an HTTP service.")
    var tcp = false

    @Option(help: "Simulated work per request in milliseconds, MIN-MAX.")
    var workMs = "1-4"

    @Option(help: "Log level.")
    var logLevel: Logger.Level = .notice

    func validate() throws {
        guard Self.address(listen) != nil else { throw ValidationError("--listen must be HOST:PORT") }
        if let outbound, Self.address(outbound) == nil { throw ValidationError("--outbound must be HOST:PORT") }
        if let database, Self.address(database) == nil { throw ValidationError("--database must be HOST:PORT") }
        if !calledServices.isEmpty, outbound == nil { throw ValidationError("--calls needs --outbound") }
        guard workRange != nil else { throw ValidationError("--work-ms must be MIN-MAX milliseconds") }
    }

    func run() async throws {
        LogSetup.bootstrap(level: logLevel)
        let logger = Logger(label: "meshscope.demo-service")
        let (host, port) = Self.address(listen)!
        if tcp {
            try await DemoDatabase.serve(host: host, port: port, logger: logger)
            return
        }
        let service = DemoService(
            app: app, version: version, calls: calledServices, outbound: outbound,
            database: database.flatMap(Self.address), work: workRange!, logger: logger)
        let router = Router()
        router.get("/health") { _, _ in "ok" }
        router.get("/") { request, _ in await service.respond(to: request, id: "0") }
        router.get("/\(app)") { request, _ in await service.respond(to: request, id: "0") }
        router.get("/\(app)/{id}") { request, context in
            await service.respond(to: request, id: context.parameters.get("id") ?? "0")
        }
        var quiet = logger
        quiet.logLevel = .warning
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "\(app)-\(version)"),
            onServerRunning: { channel in
                logger.notice("demo service listening", metadata: [
                    "app": "\(app)", "version": "\(version)", "address": "\(host):\(channel.localAddress?.port ?? port)",
                ])
            },
            logger: quiet)
        try await application.runService()
        await service.shutdown()
    }

    var calledServices: [String] {
        calls.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    var workRange: ClosedRange<Int>? {
        let parts = workMs.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, parts[0] >= 0, parts[0] <= parts[1], parts[1] <= 60_000 else { return nil }
        return parts[0]...parts[1]
    }

    static func address(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (0...65535).contains(port), colon > text.startIndex else { return nil }
        return (String(text[..<colon]), port)
    }
}
