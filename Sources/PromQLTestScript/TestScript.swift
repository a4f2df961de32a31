/// One command of a script, in file order.
public enum ScriptCommand: Sendable, Hashable {
    case load(LoadCommand)
    case clear(line: Int)
    case eval(EvalCommand)

    /// 1-based line the command starts on.
    public var line: Int {
        switch self {
        case .load(let load): load.line
        case .clear(let line): line
        case .eval(let eval): eval.line
        }
    }
}

/// A parsed `.test` file.
public struct TestScript: Sendable, Hashable {
    /// The name reports use, e.g. `aggregators.test`.
    public var file: String
    public var commands: [ScriptCommand]

    public init(file: String, commands: [ScriptCommand]) {
        self.file = file
        self.commands = commands
    }

    /// Reads a script. Query text is kept exactly as written for the engine to parse;
    /// everything else (times, series, expectations) is checked here.
    public static func parse(_ text: String, file: String) throws(ScriptError) -> TestScript {
        var reader = ScriptReader(text: text, file: file)
        return TestScript(file: file, commands: try reader.readCommands())
    }

    public var evals: [EvalCommand] {
        commands.compactMap { command in
            if case .eval(let eval) = command { return eval }
            return nil
        }
    }

    public var loads: [LoadCommand] {
        commands.compactMap { command in
            if case .load(let load) = command { return load }
            return nil
        }
    }
}
