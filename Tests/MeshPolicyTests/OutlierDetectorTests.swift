import Testing
@testable import MeshPolicy

@Suite("Outlier detector")
struct OutlierDetectorTests {
    let endpoints = (1...4).map { HostPort(host: "10.0.0.\($0)", port: 80) }

    func detector(_ settings: OutlierDetectionSettings) -> OutlierDetector {
        OutlierDetector(settings: settings, endpoints: endpoints)
    }

    @Test("consecutive 5xx eject at the threshold; a success resets the count")
    func consecutive5xx() {
        var outliers = detector(OutlierDetectionSettings(consecutive5xxErrors: 3, baseEjectionTime: .seconds(30), maxEjectionPercent: 50))
        let host = endpoints[0]
        #expect(outliers.record(.response(status: 500), endpoint: host, now: .zero) == nil)
        #expect(outliers.record(.response(status: 500), endpoint: host, now: .zero) == nil)
        #expect(outliers.record(.response(status: 200), endpoint: host, now: .zero) == nil)
        #expect(outliers.record(.response(status: 500), endpoint: host, now: .zero) == nil)
        #expect(outliers.record(.connectFailure, endpoint: host, now: .zero) == nil)
        #expect(outliers.record(.response(status: 503), endpoint: host, now: .seconds(1)) == .ejected(host, until: .seconds(31)))
        #expect(outliers.isEjected(host))
        #expect(outliers.available(endpoints.map { ServiceEndpoint(address: $0) }).count == 3)
    }

    @Test("gateway errors count only 502, 503, 504 and local failures")
    func gatewayErrors() {
        var outliers = detector(OutlierDetectionSettings(consecutive5xxErrors: 0, consecutiveGatewayErrors: 2, maxEjectionPercent: 100))
        let host = endpoints[1]
        #expect(outliers.record(.response(status: 502), endpoint: host, now: .zero) == nil)
        #expect(outliers.record(.response(status: 500), endpoint: host, now: .zero) == nil)
        #expect(outliers.record(.perTryTimeout, endpoint: host, now: .zero) == nil)
        guard case .ejected = outliers.record(.reset, endpoint: host, now: .zero) else {
            Issue.record("expected an ejection")
            return
        }
    }

    @Test("re-admission at the first sweep after the ejection time; the next ejection lasts longer")
    func readmission() {
        var outliers = detector(OutlierDetectionSettings(consecutive5xxErrors: 1, interval: .seconds(10),
                                                         baseEjectionTime: .seconds(30), maxEjectionPercent: 100))
        let host = endpoints[2]
        #expect(outliers.record(.response(status: 500), endpoint: host, now: .zero) == .ejected(host, until: .seconds(30)))
        #expect(outliers.sweep(now: .seconds(20)) == [])
        #expect(outliers.sweep(now: .seconds(30)) == [host])
        #expect(!outliers.isEjected(host))
        #expect(outliers.record(.response(status: 500), endpoint: host, now: .seconds(35)) == .ejected(host, until: .seconds(95)))
        #expect(outliers.ejectionCount(host) == 2)
        #expect(outliers.sweep(now: .seconds(100)) == [host])
        _ = outliers.sweep(now: .seconds(110))
        #expect(outliers.ejectionCount(host) == 1, "a healthy sweep lowers the multiplier")
    }

    @Test("maxEjectionPercent bounds ejections, but one host may always go")
    func maxPercent() {
        var outliers = detector(OutlierDetectionSettings(consecutive5xxErrors: 1, maxEjectionPercent: 50))
        #expect(outliers.record(.response(status: 500), endpoint: endpoints[0], now: .zero) != nil)
        guard case .ejected = outliers.record(.response(status: 500), endpoint: endpoints[1], now: .zero) else {
            Issue.record("2 of 4 is within 50%")
            return
        }
        #expect(outliers.record(.response(status: 500), endpoint: endpoints[2], now: .zero) == .ejectionSkipped(endpoints[2]))
        #expect(outliers.ejectedEndpoints == [endpoints[0], endpoints[1]])

        var strict = detector(OutlierDetectionSettings(consecutive5xxErrors: 1, maxEjectionPercent: 0))
        guard case .ejected = strict.record(.response(status: 500), endpoint: endpoints[3], now: .zero) else {
            Issue.record("one host may always be ejected")
            return
        }
    }

    @Test("endpoint set changes keep known state")
    func update() {
        var outliers = detector(OutlierDetectionSettings(consecutive5xxErrors: 1, maxEjectionPercent: 100))
        _ = outliers.record(.response(status: 500), endpoint: endpoints[0], now: .zero)
        outliers.update(endpoints: [endpoints[0], HostPort(host: "10.0.0.9", port: 80)])
        #expect(outliers.isEjected(endpoints[0]))
        #expect(outliers.record(.response(status: 500), endpoint: endpoints[1], now: .zero) == nil, "no longer tracked")
    }
}
