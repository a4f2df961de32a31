/// `--config.expand-env`: `${VAR}` and `${VAR:-default}` in the file text are replaced
/// by the environment before the YAML is parsed (as Loki's and Mimir's
/// `-config.expand-env`), so one file serves every replica of a StatefulSet.
///
/// Only `${NAME}` with NAME an environment-variable name (`[A-Za-z_][A-Za-z0-9_]*`) is
/// expanded: relabel replacements (`$1`, `${1}`) pass through untouched. `$$` is a
/// literal `$`, which is how a named-group reference `${name}` is written (`$${name}`).
/// Lines that are only a comment are left as written, so documenting `${VAR}` in a
/// comment does not break the load (a comment after a value is expanded).
public enum EnvExpansion {
    /// The expanded text; an unset variable without a default, or an unterminated `${`,
    /// is an error at its line and column in the original text.
    public static func expand(_ text: String, environment: [String: String], source: String) throws(ConfigError) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var line = 1, column = 1
        func fail(_ reason: String) -> ConfigError {
            ConfigError(file: source, line: line, column: column, path: "", reason: reason)
        }
        while index < scalars.count {
            if column == 1, let end = commentLineEnd(scalars, from: index) {
                out.append(contentsOf: scalars[index..<end])
                index = end
                continue
            }
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == "$", next == "$" {
                out.append("$")
                index += 2
                column += 2
                continue
            }
            if scalar == "$", next == "{", index + 2 < scalars.count, isNameStart(scalars[index + 2]) {
                guard let close = scalars[(index + 2)...].firstIndex(where: { $0 == "}" || $0 == "\n" }),
                      scalars[close] == "}" else {
                    throw fail("unterminated \"${\" (--config.expand-env; write $$ for a literal $)")
                }
                let body = String(String.UnicodeScalarView(scalars[(index + 2)..<close]))
                let (name, fallback) = split(body)
                guard name.unicodeScalars.allSatisfy(isNameCharacter) else {
                    throw fail("\"${\(body)}\" is not a valid variable reference (--config.expand-env; "
                        + "expected ${NAME} or ${NAME:-default}; write $$ for a literal $)")
                }
                // As in the shell, `:-` also applies to a variable set to the empty string.
                if let value = environment[name], !(value.isEmpty && fallback != nil) {
                    out.append(contentsOf: value.unicodeScalars)
                } else if let fallback {
                    out.append(contentsOf: fallback.unicodeScalars)
                } else {
                    throw fail("environment variable \"\(name)\" is not set (--config.expand-env; "
                        + "use ${\(name):-default} for a default)")
                }
                column += close + 1 - index
                index = close + 1
                continue
            }
            out.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        return String(out)
    }

    /// The index just past a line whose first non-blank character is `#` (its newline
    /// excluded), or nil for any other line.
    private static func commentLineEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        guard index < scalars.count, scalars[index] == "#" else { return nil }
        while index < scalars.count, scalars[index] != "\n" { index += 1 }
        return index
    }

    /// `NAME` or `NAME:-default`.
    private static func split(_ body: String) -> (name: String, fallback: String?) {
        guard let range = body.range(of: ":-") else { return (body, nil) }
        return (String(body[..<range.lowerBound]), String(body[range.upperBound...]))
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || (scalar.isASCII && scalar.properties.isAlphabetic)
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || ("0"..."9").contains(scalar)
    }
}
