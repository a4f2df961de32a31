/// The whole configuration file, validated, with every default filled in.
///
/// Sections are reached through typed properties (`global`, `scrapeConfigs`,
/// `storage`, `traces`, `logs`, `accessLogs`, `limits`, `query`, `server`, `remoteWrite`, `spanForwarding`), each declared next to its section type.
/// Underneath, sections are kept by key so that adding one never touches this
/// file beyond the one line in `sectionTypes`.
public struct MeshScopeConfig: Sendable, Equatable {
    /// Every section, in the order they are decoded and rendered. A section may
    /// rely on those before it (scrape jobs inherit from `global`).
    static var sectionTypes: [any ConfigSection.Type] {
        [
            GlobalConfig.self,
            ScrapeConfigsSection.self,
            StorageConfig.self,
            TracesConfig.self,
            LogsConfig.self,
            AccessLogFilesSection.self,
            LimitsConfig.self,
            QueryConfig.self,
            ServerConfig.self,
            AuthConfig.self,
            ListenerTLSConfig.self,
            ForwardingSection<RemoteWriteConfig>.self,
            ForwardingSection<SpanForwardingConfig>.self,
            ForwardingSection<LogForwardingConfig>.self,
            CAConfig.self,
        ]
    }

    /// Decoded sections by top-level key; an absent key means the section's defaults.
    private var sections: [String: any ConfigSection] = [:]

    /// The configuration of an empty file: every default.
    public init() {}

    subscript<Section: ConfigSection>(section type: Section.Type) -> Section {
        get { sections[Section.key] as? Section ?? Section() }
        set { sections[Section.key] = newValue }
    }

    public static func == (lhs: MeshScopeConfig, rhs: MeshScopeConfig) -> Bool {
        sectionTypes.allSatisfy { $0.isEqual(in: lhs, and: rhs) }
    }
}
