import Foundation

/// Command-line options of accord-bench.
struct BenchOptions {
    var root: String?
    var megabytes: Double = 50
    var runs = 3
    var seed: UInt64 = 0xACC0_4D5E_ED00_0001
    var writeCorpus: String?
    var corpusOnly = false
    var json = false
    var resetPeak = true

    static let usage = """
    Usage: accord-bench [options]   (build with: swift build -c release --product accord-bench)

    Throughput of accord's stages on a deterministic corpus made from corpus/**/*.txt (not expected/
    or gold/): paragraphs shuffled with SplitMix64 and repeated up to the size asked for.

    Options:
      --root DIR            repository root (default: found from the current folder upwards)
      --mb N                corpus size in megabytes, 1 MB = 1,000,000 bytes (default 50)
      --runs N              time each stage N times and keep the best (default 3)
      --seed N              PRNG seed, decimal or 0x-hex (default 0xACC04D5EED000001)
      --write-corpus PATH   also write the corpus to PATH (to time the CLI on it)
      --corpus-only         write the corpus (--write-corpus) and stop, no timing
      --json                print one JSON object of the figures on standard output
                            (the table then goes to standard error)
      --cumulative-rss      do not reset the peak RSS between stages (VmHWM is then cumulative)
      -h, --help            show this help
    """

    static func parse(_ args: [String]) throws -> BenchOptions? {
        var o = BenchOptions()
        var i = 0
        func value(_ name: String) throws -> String {
            i += 1
            guard i < args.count else { throw BenchError("\(name) needs a value") }
            return args[i]
        }
        while i < args.count {
            let arg = args[i]
            switch arg {
            case "-h", "--help": return nil
            case "--root": o.root = try value(arg)
            case "--mb":
                guard let mb = Double(try value(arg)), mb > 0, mb <= 4000 else {
                    throw BenchError("--mb needs a number of megabytes above 0 (at most 4000)")
                }
                o.megabytes = mb
            case "--runs":
                guard let n = Int(try value(arg)), n > 0 else { throw BenchError("--runs needs a positive whole number") }
                o.runs = n
            case "--seed":
                let text = try value(arg)
                let parsed = text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
                guard let seed = parsed else { throw BenchError("--seed needs a number (decimal or 0x-hex)") }
                o.seed = seed
            case "--write-corpus": o.writeCorpus = try value(arg)
            case "--corpus-only": o.corpusOnly = true
            case "--json": o.json = true
            case "--cumulative-rss": o.resetPeak = false
            default: throw BenchError("unknown argument '\(arg)'")
            }
            i += 1
        }
        if o.corpusOnly && o.writeCorpus == nil { throw BenchError("--corpus-only needs --write-corpus PATH") }
        return o
    }
}
