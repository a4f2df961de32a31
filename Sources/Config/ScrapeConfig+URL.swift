extension ScrapeConfig {
    /// The URL to scrape `target` at: `<scheme>://<target><metrics_path>?<params>`.
    /// Parameters are sorted by name and percent-encoded, as Go's `url.Values`
    /// encodes them in Prometheus, so both produce the same URL.
    public func scrapeURL(target: String) -> String {
        var url = "\(scheme.rawValue)://\(target)\(metricsPath)"
        let query = queryString
        if !query.isEmpty {
            url += metricsPath.contains("?") ? "&" : "?"
            url += query
        }
        return url
    }

    /// `params` as a query string without the leading `?`; empty when there are none.
    public var queryString: String {
        params.keys.sorted().flatMap { name in
            (params[name] ?? []).map { "\(Self.percentEncode(name))=\(Self.percentEncode($0))" }
        }.joined(separator: "&")
    }

    /// Keeps RFC 3986 unreserved bytes, encodes everything else, space as `+`
    /// (form encoding, which is what `url.Values.Encode` produces).
    static func percentEncode(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5a, 0x61...0x7a, 0x30...0x39, 0x2d, 0x2e, 0x5f, 0x7e:
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case 0x20:
                out += "+"
            default:
                out += "%" + hexDigit(byte >> 4) + hexDigit(byte & 0x0f)
            }
        }
        return out
    }

    private static func hexDigit(_ nibble: UInt8) -> String {
        String(UnicodeScalar(nibble < 10 ? 0x30 + nibble : 0x41 + nibble - 10))
    }
}
