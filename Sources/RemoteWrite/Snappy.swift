/// Snappy's block format (not the framing format), as Prometheus remote write sends it:
/// a varint uncompressed length, then literals and back-references.
public enum Snappy {
    /// Compresses `input` as one snappy block stream, 64 KiB fragments as the reference does.
    public static func compress(_ input: [UInt8]) -> [UInt8] {
        SnappyCompressor.compress(input)
    }

    /// Decompresses a block stream whose declared length is at most `maxLength` bytes
    /// (the guard against decompression bombs); validates every tag.
    public static func decompress(_ input: [UInt8], maxLength: Int) throws(SnappyError) -> [UInt8] {
        try SnappyDecompressor.decompress(input, maxLength: maxLength)
    }

    /// The uncompressed length a stream declares, without decompressing it.
    public static func uncompressedLength(_ input: [UInt8]) throws(SnappyError) -> Int {
        var i = 0
        return try SnappyDecompressor.preamble(input, &i)
    }

    /// The most bytes `compress` can produce for `count` input bytes.
    public static func maxCompressedLength(_ count: Int) -> Int {
        SnappyCompressor.maxCompressedLength(count)
    }
}
