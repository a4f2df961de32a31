import Testing
@testable import MeshPolicy

@Suite("Load balancers")
struct BalancerTests {
    let endpoints = [endpoint(1), endpoint(2), endpoint(3)]

    @Test("round robin takes endpoints in turn")
    func roundRobin() {
        var balancer = RoundRobinBalancer()
        let picks = (0..<6).compactMap { _ in balancer.pick(from: endpoints)?.address.port }
        #expect(picks == [1, 2, 3, 1, 2, 3])
        #expect(balancer.pick(from: []) == nil)
    }

    @Test("random spreads evenly")
    func random() {
        var random = SeededRandomGenerator(seed: 11)
        var counts: [Int: Int] = [:]
        for _ in 0..<9000 {
            counts[RandomBalancer().pick(from: endpoints, using: &random)!.address.port, default: 0] += 1
        }
        #expect(counts.values.allSatisfy { abs($0 - 3000) < 200 })
    }

    @Test("least request avoids the busier endpoint of each pair")
    func leastRequest() {
        var balancer = LeastRequestBalancer()
        var random = SeededRandomGenerator(seed: 2)
        for _ in 0..<5 { balancer.requestStarted(at: endpoint(1).address) }
        let twoEndpoints = [endpoint(1), endpoint(2)]
        for _ in 0..<100 {
            #expect(balancer.pick(from: twoEndpoints, using: &random)?.address.port == 2)
        }
        for _ in 0..<5 { balancer.requestFinished(at: endpoint(1).address) }
        #expect(balancer.activeRequests(at: endpoint(1).address) == 0)
        let picks = Set((0..<100).compactMap { _ in balancer.pick(from: twoEndpoints, using: &random)?.address.port })
        #expect(picks == [1, 2])
    }

    @Test("consistent hash is sticky per header value and moves little when an endpoint leaves")
    func consistentHash() {
        var balancer = ConsistentHashBalancer(headerName: "X-User")
        var random = SeededRandomGenerator(seed: 4)
        let users = (0..<300).map { "user-\($0)" }
        let before = users.map { balancer.pick(from: endpoints, headers: ["x-user": $0], using: &random)!.address.port }
        let again = users.map { balancer.pick(from: endpoints, headers: ["x-user": $0], using: &random)!.address.port }
        #expect(before == again)
        #expect(Set(before) == [1, 2, 3])
        let after = users.map { balancer.pick(from: [endpoint(1), endpoint(2)], headers: ["x-user": $0], using: &random)!.address.port }
        // Keys of the removed endpoint move; of the others, only the few the survivors'
        // extra ring entries take (the ring keeps its minimum size).
        let kept = zip(before, after).filter { $0.0 != 3 }
        let stayed = kept.filter { $0.0 == $0.1 }.count
        #expect(Double(stayed) / Double(kept.count) > 0.8, "\(stayed) of \(kept.count) stayed")
        #expect(after.allSatisfy { $0 != 3 })
    }

    @Test("the policy's balancer is the one used")
    func endpointBalancer() {
        var random = SeededRandomGenerator(seed: 1)
        var roundRobin = EndpointBalancer(.roundRobin)
        #expect((0..<3).compactMap { _ in roundRobin.pick(from: endpoints, using: &random)?.address.port } == [1, 2, 3])
        var hash = EndpointBalancer(.consistentHash(headerName: "x-id", minimumRingSize: 128))
        let first = hash.pick(from: endpoints, headers: ["x-id": "abc"], using: &random)
        #expect((0..<10).allSatisfy { _ in hash.pick(from: endpoints, headers: ["x-id": "abc"], using: &random) == first })
        var least = EndpointBalancer(nil)
        least.requestStarted(at: endpoint(1).address)
        #expect(least.pick(from: [endpoint(1), endpoint(2)], using: &random)?.address.port == 2)
    }
}
