/// Cuts the bytes of one file, read in arbitrary chunks, into complete lines.
///
/// It keeps at most `maxLineBytes` bytes of the line still waiting for its newline. A longer
/// line is not kept: the assembler only counts its bytes until the newline and then reports
/// it as skipped, so memory stays bounded whatever the file holds.
struct LineAssembler: Sendable {
    /// A line dropped for being longer than `maxLineBytes`: where it starts in the file and
    /// its length without the newline.
    typealias SkippedLine = (start: Int64, length: Int)

    private static let newline = UInt8(ascii: "\n")

    let maxLineBytes: Int
    /// File offset of the first byte of the line being assembled. Every byte before it has
    /// been returned as a line or reported as skipped.
    private(set) var lineStart: Int64
    /// The bytes of the current line read so far, while it still fits in `maxLineBytes`.
    private var partial: [UInt8] = []
    /// The length of the current line read so far once it is known to be too long.
    private var skippedLength: Int?

    init(maxLineBytes: Int, lineStart: Int64) {
        self.maxLineBytes = maxLineBytes
        self.lineStart = lineStart
    }

    /// File offset of the next byte to read: `lineStart` plus what is held of the current line.
    var position: Int64 {
        lineStart + Int64(skippedLength ?? partial.count)
    }

    /// Whether bytes of an unfinished line have been read.
    var hasPartialLine: Bool {
        position > lineStart
    }

    /// Appends the lines that `chunk` (the bytes at `position`) completes.
    mutating func consume(_ chunk: [UInt8], lines: inout [[UInt8]], skipped: inout [SkippedLine]) {
        var index = chunk.startIndex
        while let newline = chunk[index...].firstIndex(of: Self.newline) {
            append(chunk[index..<newline])
            endLine(lines: &lines, skipped: &skipped)
            // The newline belongs to the line just ended.
            lineStart += 1
            index = newline + 1
        }
        append(chunk[index...])
    }

    /// Ends the current line at the end of the data: for a file that will not grow any more,
    /// its last line is complete even without a newline.
    mutating func finish(lines: inout [[UInt8]], skipped: inout [SkippedLine]) {
        if hasPartialLine {
            endLine(lines: &lines, skipped: &skipped)
        }
    }

    private mutating func append(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty else { return }
        if let length = skippedLength {
            skippedLength = length + bytes.count
        } else if partial.count + bytes.count > maxLineBytes {
            skippedLength = partial.count + bytes.count
            partial = []
        } else {
            partial.append(contentsOf: bytes)
        }
    }

    private mutating func endLine(lines: inout [[UInt8]], skipped: inout [SkippedLine]) {
        let end = position
        if let length = skippedLength {
            skipped.append((start: lineStart, length: length))
        } else {
            lines.append(partial)
        }
        partial = []
        skippedLength = nil
        lineStart = end
    }
}
