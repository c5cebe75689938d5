import Foundation

/// Messages on standard error, with colour only on a terminal and never under NO_COLOR.
enum Terminal {
    static let useColor: Bool = isatty(2) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func error(_ message: String) { say(label: "error", color: "31", message) }
    static func warning(_ message: String) { say(label: "warning", color: "33", message) }

    static func say(label: String, color: String, _ message: String) {
        let prefix = useColor ? "\u{1B}[\(color)maccord: \(label):\u{1B}[0m " : "accord: \(label): "
        FileHandle.standardError.write(Data((prefix + message + "\n").utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
