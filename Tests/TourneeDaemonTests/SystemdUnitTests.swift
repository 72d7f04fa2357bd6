import Foundation
import TestSupport
import Testing

/// The shipped units pass `systemd-analyze verify` (systemd 252) with nothing to say but the
/// expected notice for binaries not installed on the build machine; it exits 0 on warnings, so
/// the output is what is checked.
struct SystemdUnitTests {
    static let folder = Repository.url("systemd").path
    static let expectedNotices = [
        "tourneed.service: Command /usr/local/bin/tourneed is not executable: No such file or directory"
    ]

    private func verify(_ paths: [String]) throws -> [String] {
        guard let analyzer = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first(where: FileManager.default.isExecutableFile) else {
            throw SupportError("systemd-analyze is missing: apt-get install -y systemd")
        }
        let result = try ChildRun.toEnd(
            executable: analyzer, arguments: ["verify"] + paths,
            environment: ["PATH": "/usr/bin:/bin", "SYSTEMD_LOG_COLOR": "0"])
        let text = String(decoding: result.stdout + result.stderr, as: UTF8.self)
        return text.split(separator: "\n").map(String.init).filter { !Self.expectedNotices.contains($0) }
    }

    @Test func shippedUnitsVerifyCleanly() throws {
        let units = ["tourneed.service", "tournee-backup.service", "tournee-backup.timer"].map { Self.folder + "/" + $0 }
        #expect(try verify(units) == [])
        let service = try String(contentsOfFile: Self.folder + "/tourneed.service", encoding: .utf8)
        for line in [
            "Type=notify", "ExecReload=/bin/kill -HUP $MAINPID", "User=tournee", "StateDirectory=tournee", "WatchdogSec=120s",
            "Restart=on-failure", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes",
            "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6", "SystemCallFilter=@system-service",
        ] {
            #expect(service.split(separator: "\n").contains(Substring(line)), "missing \(line)")
        }
    }

    @Test func theCheckCatchesAMistypedKey() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-unit")
        defer { directory.remove() }
        let folder = directory.path
        let service = try String(contentsOfFile: Self.folder + "/tourneed.service", encoding: .utf8)
        try service.replacingOccurrences(of: "ProtectHome=yes", with: "ProtectHomes=yes")
            .write(toFile: folder + "/tourneed.service", atomically: true, encoding: .utf8)
        let complaints = try verify([folder + "/tourneed.service"])
        #expect(complaints.contains { $0.contains("ProtectHomes") }, "\(complaints)")
    }
}
