import Foundation
import Testing
@testable import MeshPolicy

/// The examples folder's README: every file, validated on its own, has no error (a
/// subset defined elsewhere is a warning), and nothing crashes.
@Suite("Istio examples folder")
struct ExamplesConformanceTests {
    @Test("every example file validates on its own without errors")
    func everyFileWithoutErrors() throws {
        let names = try IstioExamples.fileNames()
        #expect(names.count == 65, "expected the 65 example files (66 with the README), found \(names.count)")
        var warningsByKind: [String: Int] = [:]
        var documents = 0
        for name in names {
            let file = PolicyLoader.load(path: IstioExamples.directory.appendingPathComponent(name).path)
            documents += file.documents.count
            let validation = PolicyValidator.validate([file], scope: .singleFile)
            #expect(validation.errors.isEmpty, "\(name):\n\(validation.errors.map(\.description).joined(separator: "\n"))")
            #expect(!file.documents.isEmpty, "\(name) yielded no documents")
            if ProcessInfo.processInfo.environment["MESHPOLICY_PRINT_FINDINGS"] != nil {
                print(validation)
            }
            for warning in validation.warnings {
                warningsByKind[warning.kind ?? "(file)", default: 0] += 1
            }
        }
        let summary = warningsByKind.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        print("istio-examples: \(names.count) files, \(documents) documents, 0 errors; warnings by kind: \(summary)")
    }

    @Test("other kinds are reported as not applied, naming the kind")
    func otherKindsNotApplied() throws {
        let path = IstioExamples.directory.appendingPathComponent("002-08-gateway-virtualservice.yaml").path
        let validation = PolicyValidator.validate([PolicyLoader.load(path: path)], scope: .singleFile)
        let notApplied = findings(validation, containing: "is not applied")
        #expect(notApplied.count == 1)
        #expect(notApplied.first?.message.contains("Gateway") == true)
        #expect(notApplied.first?.severity == .warning)
        // The VirtualService there is bound to my-gateway only.
        #expect(findings(validation, containing: "does not apply to the sidecar").count == 1)
    }

    @Test("a subset defined by no rule in the same file is a warning on its own")
    func subsetWarningInSingleFile() throws {
        let path = IstioExamples.directory.appendingPathComponent("002-04-virtualservice.yaml").path
        let validation = PolicyValidator.validate([PolicyLoader.load(path: path)], scope: .singleFile)
        let subsets = findings(validation, containing: "is not defined by any DestinationRule")
        #expect(subsets.count == 6)
        #expect(subsets.allSatisfy { $0.severity == .warning })
        #expect(subsets.first?.path == "spec.http[0].route[0].destination.subset")
    }
}
