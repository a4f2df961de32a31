/// 64-bit FNV-1a: tiny, allocation-free and stable across processes (Swift's `Hasher`
/// is seeded per process, so it cannot key anything persisted).
public struct FNV1a: Sendable {
    public var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    @inlinable public mutating func add(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    public mutating func add(_ string: String) {
        for byte in string.utf8 { add(byte: byte) }
    }

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes { add(byte: byte) }
    }
}
