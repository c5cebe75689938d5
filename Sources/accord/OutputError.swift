#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output that could not be written, with a message that names the file and the `errno`.
struct OutputError: Error {
    let message: String
    /// The `errno` behind it (0 when none).
    let code: Int32

    init(_ message: String, code: Int32 = 0) {
        self.message = message
        self.code = code
    }

    /// The file system holding the output is full (or the user's quota is): every other output
    /// there would fail too.
    var isOutOfSpace: Bool { OutputError.isOutOfSpace(code) }

    static func isOutOfSpace(_ code: Int32) -> Bool { code == ENOSPC || code == EDQUOT }

    /// `strerror`, e.g. "No space left on device".
    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// What to do about it, after a semicolon.
    private static func advice(_ code: Int32, otherwise: String) -> String {
        isOutOfSpace(code) ? "the disk is full: free some space and run again" : otherwise
    }

    static func cannotCreate(_ path: String, code: Int32) -> OutputError {
        OutputError("\(path): cannot create the output file (\(describe(code))); "
                    + advice(code, otherwise: "check that its folder exists and is writable"), code: code)
    }

    /// `complete`: the output was going to a temporary file, so the target is untouched.
    static func writingFailed(_ path: String, code: Int32, complete: Bool) -> OutputError {
        OutputError("\(path): writing failed (\(describe(code)))" + (complete ? "; nothing was written" : "") + "; "
                    + advice(code, otherwise: "check the disk and run again"), code: code)
    }
}
