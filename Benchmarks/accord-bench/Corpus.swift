import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast, fully specified PRNG, so the shuffled
/// corpus is byte-identical on every machine and every Swift version.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<bound (Lemire's multiply-shift with rejection; no modulo bias).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        let b = UInt64(bound)
        while true {
            let (high, low) = next().multipliedFullWidth(by: b)
            if low >= (0 &- b) % b { return Int(high) }
        }
    }

    /// Fisher–Yates, spelled out so that it does not depend on the standard library's shuffle.
    mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            a.swapAt(i, below(i + 1))
        }
    }
}

/// The benchmark corpus: every article paragraph of `corpus/`, shuffled and repeated up to a size.
struct BenchCorpus {
    var bytes: [UInt8]
    var articles: [String]
    /// Distinct paragraphs found in the articles.
    var distinctParagraphs: Int
    /// Paragraphs written (with repeats).
    var paragraphs: Int
    /// Shuffle rounds used.
    var rounds: Int

    /// Folders under `corpus/` that hold expected outputs or gold markup, never article text.
    static let excludedFolders = ["expected", "gold"]

    /// The repository root: `explicit`, else the first folder from the current one upwards that has
    /// both `Package.swift` and `corpus/`.
    static func findRoot(_ explicit: String?) throws -> URL {
        let fm = FileManager.default
        if let explicit {
            let url = URL(fileURLWithPath: explicit).standardizedFileURL
            guard fm.fileExists(atPath: url.appendingPathComponent("corpus").path) else {
                throw BenchError("--root \(explicit): no corpus/ folder there")
            }
            return url
        }
        var dir = URL(fileURLWithPath: fm.currentDirectoryPath).standardizedFileURL
        while true {
            if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
               fm.fileExists(atPath: dir.appendingPathComponent("corpus").path) {
                return dir
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path {
                throw BenchError("cannot find the repository root (a folder with Package.swift and corpus/) from \(fm.currentDirectoryPath); run from inside the repository or pass --root DIR")
            }
            dir = parent
        }
    }

    /// Every `corpus/**/*.txt` except under `corpus/expected` and `corpus/gold`, as paths relative to
    /// `corpus/`, sorted bytewise (so the order never depends on the file system).
    static func articlePaths(root: URL) throws -> [String] {
        let corpus = root.appendingPathComponent("corpus").standardizedFileURL
        guard let walker = FileManager.default.enumerator(atPath: corpus.path) else {
            throw BenchError("\(corpus.path): cannot be listed")
        }
        var paths: [String] = []
        while let rel = walker.nextObject() as? String {
            let first = rel.split(separator: "/", maxSplits: 1).first.map(String.init) ?? rel
            if excludedFolders.contains(first) { continue }
            guard rel.hasSuffix(".txt") else { continue }
            var isDir: ObjCBool = false
            let full = corpus.appendingPathComponent(rel).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                paths.append(rel)
            }
        }
        return paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// Splits an article on blank lines (lines of only spaces, tabs or CR). Paragraph lines are
    /// kept as they are (CRLF becomes LF); a leading BOM is dropped.
    static func paragraphs(of text: String) -> [String] {
        var result: [String] = []
        var current: [Substring] = []
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                if !current.isEmpty { result.append(current.joined(separator: "\n")); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: "\n")) }
        return result
    }

    /// Builds the corpus: all paragraphs shuffled (SplitMix64, `seed`), joined by "\n\n", a new
    /// shuffle of the whole set each round, until at least `targetBytes` bytes (whole paragraphs
    /// only, so the last one may overshoot by less than a paragraph).
    static func build(root: URL, targetBytes: Int, seed: UInt64) throws -> BenchCorpus {
        let paths = try articlePaths(root: root)
        var pool: [[UInt8]] = []
        for rel in paths {
            let url = root.appendingPathComponent("corpus").appendingPathComponent(rel)
            let data = try Data(contentsOf: url)
            let text = String(decoding: data, as: UTF8.self)
            pool += paragraphs(of: text).map { Array($0.utf8) }
        }
        guard !pool.isEmpty else {
            throw BenchError("no paragraphs found in \(root.path)/corpus/**/*.txt (outside expected/ and gold/)")
        }
        var rng = SplitMix64(seed: seed)
        var out: [UInt8] = []
        out.reserveCapacity(targetBytes + (pool.map(\.count).max() ?? 0) + 2)
        var written = 0, rounds = 0
        let separator: [UInt8] = [0x0A, 0x0A]
        while out.count < targetBytes {
            rng.shuffle(&pool)
            rounds += 1
            for p in pool {
                if out.count >= targetBytes { break }
                if !out.isEmpty { out += separator }
                out += p
                written += 1
            }
        }
        out.append(0x0A)  // end with a newline, like a text file
        return BenchCorpus(bytes: out, articles: paths, distinctParagraphs: pool.count,
                           paragraphs: written, rounds: rounds)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
