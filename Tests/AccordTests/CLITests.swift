import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `accord` binary (end to end) and gives its exit status and output.
enum CLI {
    struct Result {
        let status: Int32
        let stdout: Data
        let stderr: String
        var out: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The `accord` executable beside the test bundle (`swift test` builds every product), or
    /// `.build/debug/accord` under the package root.
    static let binary: URL = {
        let fm = FileManager.default
        var candidates: [URL] = []
        var bundle = Bundle.main.bundleURL
        for _ in 0..<3 {
            candidates.append(bundle.appendingPathComponent("accord"))
            bundle.deleteLastPathComponent()
        }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("accord"))
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/accord"))
        var isDirectory: ObjCBool = false
        return candidates.first { fm.fileExists(atPath: $0.path, isDirectory: &isDirectory) && !isDirectory.boolValue && fm.isExecutableFile(atPath: $0.path) }
            ?? candidates.last!
    }()

    /// Starts accord; standard output and error go to files (no pipe can fill up and block).
    static func start(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil,
                      environment: [String: String] = [:]) throws -> (Process, URL) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("accord-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let inURL = scratch.appendingPathComponent("stdin")
        try (stdin ?? Data()).write(to: inURL)
        _ = FileManager.default.createFile(atPath: scratch.appendingPathComponent("stdout").path, contents: nil)
        _ = FileManager.default.createFile(atPath: scratch.appendingPathComponent("stderr").path, contents: nil)
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = try FileHandle(forWritingTo: scratch.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: scratch.appendingPathComponent("stderr"))
        try process.run()
        return (process, scratch)
    }

    static func finish(_ process: Process, _ scratch: URL) throws -> Result {
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = try Data(contentsOf: scratch.appendingPathComponent("stdout"))
        let err = try String(contentsOf: scratch.appendingPathComponent("stderr"), encoding: .utf8)
        return Result(status: process.terminationStatus, stdout: out, stderr: err)
    }

    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> Result {
        let (process, scratch) = try start(arguments, stdin: stdin, in: directory, environment: environment)
        return try finish(process, scratch)
    }

    /// A fresh temporary folder, removed by the test's teardown.
    static func temporaryFolder(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("accord-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Every file under `folder` (relative paths, sorted), following no symbolic links.
    static func files(under folder: URL, includingHidden: Bool = true) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var out: [String] = []
        while let relative = e.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(relative).path
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
               attributes[.type] as? FileAttributeType == .typeSymbolicLink { continue }
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            if !includingHidden && relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            out.append(relative)
        }
        return out.sorted()
    }

    /// Temporary files (`.NAME.tmp-PID-RANDOM`) under `folder`.
    static func temporaryFiles(under folder: URL) -> [String] {
        files(under: folder).filter { ($0 as NSString).lastPathComponent.hasPrefix(".") && $0.contains(".tmp-") }
    }

    static func json(_ data: Data) throws -> Any { try JSONSerialization.jsonObject(with: data) }

    /// Runs a system tool (through `/usr/bin/env` unless `executable` names one), optionally in
    /// `directory` with extra `environment`; gives its exit status and what it printed.
    @discardableResult
    static func tool(_ arguments: [String], executable: String = "/usr/bin/env", in directory: URL? = nil,
                     environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("accord-tool-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
    }

    /// A small, real file system (a tmpfs of `kilobytes`) mounted on a fresh folder and unmounted
    /// when the test ends, for writes that fail with ENOSPC. Skips the test, saying why, where
    /// mounting is impossible (not Linux, or neither root nor CAP_SYS_ADMIN); the /dev/full tests
    /// check the messages everywhere.
    static func smallDisk(_ test: XCTestCase, kilobytes: Int) throws -> URL {
        let folder = try temporaryFolder(test)
        let mounted = try tool(["mount", "-t", "tmpfs", "-o", "size=\(kilobytes)k", "accord-test", folder.path])
        guard mounted.status == 0 else {
            throw XCTSkip("cannot mount a \(kilobytes) kB tmpfs to fill up (\(mounted.output.trimmingCharacters(in: .whitespacesAndNewlines))); "
                          + "this needs Linux and root or CAP_SYS_ADMIN (CI runs as root)")
        }
        // Teardown blocks run last-in first-out: unmounted before the folder is removed.
        test.addTeardownBlock { _ = try? tool(["umount", folder.path]) }
        return folder
    }

    /// Whether `path` is a character device (a test that writes to /dev/full or /dev/null must not
    /// run when something on the machine has replaced it with a regular file).
    static func isDevice(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR
    }

    /// Everything readable from `path` (a named pipe: until its writer closes it), or nil.
    static func readToEnd(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return n == 0 ? out : nil }
            out.append(contentsOf: buffer[0..<n])
        }
    }

    /// Skips a test that needs /dev/full to be the device that fails every write with ENOSPC.
    static func requireDevFull() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full here (Linux has it)") }
        guard isDevice("/dev/full") else {
            throw XCTSkip("/dev/full is a regular file on this machine, not the device (restore it as root: mknod -m 666 /dev/full c 1 7)")
        }
    }

    /// Text of about `kilobytes` kB: the first corpus article repeated (its JSON is about 20 times larger).
    static func article(kilobytes: Int) throws -> Data {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try Data(contentsOf: root.appendingPathComponent("corpus/bicentennial-ap.txt"))
        var out = Data()
        while out.count < kilobytes * 1000 { out.append(text) }
        return out
    }
}

/// Bytes handed over from a reader thread.
private final class ReceivedBytes: @unchecked Sendable {
    private let condition = NSCondition()
    private var bytes: Data?
    private var done = false

    func set(_ data: Data?) {
        condition.lock()
        bytes = data
        done = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits (up to a minute) for `set`.
    func wait() -> Data? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: 60)
        while !done && condition.wait(until: deadline) {}
        return bytes
    }
}

/// End-to-end tests of the command line: exit codes, messages, atomic output, formats, JSONL input.
final class CLITests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try CLI.temporaryFolder(self)
    }

    private func write(_ text: String, _ name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testHelpAndVersionExitZero() throws {
        let help = try CLI.run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.out.contains("accord batch DIR -o OUTDIR"), help.out)
        let version = try CLI.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.out.hasPrefix("accord 0."), version.out)
        for command in ["annotate", "batch"] {
            let r = try CLI.run([command, "--help"])
            XCTAssertEqual(r.status, 0, command)
            XCTAssertTrue(r.out.contains("Example"), command)
        }
    }

    func testNoCommandUnknownCommandAndUnknownOptionExitTwoWithUsage() throws {
        let bare = try CLI.run([])
        XCTAssertEqual(bare.status, 2)
        XCTAssertTrue(bare.stderr.contains("Usage:"), bare.stderr)

        let unknown = try CLI.run(["frobnicate"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertEqual(unknown.stderr.split(separator: "\n").first, "accord: error: unknown command 'frobnicate'")
        XCTAssertTrue(unknown.stderr.contains("Usage:"))

        let option = try CLI.run(["annotate", "--frobnicate"])
        XCTAssertEqual(option.status, 2)
        XCTAssertEqual(option.stderr.split(separator: "\n").first, "accord: error: annotate: unknown option '--frobnicate'")
        XCTAssertTrue(option.stderr.contains("Usage: accord annotate"))
        XCTAssertTrue(option.stdout.isEmpty)

        let batch = try CLI.run(["batch", folder.path])
        XCTAssertEqual(batch.status, 2)
        XCTAssertTrue(batch.stderr.hasPrefix("accord: error: batch: missing -o OUTDIR"), batch.stderr)
        XCTAssertTrue(batch.stderr.contains("Usage: accord batch"))
    }

    func testMissingFileExitsTwoNamingIt() throws {
        let missing = folder.appendingPathComponent("no-such-article.txt").path
        let r = try CLI.run(["annotate", missing])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains(missing), r.stderr)
        XCTAssertTrue(r.stdout.isEmpty)
    }

    func testOutputIsWrittenWholeOrNotAtAll() throws {
        let input = try write("Mexico and the United States pledged to curb fentanyl trafficking.\n", "a.txt")
        let target = folder.appendingPathComponent("out.json")
        let ok = try CLI.run(["annotate", input, "-o", target.path])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.isEmpty)
        let document = try XCTUnwrap(CLI.json(Data(contentsOf: target)) as? [String: Any])
        XCTAssertEqual((document["document"] as? [String: Any])?["id"] as? String, "a")

        // A failing run leaves the previous file as it was and no temporary file behind.
        let before = try Data(contentsOf: target)
        let failed = try CLI.run(["annotate", folder.appendingPathComponent("missing.txt").path, "-o", target.path])
        XCTAssertEqual(failed.status, 2)
        XCTAssertEqual(try Data(contentsOf: target), before)
        XCTAssertEqual(CLI.temporaryFiles(under: folder), [])
        XCTAssertEqual(CLI.files(under: folder), ["a.txt", "out.json"])
    }

    /// A full disk under `annotate -o`: exit 2, an error naming the output and saying the disk is
    /// full, the file that was there unchanged and no temporary file left; once there is room, the
    /// same command succeeds. Text and --input jsonl go through the same writer.
    func testFullDiskLeavesTheOutputAsItWasAndNamesIt() throws {
        let disk = try CLI.smallDisk(self, kilobytes: 64)
        let input = folder.appendingPathComponent("long.txt")
        let text = try CLI.article(kilobytes: 10)   // about 200 kB of JSON
        try text.write(to: input)
        let record = try JSONSerialization.data(withJSONObject: ["id": "r", "text": String(decoding: text, as: UTF8.self)])
        let records = Data((0..<3).flatMap { _ in record + Data([0x0A]) })
        let target = disk.appendingPathComponent("out.json")
        try Data("previous\n".utf8).write(to: target)

        for (arguments, stdin) in [(["annotate", input.path, "-o", target.path], nil),
                                   (["annotate", "--input", "jsonl", "-o", target.path], records)] {
            let r = try CLI.run(arguments, stdin: stdin)
            XCTAssertEqual(r.status, 2, r.stderr)
            XCTAssertTrue(r.stderr.contains("\(target.path): writing failed (No space left on device); nothing was written; "
                                            + "the disk is full: free some space and run again"), r.stderr)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
            XCTAssertEqual(try Data(contentsOf: target), Data("previous\n".utf8))
            XCTAssertEqual(CLI.files(under: disk), ["out.json"])
        }

        XCTAssertEqual(try CLI.tool(["mount", "-o", "remount,size=2m", disk.path]).status, 0)
        let roomy = try CLI.run(["annotate", input.path, "-o", target.path])
        XCTAssertEqual(roomy.status, 0, roomy.stderr)
        XCTAssertNoThrow(try CLI.json(Data(contentsOf: target)))
        XCTAssertEqual(CLI.files(under: disk), ["out.json"])
    }

    /// /dev/full fails every write with ENOSPC, with no mounting: the message names the device, or
    /// standard output. /dev/null and other devices are written to, never replaced by a file.
    func testAFullDeviceOrStandardOutputIsNamedAndDevicesStayDevices() throws {
        try CLI.requireDevFull()
        let input = try write("Mexico and the United States pledged to curb fentanyl trafficking.\n", "a.txt")
        let device = try CLI.run(["annotate", input, "-o", "/dev/full"])
        XCTAssertEqual(device.status, 2)
        XCTAssertTrue(device.stderr.contains("accord: error: /dev/full: writing failed (No space left on device); the disk is full"),
                      device.stderr)
        let redirected = try CLI.tool(["sh", "-c", "NO_COLOR=1 \"$0\" annotate \"$1\" > /dev/full", CLI.binary.path, input])
        XCTAssertEqual(redirected.status, 2, redirected.output)
        XCTAssertTrue(redirected.output.contains("accord: error: standard output: writing failed (No space left on device)"),
                      redirected.output)

        // A named pipe is written to, not replaced.
        let pipe = folder.appendingPathComponent("pipe.json")
        XCTAssertEqual(mkfifo(pipe.path, 0o644), 0)
        let received = ReceivedBytes()
        let reader = Thread { received.set(CLI.readToEnd(pipe.path)) }
        reader.start()
        let piped = try CLI.run(["annotate", input, "-o", pipe.path])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertNoThrow(try CLI.json(XCTUnwrap(received.wait())))
        XCTAssertTrue(CLI.isDevice("/dev/full"))
        if CLI.isDevice("/dev/null") {
            let null = try CLI.run(["annotate", input, "-o", "/dev/null"])
            XCTAssertEqual(null.status, 0, null.stderr)
            XCTAssertTrue(CLI.isDevice("/dev/null"), "/dev/null was replaced by a file")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: "/dev").filter { $0.contains(".tmp-") }, [])

        let intoFolder = try CLI.run(["annotate", input, "-o", folder.path])
        XCTAssertEqual(intoFolder.status, 2)
        XCTAssertTrue(intoFolder.stderr.contains("\(folder.path): is a folder"), intoFolder.stderr)
    }

    /// Ctrl-C while `annotate -o` runs removes its temporary file (exit 130): the target is never
    /// half-written and nothing is left to clean up.
    func testInterruptedAnnotateLeavesNoTemporaryFile() throws {
        let target = folder.appendingPathComponent("out.jsonl")
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["annotate", "--input", "jsonl", "-o", target.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
        let input = Pipe()
        let log = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardInput = input
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        input.fileHandleForWriting.write(Data("{\"id\": \"a\", \"text\": \"Mexico pledged to curb fentanyl.\"}\n".utf8))
        let deadline = Date(timeIntervalSinceNow: 30)
        while CLI.temporaryFiles(under: folder).isEmpty && process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertEqual(CLI.temporaryFiles(under: folder).count, 1, "annotate -o writes through a temporary file")
        kill(process.processIdentifier, SIGINT)
        let exitDeadline = Date(timeIntervalSinceNow: 30)
        while process.isRunning && Date() < exitDeadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            XCTFail("SIGINT was lost: annotate still ran 30 s later")
        }
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        let stderr = try String(contentsOf: log, encoding: .utf8)
        XCTAssertEqual(process.terminationStatus, 130, stderr)
        XCTAssertTrue(stderr.contains("interrupted; \(target.path) was not written"), stderr)
        XCTAssertEqual(CLI.temporaryFiles(under: folder), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
    }

    func testSeveralFilesGiveAJSONArrayAndJSONLGivesALineEach() throws {
        let a = try write("Mexico pledged to curb fentanyl.\n", "a.txt")
        let b = try write("The U.S. will help.\n", "b.txt")
        let array = try CLI.run(["annotate", a, b])
        XCTAssertEqual(array.status, 0, array.stderr)
        let documents = try XCTUnwrap(CLI.json(array.stdout) as? [[String: Any]])
        XCTAssertEqual(documents.compactMap { ($0["document"] as? [String: Any])?["id"] as? String }, ["a", "b"])

        let lines = try CLI.run(["annotate", "--format", "jsonl", a, b])
        XCTAssertEqual(lines.status, 0, lines.stderr)
        let split = lines.out.split(separator: "\n")
        XCTAssertEqual(split.count, 2)
        for (line, id) in zip(split, ["a", "b"]) {
            let document = try XCTUnwrap(CLI.json(Data(line.utf8)) as? [String: Any])
            XCTAssertEqual((document["document"] as? [String: Any])?["id"] as? String, id)
        }
        XCTAssertEqual(lines.out.last, "\n")
    }

    func testInputJSONLAnswersEachRecordInOrderAndReportsTheBadLine() throws {
        let records = """
        {"id": "first", "text": "Mexico pledged to curb fentanyl."}
        {"id": "second", "txt": "no text field here"}
        {"id": 3, "text": "The U.S. will help Mexico."}

        """
        let r = try CLI.run(["annotate", "--input", "jsonl", "--no-tokens"], stdin: Data(records.utf8))
        XCTAssertEqual(r.status, 0, "a bad record must not fail a pipeline: \(r.stderr)")
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 4, r.out)   // three lines and the final newline
        XCTAssertEqual(lines.last, "")
        let first = try XCTUnwrap(CLI.json(Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual((first["document"] as? [String: Any])?["id"] as? String, "first")
        XCTAssertNil(first["tokens"])
        XCTAssertEqual(first["text"] as? String, "Mexico pledged to curb fentanyl.")
        let bad = try XCTUnwrap(CLI.json(Data(lines[1].utf8)) as? [String: Any])
        XCTAssertEqual(bad["id"] as? String, "second")
        XCTAssertEqual(bad["line"] as? Int, 2)
        XCTAssertTrue((bad["error"] as? String)?.contains("text") == true)
        let third = try XCTUnwrap(CLI.json(Data(lines[2].utf8)) as? [String: Any])
        XCTAssertEqual((third["document"] as? [String: Any])?["id"] as? String, "3")
        XCTAssertTrue(r.stderr.contains("standard input:2:"), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)

        // Each line is what annotating the text alone gives (same id).
        let alone = try CLI.run(["annotate", "--format", "jsonl", "--no-tokens", "-"], stdin: Data("Mexico pledged to curb fentanyl.".utf8))
        XCTAssertEqual(String(decoding: alone.stdout, as: UTF8.self).replacingOccurrences(of: "\"id\":\"stdin\"", with: "\"id\":\"first\""),
                       String(lines[0]) + "\n")

        let strict = try CLI.run(["annotate", "--input", "jsonl", "--strict"], stdin: Data(records.utf8))
        XCTAssertEqual(strict.status, 1)
        XCTAssertEqual(strict.out.split(separator: "\n").count, 3)

        let notJSON = try CLI.run(["annotate", "--input", "jsonl"], stdin: Data("{\"id\": \"x\", \"text\": \"ok\"}\nnot json at all\n".utf8))
        XCTAssertEqual(notJSON.status, 0)
        XCTAssertEqual(notJSON.out.split(separator: "\n").last, "{\"id\":null,\"error\":\"not JSON; each line must be an object such as {\\\"id\\\": \\\"a1\\\", \\\"text\\\": \\\"...\\\"}\",\"line\":2}")

        let wrongFormat = try CLI.run(["annotate", "--input", "jsonl", "--format", "html"])
        XCTAssertEqual(wrongFormat.status, 2)
    }

    func testStrictRefusesInvalidUTF8() throws {
        let path = folder.appendingPathComponent("bad.txt")
        try Data([0x4D, 0x65, 0x78, 0x69, 0x63, 0x6F, 0x20, 0xFF, 0xFE, 0x2E, 0x0A]).write(to: path)
        let lenient = try CLI.run(["annotate", path.path])
        XCTAssertEqual(lenient.status, 0)
        XCTAssertTrue(lenient.stderr.contains("not valid UTF-8"), lenient.stderr)
        let strict = try CLI.run(["annotate", "--strict", path.path, "-o", folder.appendingPathComponent("out.json").path])
        XCTAssertEqual(strict.status, 2)
        XCTAssertTrue(strict.stderr.contains(path.path), strict.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.json").path))
    }

    func testLexiconsCheckNamesFileLineAndColumn() throws {
        let lexicons = folder.appendingPathComponent("lexicons")
        _ = try write("# my targets\ngrenade\tguns\tgrenade\nfentanyl\tdrugz\tfentanyl\n", "lexicons/targets.txt")
        let r = try CLI.run(["lexicons", "check", lexicons.path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("targets.txt:3:10:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("drugz"), r.stderr)
        let annotate = try CLI.run(["annotate", "--lexicons", lexicons.path, "-"], stdin: Data("Mexico.".utf8))
        XCTAssertEqual(annotate.status, 2)
        XCTAssertTrue(annotate.stderr.contains("targets.txt:3:10:"), annotate.stderr)
        let good = try CLI.run(["lexicons", "check"])
        XCTAssertEqual(good.status, 0, good.stderr)
    }

    func testOtherFormats() throws {
        let input = try write("Mexico and the United States pledged to curb fentanyl trafficking.\n", "a.txt")
        let conll = try CLI.run(["annotate", "--format", "conll", input])
        XCTAssertEqual(conll.status, 0, conll.stderr)
        XCTAssertTrue(conll.out.contains("\tMexico\t"), conll.out)
        let html = try CLI.run(["annotate", "--format", "html", input])
        XCTAssertEqual(html.status, 0, html.stderr)
        XCTAssertTrue(html.out.hasPrefix("<!DOCTYPE html>"))
        let twoPages = try CLI.run(["annotate", "--format", "html", input, input])
        XCTAssertEqual(twoPages.status, 2)

        let brat = folder.appendingPathComponent("brat")
        try FileManager.default.createDirectory(at: brat, withIntermediateDirectories: true)
        let r = try CLI.run(["annotate", "--format", "brat", input, "-o", brat.appendingPathComponent("a.ann").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(CLI.files(under: brat), ["a.ann", "a.txt", "annotation.conf", "visual.conf"])
        XCTAssertEqual(try Data(contentsOf: brat.appendingPathComponent("a.txt")), try Data(contentsOf: URL(fileURLWithPath: input)))
        XCTAssertTrue(try String(contentsOf: brat.appendingPathComponent("a.ann"), encoding: .utf8).contains("\tMexico"))
    }

    /// examples/shell/pipeline.sh runs (serial and parallel pipelines agree); the Spark example at
    /// least parses (running it needs Java and pyspark: examples/spark/run.sh).
    func testExamples() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        func shell(_ arguments: [String]) throws -> (Int32, String) {
            try CLI.tool(arguments, executable: "/bin/sh", in: root, environment: ["ACCORD": CLI.binary.path])
        }
        let (status, output) = try shell(["examples/shell/pipeline.sh"])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("OK:"), output)
        XCTAssertEqual(try shell(["-n", "examples/spark/run.sh"]).0, 0)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") {
            let compiled = try shell(["-c", "python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read())' examples/spark/annotate_with_spark.py"])
            XCTAssertEqual(compiled.0, 0, compiled.1)
        }
    }
}
