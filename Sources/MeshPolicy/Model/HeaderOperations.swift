/// Istio's `Headers`: changes to the request before forwarding and to the response
/// before returning it.
public struct HeaderOperations: Sendable, Hashable {
    public struct Changes: Sendable, Hashable {
        /// Replace (or add) these headers.
        public var `set`: [String: String]
        /// Append these values.
        public var add: [String: String]
        public var remove: [String]

        public init(set: [String: String] = [:], add: [String: String] = [:], remove: [String] = []) {
            self.set = set
            self.add = add
            self.remove = remove
        }

        public var isEmpty: Bool { self.set.isEmpty && add.isEmpty && remove.isEmpty }

        /// Applies the changes to a header list (names compared case-insensitively).
        public func apply(to headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
            let dropped = Set(remove.map { $0.lowercased() }).union(set.keys.map { $0.lowercased() })
            var out = headers.filter { !dropped.contains($0.name.lowercased()) }
            out += set.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
            out += add.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
            return out
        }

        /// These changes followed by `later` ones.
        func then(_ later: Changes) -> Changes {
            Changes(set: set.merging(later.set) { $1 }, add: add.merging(later.add) { $1 },
                    remove: remove + later.remove)
        }
    }

    public var request: Changes
    public var response: Changes

    public init(request: Changes = Changes(), response: Changes = Changes()) {
        self.request = request
        self.response = response
    }

    public var isEmpty: Bool { request.isEmpty && response.isEmpty }

    /// Route-level operations followed by a destination's own.
    public func then(_ later: HeaderOperations) -> HeaderOperations {
        HeaderOperations(request: request.then(later.request), response: response.then(later.response))
    }
}
