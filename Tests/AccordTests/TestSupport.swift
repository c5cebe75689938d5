import Foundation
import XCTest
@testable import Accord

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The repository root, found from this file's location.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let annotator = Annotator()

    static func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// The corpus articles (`corpus/*.txt`), sorted by name.
    static func corpusFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: root.appendingPathComponent("corpus"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Token texts of `text`.
    static func tokens(_ text: String) -> [String] {
        let a = annotator.annotate(text)
        return a.tokens.map { a.text(of: $0) }
    }

    /// Sentence texts of `text`.
    static func sentences(_ text: String, wrapped: Bool = false) -> [String] {
        let a = Annotator(wrapped: wrapped).annotate(text)
        let scalars = Array(a.text.unicodeScalars)
        return a.sentences.map { s in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[s.start..<s.end])
            return String(view)
        }
    }

    /// Undoes the fixture escapes `\n`, `\r`, `\t`, `\\` and `\u{HEX}`.
    static func unescape(_ s: Substring) -> String {
        var out = String.UnicodeScalarView()
        var it = s.unicodeScalars.makeIterator()
        while let c = it.next() {
            guard c == "\\" else { out.append(c); continue }
            guard let e = it.next() else { out.append(c); break }
            switch e {
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "\\": out.append("\\")
            case "u":
                var hex = ""
                _ = it.next() // {
                while let h = it.next(), h != "}" { hex.unicodeScalars.append(h) }
                if let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) { out.append(u) }
            default: out.append(c); out.append(e)
            }
        }
        return String(out)
    }
}
