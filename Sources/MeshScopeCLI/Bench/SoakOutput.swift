import Foundation

/// Writes the soak's samples as `soak.csv` and its plot as `soak.svg` into a folder.
enum SoakOutput {
    static func write(samples: [SoakSample], to folder: String, title: String) throws {
        let csvPath = (folder as NSString).appendingPathComponent("soak.csv")
        let svgPath = (folder as NSString).appendingPathComponent("soak.svg")
        let csv = ([SoakSample.csvHeader] + samples.map(\.csvLine)).joined(separator: "\n") + "\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: csvPath), options: .atomic)
        try Data(SoakPlot.svg(samples: samples, title: title).utf8).write(to: URL(fileURLWithPath: svgPath), options: .atomic)
        print("soak: wrote \(csvPath) and \(svgPath) (\(samples.count) samples)")
    }
}
