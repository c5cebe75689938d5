import Foundation

// accord-bench: release-build throughput benchmark of accord (never part of `swift test`).
// See bench/README.md; scripts/bench.sh builds it and also times the CLI.

do {
    guard let options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst())) else {
        print(BenchOptions.usage)
        exit(0)
    }
    try Bench(options: options).run()
} catch let error as BenchError {
    FileHandle.standardError.write(Data("accord-bench: \(error.description)\n".utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("accord-bench: \(error)\n".utf8))
    exit(2)
}
