import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// End-to-end tests of `accord batch`: the built binary on temporary corpora.
final class BatchTests: XCTestCase {
    private var folder: URL!
    private let fm = FileManager.default

    override func setUpWithError() throws {
        folder = try CLI.temporaryFolder(self)
    }

    private static let articles: [URL] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpus = root.appendingPathComponent("corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { corpus.appendingPathComponent($0) }
    }()

    /// Copies `count` corpus articles into `directory` (in sub-folders of ten).
    private func makeCorpus(_ directory: URL, count: Int, nested: Bool = true) throws {
        XCTAssertFalse(BatchTests.articles.isEmpty)
        for i in 0..<count {
            let article = BatchTests.articles[i % BatchTests.articles.count]
            let sub = nested ? directory.appendingPathComponent("part-\(i / 10)") : directory
            try fm.createDirectory(at: sub, withIntermediateDirectories: true)
            try fm.copyItem(at: article, to: sub.appendingPathComponent(String(format: "%03d-", i) + article.lastPathComponent))
        }
    }

    private func write(_ bytes: [UInt8], _ relative: String, in directory: URL) throws {
        let url = directory.appendingPathComponent(relative)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    private func summary(_ outdir: URL) throws -> [String: Any] {
        try XCTUnwrap(CLI.json(Data(contentsOf: outdir.appendingPathComponent("summary.json"))) as? [String: Any])
    }

    /// Every file under `outdir` except the manifest, with its bytes.
    private func outputs(_ outdir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for relative in CLI.files(under: outdir) where relative != ".accord-manifest" {
            out[relative] = try Data(contentsOf: outdir.appendingPathComponent(relative))
        }
        return out
    }

    func testMessyCorpusAnnotatesGoodFilesAndListsFailures() throws {
        let dir = folder.appendingPathComponent("in")
        try makeCorpus(dir, count: 3, nested: false)
        try write(Array("Mexico and the U.S. pledged to curb fentanyl.\n".utf8), "news/2021/deep/oct.txt", in: dir)
        try write([], "news/empty.txt", in: dir)
        try write(Array("Mexico ".utf8) + [0xFF, 0xFE, 0x2E, 0x0A], "news/latin1.txt", in: dir)
        try write([0x4D, 0x65, 0x00, 0x78, 0x00], "binary.txt", in: dir)
        try write(Array("not text to annotate".utf8), "notes.md", in: dir)
        try write(Array("hidden".utf8), ".hidden/secret.txt", in: dir)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("dangling.txt").path, withDestinationPath: "nowhere.txt")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("news/loop").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("self.txt").path, withDestinationPath: "self.txt")
        let outdir = dir.appendingPathComponent("out")   // inside DIR: not read as input
        try write(Array("an older output folder's stray file".utf8), "out/stale.txt", in: dir)
        let before = try CLI.files(under: dir).filter { !$0.hasPrefix("out/") }.map { ($0, try Data(contentsOf: dir.appendingPathComponent($0))) }

        let r = try CLI.run(["batch", dir.path, "-o", outdir.path, "--jobs", "2"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let names = BatchTests.articles.prefix(3).enumerated().map { String(format: "%03d-", $0.offset) + $0.element.deletingPathExtension().lastPathComponent + ".json" }
        XCTAssertEqual(CLI.files(under: outdir, includingHidden: false),
                       (names + ["news/2021/deep/oct.json", "news/empty.json", "news/latin1.json", "stale.txt", "summary.csv", "summary.json"]).sorted())
        XCTAssertEqual(CLI.temporaryFiles(under: dir), [])
        for name in names + ["news/latin1.json", "news/empty.json"] {
            XCTAssertNoThrow(try CLI.json(Data(contentsOf: outdir.appendingPathComponent(name))), name)
        }
        // Inputs untouched.
        for (relative, bytes) in before { XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent(relative)), bytes, relative) }

        let s = try summary(outdir)
        let failed = try XCTUnwrap(s["failed"] as? [[String: String]])
        XCTAssertEqual(failed.map { $0["path"]! }, ["binary.txt", "dangling.txt", "self.txt"])
        XCTAssertTrue(failed[0]["reason"]!.contains("NUL"))
        XCTAssertTrue(failed[1]["reason"]!.contains("dangling"))
        XCTAssertTrue(failed[2]["reason"]!.contains("loop"))
        let documents = try XCTUnwrap(s["documents"] as? [[String: Any]])
        let paths = documents.map { $0["path"] as! String }
        XCTAssertEqual(paths, paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        XCTAssertEqual(paths.count, 6)
        XCTAssertFalse(paths.contains { $0.contains("loop/") || $0.contains("secret") || $0.hasPrefix("out/") })
        let byPath = Dictionary(uniqueKeysWithValues: documents.map { ($0["path"] as! String, $0) })
        XCTAssertEqual(byPath["news/empty.txt"]?["warnings"] as? [String], ["input is empty"])
        XCTAssertTrue((byPath["news/latin1.txt"]?["warnings"] as? [String])?.first?.contains("not valid UTF-8") == true)
        let oct = try XCTUnwrap(byPath["news/2021/deep/oct.txt"])
        XCTAssertEqual(oct["actors"] as? [String: Int], ["country:mex": 1, "country:usa": 1])
        XCTAssertEqual(oct["targets"] as? [String: Int], ["drugs": 1])
        XCTAssertEqual(oct["outputs"] as? [String], ["news/2021/deep/oct.json"])

        // Corpus counts are the sums of the documents'.
        let corpus = try XCTUnwrap(s["corpus"] as? [String: Any])
        XCTAssertEqual(corpus["documents"] as? Int, 6)
        XCTAssertEqual(corpus["failed"] as? Int, 3)
        XCTAssertEqual(corpus["files"] as? Int, 9)
        XCTAssertEqual(corpus["with_warnings"] as? Int, 2)
        for layer in ["actors", "targets", "actions"] {
            var sum: [String: Int] = [:]
            for d in documents { for (k, v) in d[layer] as! [String: Int] { sum[k, default: 0] += v } }
            XCTAssertEqual(corpus[layer] as? [String: Int], sum, layer)
        }
        let stance = try XCTUnwrap(corpus["stance"] as? [String: Any])
        XCTAssertNotNil(stance["by_holder"] as? [String: [String: Int]])
        XCTAssertNotNil(stance["by_toward"] as? [String: [String: Int]])

        // Each output is what `accord annotate` writes for the same file.
        let one = try CLI.run(["annotate", dir.appendingPathComponent("news/2021/deep/oct.txt").path])
        XCTAssertEqual(one.stdout, try Data(contentsOf: outdir.appendingPathComponent("news/2021/deep/oct.json")))

        let csv = try String(contentsOf: outdir.appendingPathComponent("summary.csv"), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("scope,path,layer,key,label,count\n"))
        XCTAssertTrue(csv.contains("document,news/2021/deep/oct.txt,actors,country:mex,,1\n"), csv)
        XCTAssertTrue(csv.contains("failed,dangling.txt,error,"), csv)

        XCTAssertTrue(r.stderr.contains("dangling.txt: dangling symbolic link"), r.stderr)
        XCTAssertTrue(r.stderr.contains("9 files"), r.stderr)
        XCTAssertTrue(r.stderr.contains("3 failed (see \(outdir.path)/summary.json)"), r.stderr)
    }

    func testJobsDoNotChangeAByteAndResumeRedoesOnlyWhatIsMissing() throws {
        let dir = folder.appendingPathComponent("in")
        try makeCorpus(dir, count: 24)
        let one = folder.appendingPathComponent("one"), four = folder.appendingPathComponent("four")
        let r1 = try CLI.run(["batch", dir.path, "-o", one.path, "--jobs", "1"])
        XCTAssertEqual(r1.status, 0, r1.stderr)
        let r4 = try CLI.run(["batch", dir.path, "-o", four.path, "--jobs", "4"])
        XCTAssertEqual(r4.status, 0, r4.stderr)
        let outputsOne = try outputs(one)
        XCTAssertEqual(outputsOne.count, 24 + 2)
        XCTAssertEqual(outputsOne, try outputs(four))
        XCTAssertEqual(try Data(contentsOf: one.appendingPathComponent(".accord-manifest")),
                       try Data(contentsOf: four.appendingPathComponent(".accord-manifest")))
        XCTAssertFalse(String(decoding: outputsOne["summary.json"]!, as: UTF8.self).contains("time"))

        // Age every output, delete one, resume: only that one is written again.
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        for relative in outputsOne.keys { try fm.setAttributes([.modificationDate: old], ofItemAtPath: four.appendingPathComponent(relative).path) }
        let victim = "part-1/013-" + BatchTests.articles[13 % BatchTests.articles.count].deletingPathExtension().lastPathComponent + ".json"
        try fm.removeItem(at: four.appendingPathComponent(victim))
        let resumed = try CLI.run(["batch", dir.path, "-o", four.path, "--jobs", "4", "--resume"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("1 annotated, 23 unchanged"), resumed.stderr)
        for relative in outputsOne.keys where relative.hasSuffix(".json") && !relative.hasPrefix("summary") {
            let modified = try fm.attributesOfItem(atPath: four.appendingPathComponent(relative).path)[.modificationDate] as? Date
            XCTAssertEqual(modified == old, relative != victim, relative)
        }
        XCTAssertEqual(try outputs(four), outputsOne)

        // A changed input is annotated again; other options are not trusted from the manifest.
        try Data("Mexico pledged to curb fentanyl.\n".utf8).write(to: dir.appendingPathComponent("part-0/000-" + BatchTests.articles[0].lastPathComponent))
        let changed = try CLI.run(["batch", dir.path, "-o", four.path, "--resume"])
        XCTAssertTrue(changed.stderr.contains("1 annotated, 23 unchanged"), changed.stderr)
        let compact = try CLI.run(["batch", dir.path, "-o", four.path, "--resume", "--compact"])
        XCTAssertTrue(compact.stderr.contains("24 annotated, 0 unchanged"), compact.stderr)
    }

    /// The corpus totals equal the sums of the documents' counts; summary.json, summary.csv and the
    /// manifest are the same with one job or three, names that JSON and CSV quote included.
    func testCorpusTotalsAreTheSumOfTheDocumentsWhateverTheJobs() throws {
        let dir = folder.appendingPathComponent("in")
        try makeCorpus(dir, count: 25)
        let text = try Data(contentsOf: BatchTests.articles[0])
        for name in ["comma, name.txt", "quote \"name\".txt", "tab\tname.txt", "naïve café.txt", "accent.\u{301}mark.txt"] {
            try text.write(to: dir.appendingPathComponent(name))
        }
        var runs: [[String: Data]] = []
        for jobs in ["1", "3"] {
            let outdir = folder.appendingPathComponent("out-\(jobs)")
            let r = try CLI.run(["batch", dir.path, "-o", outdir.path, "--jobs", jobs])
            XCTAssertEqual(r.status, 0, r.stderr)
            var files = try outputs(outdir)
            files[".accord-manifest"] = try Data(contentsOf: outdir.appendingPathComponent(".accord-manifest"))
            runs.append(files)
        }
        XCTAssertEqual(runs[0], runs[1])
        XCTAssertNotNil(runs[0]["accent.\u{301}mark.json"])

        let s = try summary(folder.appendingPathComponent("out-3"))
        let corpus = try XCTUnwrap(s["corpus"] as? [String: Any])
        let documents = try XCTUnwrap(s["documents"] as? [[String: Any]])
        XCTAssertEqual(documents.count, 30)
        XCTAssertEqual(corpus["documents"] as? Int, 30)
        XCTAssertEqual(corpus["bytes"] as? Int, documents.reduce(0) { $0 + ($1["bytes"] as? Int ?? 0) })
        func sum(_ pick: ([String: Any]) -> Any?) -> [String: Int] {
            var total: [String: Int] = [:]
            for document in documents {
                for (key, value) in pick(document) as? [String: Int] ?? [:] { total[key, default: 0] += value }
            }
            return total
        }
        for layer in ["actors", "targets", "actions"] {
            XCTAssertEqual(corpus[layer] as? [String: Int], sum { $0[layer] }, layer)
            XCTAssertFalse((corpus[layer] as? [String: Int] ?? [:]).isEmpty, layer)
        }
        let stance = try XCTUnwrap(corpus["stance"] as? [String: Any])
        XCTAssertEqual(stance["labels"] as? [String: Int], sum { ($0["stance"] as? [String: Any])?["labels"] })
        for nested in ["by_holder", "by_toward"] {
            var total: [String: [String: Int]] = [:]
            for document in documents {
                for (key, labels) in ((document["stance"] as? [String: Any])?[nested] as? [String: [String: Int]]) ?? [:] {
                    for (label, n) in labels { total[key, default: [:]][label, default: 0] += n }
                }
            }
            XCTAssertEqual(stance[nested] as? [String: [String: Int]], total, nested)
        }

        let csv = String(decoding: try XCTUnwrap(runs[0]["summary.csv"]), as: UTF8.self)
        XCTAssertTrue(csv.contains("\ndocument,\"comma, name.txt\",actors,"), csv)
        XCTAssertTrue(csv.contains("\ndocument,\"quote \"\"name\"\".txt\",actors,"), csv)
        XCTAssertTrue(csv.contains("\ndocument,naïve café.txt,actors,"), csv)
        let json = String(decoding: try XCTUnwrap(runs[0]["summary.json"]), as: UTF8.self)
        XCTAssertTrue(json.contains("\"path\": \"quote \\\"name\\\".txt\""), json)
        XCTAssertTrue(json.contains("\"path\": \"tab\\tname.txt\""), json)
    }

    func testKilledBatchLeavesOnlyWholeOutputsAndResumeFinishesIt() throws {
        let dir = folder.appendingPathComponent("in")
        try makeCorpus(dir, count: 60)
        let reference = folder.appendingPathComponent("reference")
        let started = Date()
        let full = try CLI.run(["batch", dir.path, "-o", reference.path, "--jobs", "2"])
        XCTAssertEqual(full.status, 0, full.stderr)
        let duration = Date().timeIntervalSince(started)

        let outdir = folder.appendingPathComponent("out")
        let (process, scratch) = try CLI.start(["batch", dir.path, "-o", outdir.path, "--jobs", "2"])
        Thread.sleep(forTimeInterval: Double.random(in: 0.25...max(0.3, duration * 0.8)))
        kill(process.processIdentifier, SIGKILL)
        let killed = try CLI.finish(process, scratch)
        XCTAssertTrue(killed.status == SIGKILL || killed.status == 0, "\(killed.status) \(killed.stderr)")   // 0: it finished first

        for relative in CLI.files(under: outdir, includingHidden: false) where relative.hasSuffix(".json") {
            XCTAssertNoThrow(try CLI.json(Data(contentsOf: outdir.appendingPathComponent(relative))), "partial output \(relative)")
        }
        let resumed = try CLI.run(["batch", dir.path, "-o", outdir.path, "--jobs", "2", "--resume"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertEqual(CLI.temporaryFiles(under: outdir), [])
        XCTAssertEqual(try outputs(outdir), try outputs(reference))
        XCTAssertEqual(try Data(contentsOf: outdir.appendingPathComponent(".accord-manifest")),
                       try Data(contentsOf: reference.appendingPathComponent(".accord-manifest")))
    }

    func testInterruptRemovesFilesInFlightAndExits130() throws {
        let dir = folder.appendingPathComponent("in")
        try makeCorpus(dir, count: 40)
        let outdir = folder.appendingPathComponent("out")
        let (process, scratch) = try CLI.start(["batch", dir.path, "-o", outdir.path, "--jobs", "2"])
        // Interrupt once the first output is written: the handler is in place by then, however slow
        // the machine (a fixed delay sent the signal before it on a loaded one).
        let deadline = Date(timeIntervalSinceNow: 60)
        while process.isRunning && CLI.files(under: outdir, includingHidden: false).isEmpty && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        kill(process.processIdentifier, SIGINT)
        let r = try CLI.finish(process, scratch)
        if r.status == 0 { return }   // finished before the signal came (a very fast machine)
        XCTAssertEqual(r.status, 130, r.stderr)
        XCTAssertTrue(r.stderr.contains("--resume"), r.stderr)
        XCTAssertEqual(CLI.temporaryFiles(under: outdir), [])
        XCTAssertFalse(fm.fileExists(atPath: outdir.appendingPathComponent("summary.json").path))
        for relative in CLI.files(under: outdir, includingHidden: false) {
            XCTAssertNoThrow(try CLI.json(Data(contentsOf: outdir.appendingPathComponent(relative))), relative)
        }
    }

    func testStrayTemporaryFilesOfADeadRunAreRemoved() throws {
        let dir = folder.appendingPathComponent("in")
        try makeCorpus(dir, count: 2)
        let outdir = folder.appendingPathComponent("out")
        // A pid that does not run: a finished child's.
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        try write(Array("{\"half\": ".utf8), "sub/.x.json.tmp-\(dead.processIdentifier)-12345", in: outdir)
        let r = try CLI.run(["batch", dir.path, "-o", outdir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(CLI.temporaryFiles(under: outdir), [])
    }

    // MARK: Full disk

    /// Inputs of about 10 kB each (about 200 kB of JSON each), so that a few outputs fill a small disk.
    private func makeLongCorpus(_ directory: URL, count: Int) throws {
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        let text = try CLI.article(kilobytes: 10)
        for i in 0..<count { try text.write(to: directory.appendingPathComponent(String(format: "doc-%02d.txt", i))) }
    }

    /// Checks a batch stopped by a full disk: exit 1, the document that did not fit and the files
    /// not started listed in summary.json, outputs whole, no temporary file. Returns the failures.
    @discardableResult
    private func checkStoppedOnFullDisk(_ r: CLI.Result, outdir: URL, reference: URL, files: Int,
                                        file: StaticString = #filePath, line: UInt = #line) throws -> [[String: String]] {
        XCTAssertEqual(r.status, 1, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains("\(outdir.path)/doc-"), r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains("writing failed (No space left on device); "), r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains("accord: error: \(outdir.path): the disk is full; the batch stopped with "), r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains("free some space and run the same command with --resume to finish"), r.stderr, file: file, line: line)
        XCTAssertEqual(CLI.temporaryFiles(under: outdir), [], file: file, line: line)
        let expected = try outputs(reference)
        for relative in CLI.files(under: outdir, includingHidden: false) where relative.hasPrefix("doc-") {
            XCTAssertEqual(try Data(contentsOf: outdir.appendingPathComponent(relative)), expected[relative], "partial \(relative)", file: file, line: line)
        }
        let s = try summary(outdir)
        let failed = try XCTUnwrap(s["failed"] as? [[String: String]], file: file, line: line)
        let documents = try XCTUnwrap(s["documents"] as? [[String: Any]], file: file, line: line)
        XCTAssertEqual(documents.count + failed.count, files, file: file, line: line)
        XCTAssertEqual((s["corpus"] as? [String: Any])?["failed"] as? Int, failed.count, file: file, line: line)
        let full = failed.filter { $0["reason"]!.contains("No space left on device") }
        XCTAssertFalse(full.isEmpty, "\(failed)", file: file, line: line)
        for failure in full {
            let name = failure["path"]!.replacingOccurrences(of: ".txt", with: ".json")
            XCTAssertTrue(failure["reason"]!.hasPrefix("\(outdir.path)/\(name): writing failed"), "\(failure)", file: file, line: line)
        }
        for failure in failed where !full.contains(failure) {
            XCTAssertTrue(failure["reason"]!.hasPrefix("not annotated: the batch stopped because the disk is full"), "\(failure)", file: file, line: line)
        }
        return failed
    }

    /// A real full disk (a small tmpfs with room for two and a half outputs): the batch stops
    /// cleanly; after space is freed, --resume finishes it, equal to a run that had room.
    func testFullDiskStopsTheBatchCleanlyAndResumeFinishesIt() throws {
        let dir = folder.appendingPathComponent("in")
        try makeLongCorpus(dir, count: 8)
        let reference = folder.appendingPathComponent("reference")
        let roomy = try CLI.run(["batch", dir.path, "-o", reference.path])
        XCTAssertEqual(roomy.status, 0, roomy.stderr)
        let largest = try XCTUnwrap(try outputs(reference).filter { $0.key.hasPrefix("doc-") }.map(\.value.count).max())

        let disk = try CLI.smallDisk(self, kilobytes: 4096)
        let filler = disk.appendingPathComponent("filler")
        try Data(count: 4096 * 1024 - largest * 5 / 2 - 64 * 1024).write(to: filler)
        let outdir = disk.appendingPathComponent("out")
        let stopped = try CLI.run(["batch", dir.path, "-o", outdir.path, "--jobs", "2"])
        let failed = try checkStoppedOnFullDisk(stopped, outdir: outdir, reference: reference, files: 8)
        XCTAssertGreaterThanOrEqual(failed.count, 8 - 3)

        try fm.removeItem(at: filler)
        let resumed = try CLI.run(["batch", dir.path, "-o", outdir.path, "--jobs", "2", "--resume"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("\(failed.count) annotated, \(8 - failed.count) unchanged (--resume)"), resumed.stderr)
        XCTAssertEqual(try outputs(outdir), try outputs(reference))
        XCTAssertEqual(try Data(contentsOf: outdir.appendingPathComponent(".accord-manifest")),
                       try Data(contentsOf: reference.appendingPathComponent(".accord-manifest")))
        XCTAssertEqual(CLI.temporaryFiles(under: disk), [])
    }

    /// The same everywhere, mounting nothing: one output is a link to /dev/full (every write fails
    /// with ENOSPC). With one job the stop is exact: two done, the third fails, three not started.
    func testOutputOnAFullDeviceStopsTheBatchAndResumeFinishesIt() throws {
        try CLI.requireDevFull()
        let dir = folder.appendingPathComponent("in")
        try makeLongCorpus(dir, count: 6)
        let reference = folder.appendingPathComponent("reference")
        XCTAssertEqual(try CLI.run(["batch", dir.path, "-o", reference.path]).status, 0)
        let outdir = folder.appendingPathComponent("out")
        try fm.createDirectory(at: outdir, withIntermediateDirectories: true)
        let full = outdir.appendingPathComponent("doc-02.json")
        try fm.createSymbolicLink(atPath: full.path, withDestinationPath: "/dev/full")

        let stopped = try CLI.run(["batch", dir.path, "-o", outdir.path, "--jobs", "1"])
        let failed = try checkStoppedOnFullDisk(stopped, outdir: outdir, reference: reference, files: 6)
        XCTAssertEqual(failed.map { $0["path"]! }, ["doc-02.txt", "doc-03.txt", "doc-04.txt", "doc-05.txt"])
        XCTAssertTrue(stopped.stderr.contains("the batch stopped with 3 of 6 files not started"), stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains("4 failed (see \(outdir.path)/summary.json)"), stopped.stderr)
        XCTAssertEqual(stopped.stderr.components(separatedBy: "accord: error:").count - 1, 2, stopped.stderr)   // no line per file not started

        try fm.removeItem(at: full)
        let resumed = try CLI.run(["batch", dir.path, "-o", outdir.path, "--resume"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("4 annotated, 2 unchanged (--resume)"), resumed.stderr)
        XCTAssertEqual(try outputs(outdir), try outputs(reference))
    }

    // MARK: Inputs that change under the batch

    /// Inputs that vanish, turn into a folder, a symbolic-link loop or a named pipe (or, for a user
    /// other than root, lose read permission) after the walk listed them: each fails with its
    /// reason and the batch goes on to the next. (Root reads a chmod 000 file, so the loop and the
    /// folder stand for "unreadable" there.)
    func testInputsThatVanishOrBecomeUnreadableMidBatchAreListedAndTheBatchGoesOn() throws {
        let dir = folder.appendingPathComponent("in")
        try makeLongCorpus(dir, count: 10)   // about a second of work in a debug build before the victims
        var victims = ["m-folder.txt", "m-loop.txt", "m-pipe.txt", "m-vanished.txt"]
        if getuid() != 0 { victims.append("m-unreadable.txt") }
        for name in victims + ["z-last.txt"] {
            try Data("Mexico pledged to curb fentanyl.\n".utf8).write(to: dir.appendingPathComponent(name))
        }
        let outdir = folder.appendingPathComponent("out")
        let (process, scratch) = try CLI.start(["batch", dir.path, "-o", outdir.path, "--jobs", "1"])
        let first = outdir.appendingPathComponent("doc-00.json")
        let deadline = Date(timeIntervalSinceNow: 60)
        while !fm.fileExists(atPath: first.path) && process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.002) }
        XCTAssertTrue(process.isRunning, "the batch ended before the inputs could be changed")
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        try fm.removeItem(atPath: path("m-vanished.txt"))
        try fm.removeItem(atPath: path("m-folder.txt"))
        try fm.createDirectory(atPath: path("m-folder.txt"), withIntermediateDirectories: false)
        try fm.removeItem(atPath: path("m-loop.txt"))
        try fm.createSymbolicLink(atPath: path("m-loop.txt"), withDestinationPath: "m-loop.txt")
        try fm.removeItem(atPath: path("m-pipe.txt"))
        XCTAssertEqual(mkfifo(path("m-pipe.txt"), 0o644), 0)
        if victims.contains("m-unreadable.txt") { XCTAssertEqual(chmod(path("m-unreadable.txt"), 0), 0) }
        let r = try CLI.finish(process, scratch)

        XCTAssertEqual(r.status, 1, r.stderr)
        let s = try summary(outdir)
        let failed = try XCTUnwrap(s["failed"] as? [[String: String]])
        XCTAssertEqual(failed.map { $0["path"]! }, victims, "the batch reached an input before it was changed: \(failed)")
        let reasons = Dictionary(uniqueKeysWithValues: failed.map { ($0["path"]!, $0["reason"]!) })
        XCTAssertEqual(reasons["m-vanished.txt"], "vanished before it could be read (no such file)")
        XCTAssertEqual(reasons["m-folder.txt"], "not a regular file")
        XCTAssertEqual(reasons["m-pipe.txt"], "not a regular file")
        XCTAssertTrue(reasons["m-loop.txt"]?.hasPrefix("cannot be read (Too many levels of symbolic links") == true, "\(reasons)")
        if victims.contains("m-unreadable.txt") {
            XCTAssertEqual(reasons["m-unreadable.txt"], "cannot be read (permission denied); check its permissions")
        }
        for name in victims { XCTAssertTrue(r.stderr.contains("accord: error: \(path(name)): "), r.stderr) }
        let documents = try XCTUnwrap(s["documents"] as? [[String: Any]]).map { $0["path"] as! String }
        XCTAssertEqual(documents, (0..<10).map { String(format: "doc-%02d.txt", $0) } + ["z-last.txt"])
        XCTAssertEqual(CLI.temporaryFiles(under: outdir), [])
    }

    func testOptionsFormatsAndClashes() throws {
        let dir = folder.appendingPathComponent("in")
        try makeCorpus(dir, count: 2, nested: false)
        try write(Array("Mexico pledged to curb fentanyl.\n".utf8), "sub/a.txt", in: dir)
        try write(Array("The U.S. will help.\n".utf8), "sub/a.md", in: dir)
        try write(Array("A summary of the week.\n".utf8), "summary.txt", in: dir)

        // --glob '*': a.md and a.txt would share sub/a.json: the second (in path order) fails.
        let globbed = folder.appendingPathComponent("globbed")
        let g = try CLI.run(["batch", dir.path, "-o", globbed.path, "--glob", "*", "--max-bytes", "1000"])
        XCTAssertEqual(g.status, 1)
        let failed = try XCTUnwrap(try summary(globbed)["failed"] as? [[String: String]])
        let reasons = Dictionary(uniqueKeysWithValues: failed.map { ($0["path"]!, $0["reason"]!) })
        XCTAssertTrue(reasons["sub/a.txt"]?.contains("same output name as sub/a.md") == true, "\(reasons)")
        XCTAssertTrue(reasons["summary.txt"]?.contains("summary.json") == true, "\(reasons)")
        XCTAssertTrue(reasons.values.contains { $0.contains("--max-bytes") }, "\(reasons)")

        // brat: .ann and .txt per document, annotation.conf once at the top.
        let brat = folder.appendingPathComponent("brat")
        let b = try CLI.run(["batch", dir.path, "-o", brat.path, "--format", "brat"])
        XCTAssertEqual(b.status, 0, b.stderr)
        let bratFiles = CLI.files(under: brat, includingHidden: false)
        XCTAssertTrue(bratFiles.contains("annotation.conf") && bratFiles.contains("visual.conf"))
        XCTAssertTrue(bratFiles.contains("sub/a.ann") && bratFiles.contains("sub/a.txt") && bratFiles.contains("summary.ann"))
        XCTAssertEqual(bratFiles.filter { $0.hasSuffix(".conf") }.count, 2)

        // html: a page per document and an index.
        let html = folder.appendingPathComponent("html")
        let h = try CLI.run(["batch", dir.path, "-o", html.path, "--format", "html", "--jobs", "3"])
        XCTAssertEqual(h.status, 0, h.stderr)
        XCTAssertTrue(fm.fileExists(atPath: html.appendingPathComponent("index.html").path))
        XCTAssertTrue(fm.fileExists(atPath: html.appendingPathComponent("sub/a.html").path))

        // Usage errors and an unreadable DIR exit 2.
        XCTAssertEqual(try CLI.run(["batch", dir.path, "-o", dir.path]).status, 2)
        XCTAssertEqual(try CLI.run(["batch", dir.path, "-o", html.path, "--jobs", "0"]).status, 2)
        XCTAssertEqual(try CLI.run(["batch", dir.path, "-o", html.path, "--format", "pdf"]).status, 2)
        let missing = try CLI.run(["batch", folder.appendingPathComponent("nope").path, "-o", html.path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nope"), missing.stderr)
        try write(Array("fentanyl\tdrugz\tfentanyl\n".utf8), "lexicons/targets.txt", in: folder)
        let lexicons = try CLI.run(["batch", dir.path, "-o", html.path, "--lexicons", folder.appendingPathComponent("lexicons").path])
        XCTAssertEqual(lexicons.status, 2)
        XCTAssertTrue(lexicons.stderr.contains("targets.txt:1:10"), lexicons.stderr)
    }
}
