import ArgumentParser
import Foundation

/// A runtime failure: the message on one line to stderr, then a non-zero exit.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    let code: Int32

    init(_ description: String, code: Int32 = 1) {
        self.description = description
        self.code = code
    }

    static func fail(_ message: String, code: Int32 = 1) -> ExitCode {
        FileHandle.standardError.write(Data("meshscope: \(message)\n".utf8))
        return ExitCode(code)
    }
}
