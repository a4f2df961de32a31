import Crypto
import Foundation
import Logging
import X509

/// The root on disk: `<dir>/root-cert.pem` and `<dir>/root-key.pem` (mode 0600, the
/// directory 0700). Created on first start, loaded afterwards.
public enum CAStore {
    public static let certificateFile = "root-cert.pem"
    public static let keyFile = "root-key.pem"

    /// Loads the root from `directory`, or makes and saves one when neither file exists.
    public static func loadOrCreate(directory: URL, trustDomain: String, defaultTTL: Duration,
                                    logger: Logger = Logger(label: "meshscope.ca")) throws -> CertificateAuthority {
        let fm = FileManager.default
        let certURL = directory.appendingPathComponent(certificateFile)
        let keyURL = directory.appendingPathComponent(keyFile)
        let haveCert = fm.fileExists(atPath: certURL.path)
        let haveKey = fm.fileExists(atPath: keyURL.path)
        if haveCert && haveKey {
            do {
                let certificate = try Certificate(pemEncoded: String(contentsOf: certURL, encoding: .utf8))
                let key = try P256.Signing.PrivateKey(pemRepresentation: String(contentsOf: keyURL, encoding: .utf8))
                guard certificate.publicKey == Certificate.PublicKey(key.publicKey) else {
                    throw CAError.storage("\(keyFile) does not match \(certificateFile)")
                }
                logger.info("mesh CA root loaded", metadata: ["dir": "\(directory.path)",
                                                             "notAfter": "\(certificate.notValidAfter)"])
                return CertificateAuthority(rootCertificate: certificate, rootKey: Certificate.PrivateKey(key),
                                            trustDomain: trustDomain, defaultTTL: defaultTTL)
            } catch let error as CAError {
                throw error
            } catch {
                throw CAError.storage("cannot read the root in \(directory.path): \(error)")
            }
        }
        if haveCert != haveKey {
            throw CAError.storage("only one of \(certificateFile) and \(keyFile) exists in \(directory.path)")
        }
        let key = P256.Signing.PrivateKey()
        let (certificate, _) = try CertificateAuthority.makeRoot(trustDomain: trustDomain, key: key)
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true,
                                   attributes: [.posixPermissions: 0o700])
            // The key file is created with 0600 before any byte is written.
            guard fm.createFile(atPath: keyURL.path, contents: Data(key.pemRepresentation.utf8),
                                attributes: [.posixPermissions: 0o600]) else {
                throw CAError.storage("cannot create \(keyURL.path)")
            }
            try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyURL.path)
            try certificate.serializeAsPEM().pemString.write(to: certURL, atomically: true, encoding: .utf8)
        } catch let error as CAError {
            throw error
        } catch {
            throw CAError.storage("cannot write the root to \(directory.path): \(error)")
        }
        logger.info("mesh CA root created", metadata: ["dir": "\(directory.path)", "trustDomain": "\(trustDomain)"])
        return CertificateAuthority(rootCertificate: certificate, rootKey: Certificate.PrivateKey(key),
                                    trustDomain: trustDomain, defaultTTL: defaultTTL)
    }
}
