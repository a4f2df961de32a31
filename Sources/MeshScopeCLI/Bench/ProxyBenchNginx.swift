import Foundation

/// nginx as `bench proxy`'s reference: a plain keep-alive reverse proxy to the same
/// upstream, in the foreground under its own prefix, logging each request to a file like
/// the MeshScope proxy does.
enum ProxyBenchNginx {
    static let executable = "/usr/sbin/nginx"

    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    /// Writes the configuration into `directory` and starts nginx's master; its workers are
    /// its children (their CPU is summed from /proc).
    static func start(directory: String, listenPort: Int, upstreamPort: Int, workers: Int) throws -> ProxyBenchChild {
        let prefix = (directory as NSString).appendingPathComponent("nginx")
        try FileManager.default.createDirectory(atPath: prefix + "/logs", withIntermediateDirectories: true)
        let configPath = prefix + "/nginx.conf"
        try config(prefix: prefix, listenPort: listenPort, upstreamPort: upstreamPort, workers: workers)
            .write(toFile: configPath, atomically: true, encoding: .utf8)
        return try ProxyBenchChild(
            name: "nginx", executable: executable,
            arguments: ["-p", prefix, "-c", configPath, "-g", "daemon off; pid \(prefix)/nginx.pid;"],
            logPath: (directory as NSString).appendingPathComponent("nginx.log"))
    }

    /// keepalive_requests raised on both sides: the default (1000) would close the bench's
    /// keep-alive connections, which the MeshScope proxy never does.
    static func config(prefix: String, listenPort: Int, upstreamPort: Int, workers: Int) -> String {
        """
        worker_processes \(workers);
        error_log \(prefix)/logs/error.log warn;
        events { worker_connections 4096; }
        http {
            access_log \(prefix)/logs/access.log;
            client_body_temp_path \(prefix)/client_body;
            proxy_temp_path \(prefix)/proxy;
            fastcgi_temp_path \(prefix)/fastcgi;
            uwsgi_temp_path \(prefix)/uwsgi;
            scgi_temp_path \(prefix)/scgi;
            keepalive_requests 10000000;
            keepalive_timeout 300s;
            upstream upstream_bench {
                server 127.0.0.1:\(upstreamPort);
                keepalive 64;
                keepalive_requests 10000000;
            }
            server {
                listen 127.0.0.1:\(listenPort);
                location / {
                    proxy_pass http://upstream_bench;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                }
            }
        }

        """
    }
}
