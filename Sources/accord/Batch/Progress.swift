#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }

/// Numbers for people: `5,000`, `23.4 MB`, `1.9 s`, `2 min 05 s`.
enum Human {
    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Decimal megabytes with one decimal (kB below 0.1 MB).
    static func bytes(_ n: Int) -> String {
        if n < 100_000 { return oneDecimal(Double(n) / 1_000) + " kB" }
        return oneDecimal(Double(n) / 1_000_000) + " MB"
    }

    static func rate(bytes: Int, seconds: Double) -> String {
        guard seconds > 0 else { return "- MB/s" }
        let perSecond = Double(bytes) / seconds
        if perSecond < 100_000 { return oneDecimal(perSecond / 1_000) + " kB/s" }
        return oneDecimal(perSecond / 1_000_000) + " MB/s"
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return oneDecimal(seconds) + " s" }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60) min \(pad(whole % 60)) s" }
        return "\(whole / 3600) h \(pad(whole / 60 % 60)) min"
    }

    static func oneDecimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return count(tenths / 10) + "." + String(tenths % 10)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// The progress line of `accord batch` on a terminal: files done / total, MB/s and ETA, redrawn in
/// place at most ten times a second. Off a terminal it draws nothing.
final class ProgressLine: @unchecked Sendable {
    let enabled: Bool
    private let totalFiles: Int
    private let totalBytes: Int
    private let started: Date
    private var lastDraw: Date = .distantPast
    private var drawn = false
    private let lock = NSLock()

    init(enabled: Bool, totalFiles: Int, totalBytes: Int, started: Date) {
        self.enabled = enabled
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
        self.started = started
    }

    /// Redraws if the last drawing is more than 0.1 s old (or `force`).
    func update(files: Int, bytes: Int, failed: Int, force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        lock.lock()
        defer { lock.unlock() }
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(started)
        var line = "accord: \(Human.count(files)) / \(Human.count(totalFiles)) files"
        if elapsed > 0.2 && bytes > 0 {
            line += ", " + Human.rate(bytes: bytes, seconds: elapsed)
            let rest = max(0, totalBytes - bytes)
            line += ", ETA " + Human.duration(Double(rest) / (Double(bytes) / elapsed))
        }
        if failed > 0 { line += ", \(Human.count(failed)) failed" }
        emit("\r" + line + "\u{1B}[K")
        drawn = true
    }

    /// Clears the line before other text goes to standard error.
    func clear() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if drawn { emit("\r\u{1B}[K") }
        drawn = false
        lastDraw = .distantPast
    }

    /// Writes a line of text to standard error without breaking the progress line.
    func say(_ text: String) {
        clear()
        emit(text + "\n")
    }

    private func emit(_ text: String) {
        var copy = text
        copy.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = posixWrite(2, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
