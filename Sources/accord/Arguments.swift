/// A hand-written command-line parser: options with and without values, `--opt=value`, `--` to end
/// options, and one-line errors that name the bad argument.
struct Arguments {
    var positional: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    /// Parses `args` given the options that take a value and the flags (both with their dashes).
    init(_ args: ArraySlice<String>, valued: Set<String>, flags known: Set<String>, aliases: [String: String] = [:]) throws {
        var rest = args
        while let arg = rest.popFirst() {
            if arg == "--" { positional.append(contentsOf: rest); break }
            if arg == "-" || !arg.hasPrefix("-") { positional.append(arg); continue }
            var name = arg
            var inline: String?
            if let eq = arg.firstIndex(of: "="), arg.hasPrefix("--") {
                name = String(arg[..<eq])
                inline = String(arg[arg.index(after: eq)...])
            }
            name = aliases[name] ?? name
            if valued.contains(name) {
                guard let value = inline ?? rest.popFirst() else {
                    throw UsageError("option \(name) needs a value")
                }
                values[name, default: []].append(value)
            } else if known.contains(name) {
                if inline != nil { throw UsageError("option \(name) takes no value") }
                flags.insert(name)
            } else {
                throw UsageError("unknown option '\(arg)'")
            }
        }
    }

    func value(_ name: String) -> String? { values[name]?.last }
    func has(_ name: String) -> Bool { flags.contains(name) }
}

/// A mistake on the command line: exit 2 with a one-line message and the command's usage.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// A failure that names what failed and says what to do: exit 2.
struct CommandError: Error {
    let message: String
    let code: Int32
    init(_ message: String, code: Int32 = 2) { self.message = message; self.code = code }
}
