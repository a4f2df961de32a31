/// Runs a decoder over an array's storage without copying, keeping the typed error:
/// the `[UInt8]` entry points of both decoders are this plus their buffer versions.
enum SpanBytes {
    static func withBuffer<T>(_ bytes: [UInt8],
                              _ body: (UnsafeBufferPointer<UInt8>) throws(SpanDecodingError) -> T)
        throws(SpanDecodingError) -> T {
        let result: Result<T, SpanDecodingError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(SpanDecodingError) { return .success(try body(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
