import Accord
import Foundation

/// Counts the JSON bytes a writer hands over and throws them away.
final class ByteCounter {
    var bytes = 0
}

struct Bench {
    let options: BenchOptions

    /// The table goes to standard output, or to standard error when the JSON object takes stdout.
    func say(_ line: String = "") {
        if options.json {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        } else {
            print(line)
        }
    }

    func progress(_ line: String) {
        FileHandle.standardError.write(Data(("  … " + line + "\n").utf8))
    }

    func run() throws {
        let root = try BenchCorpus.findRoot(options.root)
        let target = Int((options.megabytes * 1e6).rounded())
        let buildStart = nowNanoseconds()
        let corpus = try BenchCorpus.build(root: root, targetBytes: target, seed: options.seed)
        let buildSeconds = Double(nowNanoseconds() - buildStart) / 1e9
        if let path = options.writeCorpus {
            try Data(corpus.bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            FileHandle.standardError.write(Data("accord-bench: wrote \(corpus.bytes.count) bytes to \(path)\n".utf8))
        }
        if options.corpusOnly { return }

        let machine = Machine.current()
        let loadAtStart = machine.loadAverage
        let input = corpus.bytes
        let n = input.count

        let initStart = nowNanoseconds()
        let annotator = Annotator()
        let initMs = Double(nowNanoseconds() - initStart) / 1e6

        let all = Set(Layer.allCases)
        let basic: Set<Layer> = [.sentences, .tokens]
        var noTokens = all
        noTokens.remove(.tokens)

        let baselineRSS = Memory.currentKB
        var resetWorks = false
        var results: [StageResult] = []
        var checksum = 0
        var tokenCount = 0, sentenceCount = 0, scalarCount = 0, warnings: [String] = []

        func stage(_ name: String, tokens: Int? = nil, _ body: () -> Int) -> StageResult {
            progress("\(name) (1 untimed + \(options.runs) timed run\(options.runs == 1 ? "" : "s"))")
            // One untimed run first: it warms caches and malloc (glibc raises its mmap threshold after
            // the first big free, so a cold first run pays page faults the later ones do not), and
            // its peak is the stage's memory figure. Then the timed runs.
            if options.resetPeak { resetWorks = Memory.resetPeak() }
            let before = Memory.currentKB
            checksum &+= body()
            let peak = Memory.peakKB
            let m = measure(runs: options.runs, body)
            checksum &+= m.checksum
            return StageResult(name: name, seconds: m.best, runs: m.all, inputBytes: n, tokens: tokens,
                               outputBytes: nil, peakRSSKB: options.resetPeak ? peak : Memory.peakKB,
                               startRSSKB: before)
        }

        // 1. decode: UTF-8 validation (and repair) into SourceText.
        results.append(stage("decode") {
            let s = SourceText(bytes: input)
            return s.scalarCount
        })

        // 2. decode + tokenize + split, the first stage alone.
        var segmentResult = stage("decode+tokenize+split") {
            let source = SourceText(bytes: input)
            let (tokens, sentences) = annotator.segment(source)
            tokenCount = tokens.count
            return tokens.count &+ sentences.count
        }
        segmentResult.tokens = tokenCount
        results.append(segmentResult)

        // 3. the document digest every annotation carries.
        results.append(stage("sha256") { SHA256.hex(input).utf8.count })

        // 4. annotate with the layers that need no tagger (decode and SHA-256 included).
        var basicResult = stage("annotate (tokens+sentences)") {
            let a = annotator.annotate(bytes: input, id: "bench", layers: basic)
            tokenCount = a.tokens.count
            sentenceCount = a.sentences.count
            scalarCount = a.document.length
            return a.tokens.count &+ a.sentences.count
        }
        basicResult.tokens = tokenCount
        results.append(basicResult)

        // 5. the tagger of issue 3 alone: actors, initiatives, actions, targets, no discourse stage.
        let taggerLayers: Set<Layer> = [.sentences, .tokens, .actors, .initiatives, .actions, .targets]
        var taggerResult = stage("annotate (tagger layers, no discourse)") {
            let a = annotator.annotate(bytes: input, id: "bench", layers: taggerLayers)
            return a.actors.count &+ a.initiatives.count &+ a.actions.count &+ a.targets.count
        }
        taggerResult.tokens = tokenCount
        results.append(taggerResult)

        // 6. the full annotate, all layers; tagging = full − annotate (tokens+sentences).
        var fullResult = stage("annotate (all layers)") {
            let a = annotator.annotate(bytes: input, id: "bench", layers: all)
            warnings = a.warnings
            return a.tokens.count &+ a.sentences.count &+ a.actors.count &+ a.actions.count
                &+ a.targets.count &+ a.quotes.count &+ a.events.count &+ a.stance.count
        }
        fullResult.tokens = tokenCount
        func derived(_ name: String, _ raw: Double) -> StageResult {
            StageResult(name: name, seconds: max(0, raw), runs: [], inputBytes: n, tokens: tokenCount,
                        outputBytes: nil, peakRSSKB: nil, startRSSKB: nil, derived: true, rawSeconds: raw)
        }
        let taggerRaw = taggerResult.seconds - basicResult.seconds
        let tagRaw = fullResult.seconds - basicResult.seconds
        results.append(fullResult)
        results.append(derived("tagger alone (derived)", taggerRaw))
        results.append(derived("discourse: quotes, events, stance (derived)", fullResult.seconds - taggerResult.seconds))
        results.append(derived("tag (derived)", tagRaw))

        // 4–5. annotate + compact JSON into a counting sink.
        func jsonStage(_ name: String, layers: Set<Layer>) -> StageResult {
            var outputBytes = 0
            var r = stage(name) {
                let counter = ByteCounter()
                let a = annotator.annotate(bytes: input, id: "bench", layers: layers)
                a.writeJSON(JSONOptions(compact: true, layers: layers), chunks: { counter.bytes += $0.count })
                outputBytes = counter.bytes
                return counter.bytes
            }
            r.tokens = tokenCount
            r.outputBytes = outputBytes
            return r
        }
        results.append(jsonStage("annotate+json (compact, tokens+sentences)", layers: basic))
        results.append(jsonStage("annotate+json (compact, all layers)", layers: all))
        results.append(jsonStage("annotate+json (compact, no tokens)", layers: noTokens))

        let finalPeak = Memory.peakKB
        let rssMode = options.resetPeak && resetWorks ? "per-stage" : "cumulative"

        // MARK: table
        say("accord-bench — accord \(Accord.version), \(machine.build) build")
        say("machine:  \(machine.arch), \(machine.kernel), \(machine.activeProcessors) processors (nproc), \(fixed(Double(machine.memoryBytes) / 1e9, 1)) GB RAM")
        say("date:     \(machine.date); load average \(loadAtStart) at start, \(Machine.loadAverage()) at end")
        say("root:     \(root.path)")
        say("corpus:   \(fixed(megabytes(n), 2)) MB (\(n) bytes, \(scalarCount) scalars) from \(corpus.articles.count) article\(corpus.articles.count == 1 ? "" : "s"), \(corpus.distinctParagraphs) distinct paragraphs, \(corpus.paragraphs) paragraphs in \(corpus.rounds) shuffles, seed 0x\(String(options.seed, radix: 16))")
        say("          built in \(fixed(buildSeconds, 2)) s\(options.writeCorpus.map { ", written to \($0)" } ?? "")")
        say("output:   \(tokenCount) tokens, \(sentenceCount) sentences, \(warnings.count) warning\(warnings.count == 1 ? "" : "s")\(warnings.first.map { " (first: \($0))" } ?? "")")
        say("timing:   one untimed warm-up run, then best of \(options.runs), monotonic clock; MB/s = input bytes / s / 1e6; Annotator() took \(fixed(initMs, 1)) ms")
        say("peak RSS: VmHWM \(rssMode == "per-stage" ? "after each stage's warm-up run, reset (after malloc_trim) before it; it includes what is resident at the start of the stage (\(fixed(Double(baselineRSS ?? 0) / 1e3, 0)) MB before any stage, the corpus included)" : "after each stage, cumulative over the process")")
        say()
        let header = ["stage", "best s", "MB/s", "M tokens/s", "output MB", "peak RSS MB", "RSS at start MB"]
        var rows: [[String]] = []
        for r in results {
            rows.append([
                r.name + (r.note.map { " (\($0))" } ?? ""),
                fixed(r.seconds, 3),
                fixed(r.mbPerSecond, 1),
                r.tokensPerSecond.map { fixed($0 / 1e6, 2) } ?? "–",
                r.outputBytes.map { fixed(megabytes($0), 1) } ?? "–",
                r.peakRSSKB.map { fixed(Double($0) / 1e3, 0) } ?? "–",
                r.startRSSKB.map { fixed(Double($0) / 1e3, 0) } ?? "–",
            ])
        }
        for line in markdownTable(header: header, rows: rows, rightAligned: Set(1..<header.count)) { say(line) }
        say()
        say("tagger alone (derived) = annotate (tagger layers) − annotate (tokens+sentences) = \(fixed(taggerRaw, 3)) s: the lexicon matching and actor, initiative, action and target rules (issue 3's tagger); discourse = all layers − tagger layers.")
        say("tag (derived) = annotate (all layers) − annotate (tokens+sentences) = \(fixed(tagRaw, 3)) s\(abs(tagRaw) < 0.03 * fullResult.seconds ? ", within noise (no tagging stage yet, or a very cheap one)" : tagRaw < 0 ? ", negative: noise larger than the tagger; raise --runs or --mb" : ""); its MB/s is input bytes / that time.")
        let noisy = results.filter { r in !r.derived && r.runs.count > 1 && (r.runs.max() ?? 0) > 1.15 * r.seconds && r.seconds > 0.05 }
        if !noisy.isEmpty {
            say("noisy: runs of \(noisy.map(\.name).joined(separator: ", ")) differ by more than 15%; the machine is busy (load average above), raise --runs")
        }
        say("runs (s): " + results.filter { !$0.derived }.map { "\($0.name): " + $0.runs.map { fixed($0, 3) }.joined(separator: " ") }.joined(separator: "; "))
        if let finalPeak { say("process peak RSS (VmHWM at exit\(rssMode == "per-stage" ? ", since the last reset" : "")): \(fixed(Double(finalPeak) / 1e3, 0)) MB") }

        // MARK: JSON
        if options.json {
            var o = JSONObject()
            o.add("tool", "accord-bench")
            o.add("accord_version", Accord.version)
            o.add("build", machine.build)
            o.add("date", machine.date)
            var m = JSONObject()
            m.add("arch", machine.arch)
            m.add("kernel", machine.kernel)
            m.add("nproc", machine.activeProcessors)
            m.add("memory_bytes", machine.memoryBytes)
            m.add("load_average_start", loadAtStart)
            m.add("load_average_end", Machine.loadAverage())
            o.add("machine", raw: m.text)
            var c = JSONObject()
            c.add("bytes", n)
            c.add("mb", megabytes(n), digits: 3)
            c.add("scalars", scalarCount)
            c.add("articles", corpus.articles.count)
            c.add("distinct_paragraphs", corpus.distinctParagraphs)
            c.add("paragraphs", corpus.paragraphs)
            c.add("rounds", corpus.rounds)
            c.add("seed", "0x" + String(options.seed, radix: 16))
            c.add("tokens", tokenCount)
            c.add("sentences", sentenceCount)
            c.add("warnings", warnings.count)
            c.add("path", options.writeCorpus ?? "")
            o.add("corpus", raw: c.text)
            o.add("runs", options.runs)
            o.add("annotator_init_ms", initMs, digits: 3)
            o.add("rss_mode", rssMode)
            o.add("baseline_rss_kb", baselineRSS)
            var stages: [String] = []
            for r in results {
                var s = JSONObject()
                s.add("name", r.name)
                s.add("derived", r.derived)
                if r.derived { s.add("raw_seconds", r.rawSeconds) }
                s.add("seconds", r.seconds)
                s.add("runs_seconds", raw: "[" + r.runs.map { fixed($0, 6) }.joined(separator: ",") + "]")
                s.add("mb_per_s", r.mbPerSecond, digits: 3)
                s.add("tokens_per_s", r.tokensPerSecond, digits: 0)
                s.add("output_bytes", r.outputBytes)
                s.add("peak_rss_kb", r.peakRSSKB)
                s.add("start_rss_kb", r.startRSSKB)
                stages.append(s.text)
            }
            o.add("stages", raw: "[" + stages.joined(separator: ",") + "]")
            o.add("checksum", checksum)
            print(o.text)
        }
    }
}

/// A Markdown pipe table with padded columns (readable as plain text, pasteable into a README).
func markdownTable(header: [String], rows: [[String]], rightAligned: Set<Int>) -> [String] {
    let all = [header] + rows
    let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
        "| " + cells.enumerated().map { i, cell in
            let pad = String(repeating: " ", count: widths[i] - cell.count)
            return rightAligned.contains(i) ? pad + cell : cell + pad
        }.joined(separator: " | ") + " |"
    }
    let rule = "|" + header.indices.map { i in
        rightAligned.contains(i) ? String(repeating: "-", count: widths[i] + 1) + ":" : ":" + String(repeating: "-", count: widths[i] + 1)
    }.joined(separator: "|") + "|"
    return [line(header), rule] + rows.map(line)
}
