import Hummingbird

/// The URL query of a Zipkin API request, read as Armeria's `@Param` does for the
/// annotated methods of `ZipkinQueryApiV2`: an empty value is absent, a number that does
/// not parse is a 400 naming the parameter.
struct ZipkinParameters: Sendable {
    let query: String

    init(_ request: Request) {
        query = request.uri.query ?? ""
    }

    init(query: String) {
        self.query = query
    }

    /// The first non-empty value of `name`.
    func string(_ name: String) -> String? {
        FederationRoute.formValues(of: name, in: query).first { !$0.isEmpty }
    }

    func required(_ name: String) throws(ZipkinError) -> String {
        guard let value = string(name) else { throw .missing(name) }
        return value
    }

    func int64(_ name: String) throws(ZipkinError) -> Int64? {
        guard let text = string(name) else { return nil }
        guard let value = Int64(text.trimmingCharacters(in: .whitespaces)) else {
            throw .badRequest("invalid \(name): \"\(text)\" is not a whole number")
        }
        return value
    }

    func int(_ name: String) throws(ZipkinError) -> Int? {
        guard let value = try int64(name) else { return nil }
        guard let narrowed = Int(exactly: value), narrowed <= Int(Int32.max) else {
            throw .badRequest("invalid \(name): \(value) is out of range")
        }
        return narrowed
    }

    /// `traceIds=a,b,c` (also repeated `traceIds=`): trimmed, lowercased, empties and
    /// duplicates dropped, request order kept.
    func traceIDs() throws(ZipkinError) -> [String] {
        let values = FederationRoute.formValues(of: "traceIds", in: query)
        if values.isEmpty { throw .missing("traceIds") }
        var ids: [String] = []
        for part in values.flatMap({ $0.split(separator: ",") }) {
            let id = part.trimmingCharacters(in: .whitespaces).lowercased()
            if !id.isEmpty && !ids.contains(id) { ids.append(id) }
            if ids.count > 1000 { throw .badRequest("traceIds: at most 1000 ids per request") }
        }
        if ids.isEmpty { throw .badRequest("traceIds parameter is empty") }
        return ids
    }
}
