/// What `ListenerSecurity.authorize` decided for one request.
enum AuthDecision: Equatable {
    case allowed
    /// No `Authorization: Bearer` header: 401.
    case missing
    /// A token no class knows: 401.
    case invalid
    /// The other class' token: 403.
    case forbidden

    var reason: String {
        switch self {
        case .allowed: "allowed"
        case .missing: "missing"
        case .invalid: "invalid"
        case .forbidden: "forbidden"
        }
    }
}
