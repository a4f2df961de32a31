import Foundation

/// The demo's user-facing lines on stdout, written at once (unbuffered) so progress shows
/// as it happens also when stdout is a file or a pipe.
enum DemoConsole {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
