/// Hands out distinct free TCP ports on 127.0.0.1 (each bound, read and released; the
/// short window before the child binds it is the usual trade of pre-chosen ports).
struct DemoPorts: Sendable {
    private var taken: Set<Int>

    init(reserved: Set<Int> = []) {
        taken = reserved
    }

    mutating func next() -> Int {
        while true {
            let port = ChildServer.freePort()
            if port > 0, taken.insert(port).inserted { return port }
        }
    }
}
