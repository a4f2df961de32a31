/// Line and column of a character offset, for parse errors of YAML documents (Yams
/// reports problems by Character offset) in the configuration and the proxy's policy.
public enum TextPosition {
    /// 1-based line and column of the character at `offset` (in Characters).
    public static func of(characterOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
