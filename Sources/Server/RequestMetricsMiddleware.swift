import Foundation
import Hummingbird

/// Records every request into `HTTPRequestMetrics` under its route pattern (not the raw
/// path, so `/api/v2/trace/{id}` stays one series).
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: HTTPRequestMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            record(context.endpointPath ?? "unmatched", method, Int(response.status.code), since: start)
            return response
        } catch {
            let code = (error as? any HTTPResponseError).map { Int($0.status.code) } ?? 500
            record(context.endpointPath ?? "unmatched", method, code, since: start)
            throw error
        }
    }

    private func record(_ route: String, _ method: String, _ code: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.record(route: route, method: method, code: code, seconds: seconds)
    }
}
