/// An error text without a position, from helpers that parse one token; the parser
/// attaches the token's position.
struct ParseMessage: Error {
    let text: String

    init(_ text: String) { self.text = text }
}
