import Accord
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic nanoseconds (CLOCK_MONOTONIC through Dispatch; never jumps with the wall clock).
@inline(__always) func nowNanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// One measured (or derived) stage.
struct StageResult {
    var name: String
    /// Best (smallest) time of the runs, in seconds.
    var seconds: Double
    /// Every run, in seconds (empty for a derived figure).
    var runs: [Double]
    var inputBytes: Int
    var tokens: Int?
    var outputBytes: Int?
    /// VmHWM after the stage, kB.
    var peakRSSKB: Int?
    /// VmRSS when the stage started (after the reset), kB.
    var startRSSKB: Int?
    /// Computed from other stages, not timed by itself.
    var derived = false
    /// A derived figure before clamping at zero (a difference of two noisy bests).
    var rawSeconds: Double?
    var note: String?

    var mbPerSecond: Double? { seconds > 0 ? Double(inputBytes) / seconds / 1e6 : nil }
    var tokensPerSecond: Double? { tokens.flatMap { seconds > 0 ? Double($0) / seconds : nil } }
}

/// Runs `body` `runs` times and keeps the best wall time. `body` returns a number that goes into a
/// checksum, so the optimizer cannot drop the work.
func measure(runs: Int, _ body: () -> Int) -> (best: Double, all: [Double], checksum: Int) {
    var all: [Double] = []
    var checksum = 0
    for _ in 0..<max(1, runs) {
        let t0 = nowNanoseconds()
        let value = body()
        let t1 = nowNanoseconds()
        checksum &+= value
        all.append(Double(t1 - t0) / 1e9)
    }
    return (all.min() ?? 0, all, checksum)
}

/// Memory facts from /proc/self/status (Linux only; nil elsewhere).
enum Memory {
    /// A field of /proc/self/status in kB, such as `VmHWM` (peak resident set) or `VmRSS`.
    static func statusKB(_ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            let digits = line.dropFirst(field.count + 1).filter(\.isNumber)
            return Int(digits)
        }
        return nil
    }

    static var peakKB: Int? { statusKB("VmHWM") }
    static var currentKB: Int? { statusKB("VmRSS") }

    /// glibc's `malloc_trim(0)`: gives freed heap memory back to the system, so that RSS is what is
    /// really live. Looked up at run time (Swift's Glibc module does not export it); a no-op elsewhere.
    static func trimHeap() {
        typealias Trim = @convention(c) (Int) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }

    /// Resets VmHWM to the current RSS (`echo 5 > /proc/self/clear_refs`, Linux 4.0+), so the next
    /// reading is the peak of one stage (plus what is resident when it starts). Returns false where
    /// that is not allowed.
    static func resetPeak() -> Bool {
        trimHeap()
        let fd = open("/proc/self/clear_refs", O_WRONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let ok = "5".utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, 1) } == 1
        return ok
    }
}

/// Facts about the machine printed at the top.
struct Machine {
    var arch: String
    var kernel: String
    var processors: Int
    var activeProcessors: Int
    var memoryBytes: UInt64
    var date: String
    var build: String
    /// /proc/loadavg's 1-, 5- and 15-minute figures when the benchmark starts ("" elsewhere).
    var loadAverage: String

    static func current() -> Machine {
        var u = utsname()
        uname(&u)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        let info = ProcessInfo.processInfo
        let formatter = ISO8601DateFormatter()
        #if DEBUG
        let build = "debug (figures are NOT meaningful; use -c release)"
        #else
        let build = "release"
        #endif
        return Machine(arch: field(u.machine), kernel: field(u.sysname) + " " + field(u.release),
                       processors: info.processorCount, activeProcessors: info.activeProcessorCount,
                       memoryBytes: info.physicalMemory, date: formatter.string(from: Date()), build: build,
                       loadAverage: loadAverage())
    }

    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}

// MARK: - Formatting

func fixed(_ value: Double?, _ digits: Int) -> String {
    guard let value, value.isFinite else { return "–" }
    return String(format: "%.\(digits)f", value)
}

func megabytes(_ bytes: Int) -> Double { Double(bytes) / 1e6 }

/// A minimal JSON object writer that keeps keys in the order given.
struct JSONObject {
    private var parts: [String] = []

    mutating func add(_ key: String, _ value: String) { parts.append("\(quote(key)):\(quote(value))") }
    mutating func add(_ key: String, _ value: Int?) { parts.append("\(quote(key)):\(value.map(String.init) ?? "null")") }
    mutating func add(_ key: String, _ value: UInt64) { parts.append("\(quote(key)):\(value)") }
    mutating func add(_ key: String, _ value: Bool) { parts.append("\(quote(key)):\(value)") }
    mutating func add(_ key: String, _ value: Double?, digits: Int = 6) {
        if let value, value.isFinite {
            parts.append("\(quote(key)):\(String(format: "%.\(digits)f", value))")
        } else {
            parts.append("\(quote(key)):null")
        }
    }
    mutating func add(_ key: String, raw: String) { parts.append("\(quote(key)):\(raw)") }
    mutating func add(_ key: String, strings: [String]) { parts.append("\(quote(key)):[\(strings.map(quote).joined(separator: ","))]") }

    var text: String { "{" + parts.joined(separator: ",") + "}" }

    private func quote(_ s: String) -> String { JSONString.quoted(s) }
}
