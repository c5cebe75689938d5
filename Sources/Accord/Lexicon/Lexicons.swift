import Foundation

/// The compiled lexicon set: built-in defaults, optionally overlaid by a user's folder. Compile once
/// per process and share (it is immutable and `Sendable`).
public struct Lexicons: Sendable {
    /// Hex digest of every file in use, written as `annotator.lexicons`.
    public let digest: String
    /// Entry counts per file, for `accord lexicons check`.
    public let counts: [(file: String, entries: Int)]

    let abbreviations: Abbreviations
    let sentenceStarters: Set<String>
    let tagging: TaggingLexicon
    /// The files compiled, kept to compile them again for `independentCopy()`.
    private let files: [LexiconFile]

    /// The built-in lexicons.
    public static let builtIn: Lexicons = {
        do {
            return try loadBuiltIn()
        } catch {
            fatalError("the built-in lexicons are invalid (a test guards this): \(error)")
        }
    }()

    /// Compiles the built-in lexicons, reporting a bad line instead of stopping (for `lexicons check`).
    public static func loadBuiltIn() throws -> Lexicons {
        try Lexicons(files: DefaultLexicons.files.map { LexiconFile(name: $0.name, text: $0.text) })
    }

    /// The built-in lexicons with the `.txt` files of `directory` loaded on top (same file names).
    public init(overlay directory: URL) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LexiconError(file: directory.path, line: 0, column: 0, text: "",
                               message: "not a folder of lexicon files; give a folder holding files such as actors.txt")
        }
        let names = try fm.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        let known = Set(DefaultLexicons.files.map(\.name))
        var overlays: [LexiconFile] = []
        for name in names {
            let path = directory.appendingPathComponent(name).path
            guard known.contains(name) else {
                throw LexiconError(file: path, line: 0, column: 0, text: "",
                                   message: "unknown lexicon file; accord reads \(known.sorted().joined(separator: ", "))")
            }
            guard let data = fm.contents(atPath: path) else {
                throw LexiconError(file: path, line: 0, column: 0, text: "", message: "cannot be read")
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                throw LexiconError(file: path, line: 0, column: 0, text: "", message: "is not valid UTF-8")
            }
            overlays.append(LexiconFile(name: path, text: text))
        }
        let defaults = DefaultLexicons.files.map { LexiconFile(name: $0.name, text: $0.text) }
        try self.init(files: defaults + overlays)
    }

    /// Compiles files in order: a later file with the same base name adds to and overrides an earlier one.
    init(files: [LexiconFile]) throws {
        let bases = files.map { Lexicons.baseName($0.name) }
        func group(_ base: String) -> [LexiconFile] {
            files.indices.filter { bases[$0] == base }.map { files[$0] }
        }
        var abbreviations = Abbreviations()
        for file in group("abbreviations.txt") { try abbreviations.add(file) }
        var starters = Set<String>()
        for file in group("sentence-starters.txt") {
            for entry in file.entries {
                try file.requireFields(entry, 1, columns: "word")
                if entry.isRemoval { starters.remove(entry.key.lowercased()) } else { starters.insert(entry.key.lowercased()) }
            }
        }
        self.files = files
        self.abbreviations = abbreviations
        self.sentenceStarters = starters
        self.tagging = try TaggingLexicon(files: files, group: group, tokenizer: Tokenizer(abbreviations: abbreviations))

        var hasher = SHA256()
        var counts: [String: Int] = [:]
        for (file, base) in zip(files, bases) {
            counts[base, default: 0] += file.entries.count
            file.digestBytes(base: base).withUnsafeBufferPointer { hasher.update($0) }
        }
        self.digest = hasher.finalizeHex()
        self.counts = counts.sorted { $0.key < $1.key }.map { (file: $0.key, entries: $0.value) }
    }

    /// The same lexicons compiled again into storage shared with no other copy. Threads that read one
    /// shared copy contend on its reference counts (every read of an array retains it); a parallel run
    /// gives each thread its own.
    public func independentCopy() -> Lexicons {
        do {
            return try Lexicons(files: files)
        } catch {
            fatalError("lexicons that compiled once failed to compile again: \(error)")
        }
    }

    /// The file name of a path (`/lexicons/actors.txt` → `actors.txt`): the bytes after the last `/`.
    /// Names are file names or paths to files, never with a trailing slash, so this is what
    /// `lastPathComponent` answers, without bridging to `NSString` at start-up.
    static func baseName(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }
}
