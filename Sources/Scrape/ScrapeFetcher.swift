import AsyncHTTPClient
import CompressNIO
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import HTTPClientSettings

/// Fetches one exposition body: Prometheus' Accept header, gzip, a byte limit on both
/// the wire and the decompressed body, and a deadline over the whole exchange.
struct ScrapeFetcher: Sendable {
    let client: HTTPClient
    static let accept = "application/openmetrics-text;version=1.0.0;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=0.0.4;q=0.4,*/*;q=0.1"

    func fetch(_ target: ScrapeTarget, userAgent: String) async throws(ScrapeError) -> (body: [UInt8], contentType: String?) {
        var request = HTTPClientRequest(url: target.url)
        request.headers.add(name: "Accept", value: Self.accept)
        request.headers.add(name: "Accept-Encoding", value: "gzip")
        request.headers.add(name: "User-Agent", value: userAgent)
        request.headers.add(name: "X-Prometheus-Scrape-Timeout-Seconds", value: String(Double(target.timeoutMilliseconds) / 1000))
        do {
            if let authorization = try target.auth.header() { request.headers.add(name: "Authorization", value: authorization) }
        } catch {
            throw ScrapeError.clientSettings("cannot read the scrape credentials: \(error)")
        }
        if let tls = target.tls { request.tlsConfiguration = try Self.configuration(tls) }
        let timeout = TimeAmount.milliseconds(target.timeoutMilliseconds)
        let prepared = request
        let client = self.client
        do {
            return try await withThrowingTaskGroup(of: (body: [UInt8], contentType: String?).self) { group in
                group.addTask {
                    let response = try await client.execute(prepared, timeout: timeout)
                    guard response.status == .ok else { throw ScrapeError.http(status: Int(response.status.code)) }
                    var body: ByteBuffer
                    do {
                        body = try await response.body.collect(upTo: target.maxBodyBytes)
                    } catch is NIOTooManyBytesError {
                        throw ScrapeError.bodyTooLarge(limit: target.maxBodyBytes)
                    }
                    if response.headers["Content-Encoding"].contains(where: { $0.lowercased() == "gzip" }) {
                        do {
                            body = try body.decompress(with: .gzip(), maxSize: target.maxBodyBytes)
                        } catch let error as CompressNIOError where error == .bufferOverflow {
                            throw ScrapeError.bodyTooLarge(limit: target.maxBodyBytes)
                        } catch {
                            throw ScrapeError.decompression("\(error)")
                        }
                    }
                    return (Array(body.readableBytesView), response.headers["Content-Type"].first)
                }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(target.timeoutMilliseconds))
                    throw ScrapeError.timeout(target.timeoutMilliseconds)
                }
                defer { group.cancelAll() }
                return try await group.next()!
            }
        } catch let error as ScrapeError {
            throw error
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw ScrapeError.timeout(target.timeoutMilliseconds)
        } catch {
            throw ScrapeError.transport("\(error)")
        }
    }

    /// The job's `tls_config` as NIOSSL's: files are read at each scrape, so rotated
    /// certificates apply to the next one.
    static func configuration(_ tls: ClientTLS) throws(ScrapeError) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        do {
            if tls.insecureSkipVerify {
                configuration.certificateVerification = .none
            } else if let caFile = tls.caFile {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            }
            if let certFile = tls.certFile, let keyFile = tls.keyFile {
                configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(certFile).map { .certificate($0) }
                configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: keyFile, format: .pem))
            }
        } catch {
            throw ScrapeError.clientSettings("cannot read tls_config files: \(error)")
        }
        return configuration
    }
}
