/// A TLS file that parsed but cannot be used (no certificate in it).
struct TLSFileError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
