/// The peer IP of the connection a request arrived on. `BasicRequestContext` does not
/// carry it, so `ListenerChannel` sets it around each connection's handling and the
/// rate limiter reads it here.
public enum ClientAddress {
    @TaskLocal public static var current: String?
}
