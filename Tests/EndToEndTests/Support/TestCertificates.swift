import Foundation

/// A throw-away CA, server and client certificates made with the `openssl` CLI (installed
/// on the build machine; the TLS tests are skipped without it). The server certificate is
/// for `localhost` and `127.0.0.1`; `serial` tells certificates apart after a reload.
enum TestCertificates {
    static let openssl = "/usr/bin/openssl"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: openssl) }

    struct Files {
        let caCert: String
        let caKey: String
    }

    /// `ca.pem`, `ca.key` in `dir`.
    static func makeCA(in dir: String, name: String = "ca") throws -> Files {
        let files = Files(caCert: join(dir, "\(name).pem"), caKey: join(dir, "\(name).key"))
        try run(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                 "-keyout", files.caKey, "-out", files.caCert, "-days", "2", "-subj", "/CN=MeshScope Test CA \(name)",
                 "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        return files
    }

    /// A leaf signed by `ca`, written as `<name>.pem` / `<name>.key` (replacing files
    /// atomically by rename, as a certificate manager would). Returns the cert path.
    @discardableResult
    static func makeLeaf(_ ca: Files, in dir: String, name: String, commonName: String, serial: Int,
                         client: Bool = false, certPath: String? = nil, keyPath: String? = nil) throws -> String {
        let key = join(dir, "\(name)-new.key"), csr = join(dir, "\(name).csr"), cert = join(dir, "\(name)-new.pem")
        let ext = join(dir, "\(name).ext")
        let usage = client ? "extendedKeyUsage=clientAuth" : "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1"
        try Data("basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n\(usage)\n".utf8).write(to: URL(fileURLWithPath: ext))
        try run(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
                 "-out", csr, "-subj", "/CN=\(commonName)"])
        try run(["x509", "-req", "-in", csr, "-CA", ca.caCert, "-CAkey", ca.caKey, "-set_serial", String(serial),
                 "-days", "2", "-extfile", ext, "-out", cert])
        let finalKey = keyPath ?? join(dir, "\(name).key"), finalCert = certPath ?? join(dir, "\(name).pem")
        _ = rename(key, finalKey)
        _ = rename(cert, finalCert)
        return finalCert
    }

    /// Serial (hex, as openssl prints it) and subject of the certificate a new TLS
    /// connection to `port` is shown; nil when the handshake fails.
    static func peerCertificate(port: Int, workDir: String) throws -> (serial: String, subject: String)? {
        let out = try shell("\(openssl) s_client -connect 127.0.0.1:\(port) -servername localhost </dev/null 2>/dev/null "
            + "| \(openssl) x509 -noout -serial -subject", workDir: workDir)
        guard out.status == 0 else { return nil }
        let lines = out.output.split(separator: "\n")
        guard let serial = lines.first(where: { $0.hasPrefix("serial=") }),
              let subject = lines.first(where: { $0.hasPrefix("subject=") }) else { return nil }
        return (String(serial.dropFirst(7)), String(subject.dropFirst(8)))
    }

    static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw E2EFailure("openssl \(arguments.joined(separator: " ")) failed: \(String(decoding: data, as: UTF8.self))")
        }
    }

    /// `/bin/sh -c`, output and exit status.
    static func shell(_ command: String, workDir: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: workDir)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
