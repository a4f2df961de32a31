extension ProtoReader {
    /// Reads one known field: checks its wire type, runs `read`, and prefixes any error
    /// with the field's path (`timeseries[3].labels[0].name: ...`).
    @inline(__always)
    mutating func field<T>(_ key: UInt64, _ wire: UInt8, at: Int, _ path: @autoclosure () -> String,
                           _ read: (inout ProtoReader) throws(Failure) -> T) throws(Failure) -> T {
        do throws(Failure) {
            try expect(key, wire, at: at)
            return try read(&self)
        } catch {
            throw error.under(path())
        }
    }

    mutating func stringField(_ key: UInt64, at: Int, limit: Int, _ path: String) throws(Failure) -> String {
        try field(key, Self.lengthDelimited, at: at, path) { (r: inout ProtoReader) throws(Failure) in try r.string(limit: limit) }
    }

    mutating func doubleField(_ key: UInt64, at: Int, limit: Int, _ path: String) throws(Failure) -> Double {
        try field(key, Self.fixed64, at: at, path) { (r: inout ProtoReader) throws(Failure) in
            Double(bitPattern: try r.fixed64(limit: limit))
        }
    }

    mutating func int64Field(_ key: UInt64, at: Int, limit: Int, _ path: String) throws(Failure) -> Int64 {
        try field(key, Self.varint, at: at, path) { (r: inout ProtoReader) throws(Failure) in
            Int64(bitPattern: try r.varint(limit: limit))
        }
    }
}
