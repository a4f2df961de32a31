import Foundation
import Synchronization

/// One child process of the demo (`meshscope serve`, `proxy` or `demo-service`), its
/// stdout and stderr appended to a log file.
///
/// Spawned with `posix_spawn` in its own process group so that a Ctrl-C at the terminal
/// (SIGINT to the foreground group) reaches only the demo, which then stops the children
/// in order: the collector must outlive the proxies that flush their telemetry to it.
/// Reaped with `waitpid` on its pid alone, so nothing else in the process is disturbed.
final class DemoChild: Sendable {
    let name: String
    let logPath: String
    let pid: pid_t
    /// Set once by whichever caller reaps it.
    private let reaped = Mutex<Int32?>(nil)

    private init(name: String, logPath: String, pid: pid_t) {
        self.name = name
        self.logPath = logPath
        self.pid = pid
    }

    /// Starts `executable ARGS` with stdin from /dev/null and both outputs in `logPath` (emptied first).
    static func spawn(name: String, executable: String, arguments: [String], logPath: String) throws -> DemoChild {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawnattr_setpgroup(&attributes, 0)
        // The demo traps SIGINT/SIGTERM/SIGHUP; children start with default handlers.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var environment = ProcessInfo.processInfo.environment
        environment["LOG_LEVEL"] = nil
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let result = (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
            (envp + [nil]).withUnsafeBufferPointer { envBuffer in
                posix_spawn(&pid, executable, &actions, &attributes,
                            UnsafeMutablePointer(mutating: argvBuffer.baseAddress!),
                            UnsafeMutablePointer(mutating: envBuffer.baseAddress!))
            }
        }
        guard result == 0 else {
            throw CommandFailure("cannot start \(name) (\(executable)): \(String(cString: strerror(result)))")
        }
        return DemoChild(name: name, logPath: logPath, pid: pid)
    }

    /// Nil while it runs; else its exit code (128+N when killed by signal N).
    var exitStatus: Int32? {
        reaped.withLock { reaped in
            if let reaped { return reaped }
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
            let signal = status & 0x7f
            reaped = signal == 0 ? (status >> 8) & 0xff : 128 + signal
            return reaped
        }
    }

    var isRunning: Bool { exitStatus == nil }

    func signal(_ number: Int32) {
        if isRunning { kill(pid, number) }
    }

    /// SIGTERM, then SIGKILL after `grace`; returns the exit status.
    @discardableResult
    func stop(grace: Duration) async -> Int32 {
        signal(SIGTERM)
        let deadline = ContinuousClock.now + grace
        while isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if isRunning {
            kill(pid, SIGKILL)
            while isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        }
        return exitStatus ?? -1
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    func logTail(lines count: Int = 20) -> String {
        log.split(separator: "\n", omittingEmptySubsequences: false).suffix(count).joined(separator: "\n")
    }
}
