import Foundation

/// Finds the demo's Istio YAML (`Deploy/demo` of the repository) and copies the
/// scenario's files into `DATA_DIR/policy/`, which the sidecars load: the canary rewrites
/// its copy, never the repository's file.
enum DemoPolicy {
    static let repositoryPath = "Deploy/demo"

    /// `explicit` when given; else `Deploy/demo` under the working directory, else under
    /// the first ancestor of the executable that has one (a build tree inside a clone).
    static func locate(explicit: String?) throws -> String {
        let fileManager = FileManager.default
        if let explicit {
            guard fileManager.fileExists(atPath: explicit) else {
                throw CommandFailure("--policy-dir \(explicit) does not exist")
            }
            return explicit
        }
        var candidates = [URL(fileURLWithPath: fileManager.currentDirectoryPath)]
        var directory = URL(fileURLWithPath: DemoCommand.executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory)
            directory.deleteLastPathComponent()
        }
        for candidate in candidates {
            let path = candidate.appendingPathComponent(repositoryPath).path
            if fileManager.fileExists(atPath: path + "/destination-rules.yaml") { return path }
        }
        throw CommandFailure("cannot find \(repositoryPath)/ (the demo's Istio YAML); run from the repository or pass --policy-dir")
    }

    /// Copies the scenario's files into `directory` (replacing earlier copies); returns
    /// their paths in load order.
    static func install(_ scenario: DemoScenario, from source: String, into directory: String) throws -> [String] {
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try scenario.policyFiles.map { name in
            let from = (source as NSString).appendingPathComponent(name)
            let to = (directory as NSString).appendingPathComponent(name)
            guard let text = fileManager.contents(atPath: from) else {
                throw CommandFailure("cannot read \(from)")
            }
            try text.write(to: URL(fileURLWithPath: to), options: .atomic)
            return to
        }
    }
}
