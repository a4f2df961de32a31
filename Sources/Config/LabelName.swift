/// The label-name rule of the Prometheus data model, applied to every label a
/// config file can set (external labels, static target labels).
enum LabelName {
    /// `[a-zA-Z_][a-zA-Z0-9_]*`.
    static func isValid(_ name: String) -> Bool {
        guard let first = name.utf8.first, isLetterOrUnderscore(first) else { return false }
        return name.utf8.dropFirst().allSatisfy { isLetterOrUnderscore($0) || (0x30...0x39).contains($0) }
    }

    /// Names starting with `__` are reserved for internal use (`__name__` above all):
    /// without relabeling they would either be dropped or rename every series.
    static func isReserved(_ name: String) -> Bool {
        name.hasPrefix("__")
    }

    static func validate(_ name: String, at key: ConfigNode) throws(ConfigError) {
        if !isValid(name) {
            throw key.error("\"\(name)\" is not a valid label name (must match [a-zA-Z_][a-zA-Z0-9_]*)")
        }
        if isReserved(name) {
            throw key.error("label name \"\(name)\" is reserved (names starting with \"__\" are internal)")
        }
    }

    private static func isLetterOrUnderscore(_ byte: UInt8) -> Bool {
        (0x61...0x7a).contains(byte) || (0x41...0x5a).contains(byte) || byte == 0x5f
    }
}
