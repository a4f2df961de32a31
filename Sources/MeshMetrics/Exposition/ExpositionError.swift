/// A syntax or structure error in an exposition, located by 1-based line and column
/// (column counts bytes, as Prometheus does).
public struct ExpositionError: Error, CustomStringConvertible, Sendable, Hashable {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }

    /// How an offending byte is named in messages: `'}'`, `end of line`, `byte 0xC3`.
    static func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "end of line" }
        if byte >= 0x20 && byte < 0x7f { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte == 0x09 { return "tab" }
        let digits = Array("0123456789ABCDEF")
        return "byte 0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xf)])"
    }
}
