import Foundation

/// Two documents to compare, or one without its counterpart (then `note` says which side lacks it).
struct DocumentPair: Sendable {
    /// The document's id, or the file's relative path for a file present on one side only.
    var name: String
    var expected: AnnotationDocument?
    var actual: AnnotationDocument?
    /// For an unpaired document or file: what is missing where.
    var note: String?
}

/// Pairs the documents of EXPECTED and ACTUAL: two single documents pair whatever their ids; several
/// (JSONL, arrays) pair by `document.id`; two folders pair their `*.json`/`*.jsonl` files by relative path.
enum DocumentPairing {
    static func pair(expected: [AnnotationDocument], actual: [AnnotationDocument],
                     expectedSource: String, actualSource: String) throws -> [DocumentPair] {
        if expected.count == 1, actual.count == 1 {
            return [DocumentPair(name: expected[0].id, expected: expected[0], actual: actual[0])]
        }
        let byID = try index(actual, source: actualSource)
        _ = try index(expected, source: expectedSource)
        var pairs: [DocumentPair] = []
        var seen = Set<String>()
        for document in expected {
            seen.insert(document.id)
            if let other = byID[document.id] {
                pairs.append(DocumentPair(name: document.id, expected: document, actual: other))
            } else {
                pairs.append(DocumentPair(name: document.id, expected: document,
                                          note: "only in EXPECTED: \(actualSource) has no document with this id"))
            }
        }
        for document in actual where !seen.contains(document.id) {
            pairs.append(DocumentPair(name: document.id, actual: document,
                                      note: "only in ACTUAL: \(expectedSource) has no document with this id"))
        }
        return pairs
    }

    private static func index(_ documents: [AnnotationDocument], source: String) throws -> [String: AnnotationDocument] {
        var byID: [String: AnnotationDocument] = [:]
        for document in documents {
            guard byID.updateValue(document, forKey: document.id) == nil else {
                throw CompareError(path: source, "two documents have the id \"\(document.id)\"; ids must be unique to pair documents")
            }
        }
        return byID
    }

    /// Pairs two files, or the files of two folders.
    static func pair(expected: URL, actual: URL) throws -> [DocumentPair] {
        let expectedIsFolder = try isFolder(expected), actualIsFolder = try isFolder(actual)
        switch (expectedIsFolder, actualIsFolder) {
        case (false, false):
            return try pair(expected: read(expected), actual: read(actual), expectedSource: expected.relativePath, actualSource: actual.relativePath)
        case (true, true):
            return try pairFolders(expected, actual)
        case (true, false):
            throw CompareError(path: expected.relativePath, "is a folder but ACTUAL (\(actual.relativePath)) is a file; give two files or two folders")
        case (false, true):
            throw CompareError(path: actual.relativePath, "is a folder but EXPECTED (\(expected.relativePath)) is a file; give two files or two folders")
        }
    }

    private static func pairFolders(_ expected: URL, _ actual: URL) throws -> [DocumentPair] {
        let expectedFiles = try annotationFiles(in: expected), actualFiles = try annotationFiles(in: actual)
        var pairs: [DocumentPair] = []
        for name in Set(expectedFiles).union(actualFiles).sorted() {
            let e = expected.appendingPathComponent(name), a = actual.appendingPathComponent(name)
            switch (expectedFiles.contains(name), actualFiles.contains(name)) {
            case (true, true):
                pairs += try pair(expected: read(e), actual: read(a), expectedSource: e.relativePath, actualSource: a.relativePath)
            case (true, false):
                pairs.append(DocumentPair(name: name,
                                          note: "only in EXPECTED: no file \(a.relativePath)"))
            default:
                pairs.append(DocumentPair(name: name,
                                          note: "only in ACTUAL: no file \(e.relativePath)"))
            }
        }
        return pairs
    }

    /// The relative paths of the `*.json` and `*.jsonl` files under `folder`, except a batch
    /// `summary.json` at its top (which is not an annotation).
    static func annotationFiles(in folder: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else {
            throw CompareError(path: folder.relativePath, "cannot list the folder; check its permissions")
        }
        var names: [String] = []
        while let name = enumerator.nextObject() as? String {
            if name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                enumerator.skipDescendants()
                continue
            }
            guard name.hasSuffix(".json") || name.hasSuffix(".jsonl") else { continue }
            if name == "summary.json", isBatchSummary(folder.appendingPathComponent(name)) { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory),
               isDirectory.boolValue { continue }
            names.append(name)
        }
        return names.sorted()
    }

    private static func isBatchSummary(_ url: URL) -> Bool {
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return object["schema"] as? String != AnnotationDocument.schema
    }

    private static func isFolder(_ url: URL) throws -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CompareError(path: url.relativePath, "no such file or folder; check the path")
        }
        return isDirectory.boolValue
    }

    static func read(_ url: URL) throws -> [AnnotationDocument] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CompareError(path: url.relativePath, "cannot be read (\((error as NSError).localizedDescription)); check the path and permissions")
        }
        return try AnnotationDocument.documents(from: data, source: url.relativePath)
    }
}
