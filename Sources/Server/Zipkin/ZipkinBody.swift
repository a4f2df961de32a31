import Hummingbird

/// Reads a `POST /api/v2/spans` body (`RequestBody`), refusing in Zipkin's words where
/// Zipkin has its own ("Cannot gunzip spans").
enum ZipkinBody {
    static func read(_ request: Request, maxBytes: Int) async throws(ZipkinError) -> [UInt8] {
        do {
            return try await RequestBody.read(request, maxBytes: maxBytes)
        } catch .cannotGunzip(let detail) {
            throw .badRequest("Cannot gunzip spans" + (detail.map { ": \($0)" } ?? ""))
        } catch {
            throw ZipkinError(error.status, error.message)
        }
    }
}
