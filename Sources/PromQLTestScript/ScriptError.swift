/// A problem found while reading a PromQL test script, with the file and the 1-based
/// line it is on. Helpers that see a single line throw it with `line == 0` and the
/// script reader stamps the real position on it (`located(file:line:)`).
public struct ScriptError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String = "", line: Int = 0, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        switch (file.isEmpty, line > 0) {
        case (false, true): "\(file):\(line): \(message)"
        case (false, false): "\(file): \(message)"
        case (true, true): "line \(line): \(message)"
        case (true, false): message
        }
    }

    /// The same error, positioned; a position already set is kept (it is more precise).
    func located(file: String, line: Int) -> ScriptError {
        var copy = self
        if copy.file.isEmpty { copy.file = file }
        if copy.line == 0 { copy.line = line }
        return copy
    }
}
