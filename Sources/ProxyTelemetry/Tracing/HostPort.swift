/// Splits `10.0.0.1:9080`, `[::1]:9080` or a bare address into host and port.
struct HostPort: Hashable {
    var host: String
    var port: Int?

    init(_ text: String) {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            port = rest.hasPrefix(":") ? Int(rest.dropFirst()) : nil
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            host = String(text[..<colon])
            port = Int(text[text.index(after: colon)...])
        } else {
            host = text
            port = nil
        }
    }
}
