/// The latest health of every active target, shared by the scrape loops (writers) and
/// the HTTP routes (readers).
public actor ScrapeStatusBoard {
    private var health: [String: TargetHealth] = [:]

    public init() {}

    func update(_ value: TargetHealth) {
        health[value.target.id] = value
    }

    func remove(_ target: ScrapeTarget) {
        health[target.id] = nil
    }

    public func all() -> [TargetHealth] {
        health.values.sorted { ($0.target.job, $0.target.address) < ($1.target.job, $1.target.address) }
    }
}
