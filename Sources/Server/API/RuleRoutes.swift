import Hummingbird

/// `/api/v1/rules`, `/api/v1/alerts` and `/api/v1/alertmanagers`. MeshScope evaluates no
/// recording or alerting rules (run them in Prometheus, or in Grafana against this API),
/// so the answers are truthfully empty, in Prometheus' shapes: Grafana's alerting pages
/// ask every Prometheus data source for its rules and show an error on a 404.
struct RuleRoutes: Sendable {
    /// `type` filters as Prometheus' does; anything else is refused the way it refuses it.
    func rules(_ request: Request) -> Response {
        let parameters = APIParameters(query: request.uri.query ?? "")
        if let type = parameters.value("type"), !type.isEmpty, type != "alert", type != "record" {
            return APIEnvelope.error(request, APIError(.badData, "unsupported type \"\(type)\""))
        }
        return APIEnvelope.success(request, .object([("groups", .array([]))]))
    }

    func alerts(_ request: Request) -> Response {
        APIEnvelope.success(request, .object([("alerts", .array([]))]))
    }

    func alertmanagers(_ request: Request) -> Response {
        APIEnvelope.success(request, .object([("activeAlertmanagers", .array([])), ("droppedAlertmanagers", .array([]))]))
    }
}
