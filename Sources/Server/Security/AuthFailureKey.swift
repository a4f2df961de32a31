/// One row of `meshscope_http_auth_failures_total`.
struct AuthFailureKey: Hashable, Sendable {
    let routeClass: String
    let reason: String
}
