/// Istio's `HTTPFaultInjection`: delay and/or abort a share of the matching requests.
public struct HTTPFault: Sendable, Hashable {
    public struct Delay: Sendable, Hashable {
        public var fixedDelay: Duration
        /// Share of requests delayed, 0...100.
        public var percentage: Double

        public init(fixedDelay: Duration, percentage: Double) {
            self.fixedDelay = fixedDelay
            self.percentage = percentage
        }
    }

    public struct Abort: Sendable, Hashable {
        public var httpStatus: Int
        public var percentage: Double

        public init(httpStatus: Int, percentage: Double) {
            self.httpStatus = httpStatus
            self.percentage = percentage
        }
    }

    public var delay: Delay?
    public var abort: Abort?

    public init(delay: Delay? = nil, abort: Abort? = nil) {
        self.delay = delay
        self.abort = abort
    }
}
