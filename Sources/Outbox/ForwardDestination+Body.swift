import RemoteWrite

extension ForwardDestination {
    /// One request's body from queued payloads, in queue order.
    func body(_ items: [OutboxItem]) -> [UInt8] {
        switch format {
        case .remoteWrite:
            // Protobuf messages concatenate: the fragments form one WriteRequest.
            var request: [UInt8] = []
            request.reserveCapacity(items.reduce(0) { $0 + $1.payload.count })
            for item in items { request += item.payload }
            return Snappy.compress(request)
        case .zipkinProto3:
            return items.flatMap(\.payload)
        case .zipkinJSON:
            // Each payload is span objects joined by commas, without the brackets.
            var list: [UInt8] = [UInt8(ascii: "[")]
            for (index, item) in items.enumerated() {
                if index > 0 { list.append(UInt8(ascii: ",")) }
                list += item.payload
            }
            list.append(UInt8(ascii: "]"))
            return list
        case .lokiJSON:
            // Each payload is stream objects joined by commas.
            var push = Array(#"{"streams":["#.utf8)
            for (index, item) in items.enumerated() {
                if index > 0 { push.append(UInt8(ascii: ",")) }
                push += item.payload
            }
            push += Array("]}".utf8)
            return push
        }
    }

    /// The protocol's headers: remote write 1.0 requires these four.
    var protocolHeaders: [(String, String)] {
        switch format {
        case .remoteWrite:
            [("Content-Type", "application/x-protobuf"), ("Content-Encoding", "snappy"),
             ("X-Prometheus-Remote-Write-Version", "0.1.0")]
        case .zipkinJSON, .lokiJSON:
            [("Content-Type", "application/json")]
        case .zipkinProto3:
            [("Content-Type", "application/x-protobuf")]
        }
    }
}
