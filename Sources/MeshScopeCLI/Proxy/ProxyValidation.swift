import Foundation
import MeshPolicy

/// `meshscope proxy --validate FILE...`: every file judged on its own, as the examples'
/// README asks (a subset defined in another file is a warning there), or, with
/// `--together`, the files as one configuration (the ProxyConfig document required, a
/// subset no DestinationRule defines an error). Findings print one a line, as
/// `file:line:col: severity: kind name (document n): path: message`.
enum ProxyValidation {
    struct Outcome {
        var errors = 0
        var warnings = 0
        var lines: [String] = []
    }

    static func run(files: [String], together: Bool) -> Outcome {
        let loaded = files.map { PolicyLoader.load(path: $0) }
        var outcome = Outcome()
        let judged: [(String, Validation)] = together
            ? [(files.joined(separator: ", "), PolicyValidator.validate(loaded, scope: .wholeConfig))]
            : zip(files, loaded).map { ($0, PolicyValidator.validate([$1], scope: .singleFile)) }
        for (name, validation) in judged {
            for finding in validation.findings { outcome.lines.append(finding.description) }
            outcome.errors += validation.errors.count
            outcome.warnings += validation.warnings.count
            outcome.lines.append("\(name): \(validation.errors.count) errors, \(validation.warnings.count) warnings"
                + (validation.hasErrors ? " (not applied)" : ""))
        }
        return outcome
    }
}
