extension StorageConfig {
    /// What an acknowledged commit survives. Nested so it does not clash with
    /// `Storage.Durability`, which has the same cases and raw values: convert with
    /// `Storage.Durability(rawValue: config.storage.durability.rawValue)`.
    public enum Durability: String, Sendable, Hashable, CaseIterable {
        /// Survives a killed process; the last commits may be lost on power failure.
        /// Commits are not fsynced, which keeps ingestion fast.
        case normal
        /// Survives power loss: every commit is fsynced before it is acknowledged.
        case full
    }
}
