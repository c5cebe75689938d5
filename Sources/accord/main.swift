import Accord
import Foundation

let usage = """
accord \(Accord.version): rule-based annotation of news about US-Mexico security cooperation.

Usage:
  accord annotate [FILE|-]... [-o PATH] [--format json|jsonl|brat|conll|html] [--compact] [--lexicons DIR]
  accord annotate --input jsonl < records.jsonl > annotations.jsonl
  accord batch DIR -o OUTDIR [--format FORMAT] [--jobs N] [--resume] [--lexicons DIR]
  accord compare EXPECTED ACTUAL [--layers LIST] [--score] [--json]
  accord lexicons check [DIR]
  accord --help | --version

Commands:
  annotate   mark actors, initiatives, actions, targets, quotes, events and stance in articles
  batch      annotate every text file under a folder, in parallel, with a summary of the corpus
  compare    show differences between two annotation files or folders, or score one against gold
  lexicons   validate lexicon files

Run 'accord COMMAND --help' for a command's options and an example.

Example:
  accord annotate corpus/bicentennial-ap.txt
"""

func runMain() -> Int32 {
    let args = CommandLine.arguments.dropFirst()
    guard let command = args.first else {
        Terminal.error("missing command; try 'accord annotate FILE' or 'accord --help'")
        Terminal.note(usage)
        return 2
    }
    let commands: [String: (usage: String, run: (ArraySlice<String>) throws -> Int32)] = [
        "annotate": (AnnotateCommand.usage, AnnotateCommand.run),
        "lexicons": (LexiconsCommand.usage, LexiconsCommand.run),
        "compare": (CompareCommand.usage, CompareCommand.run),
        "batch": (BatchCommand.usage, BatchCommand.run),
    ]
    switch command {
    case "-h", "--help", "help":
        print(usage)
        return 0
    case "--version", "-V":
        print("accord \(Accord.version)")
        return 0
    default:
        break
    }
    guard let entry = commands[command] else {
        Terminal.error("unknown command '\(command)'")
        Terminal.note(usage)
        return 2
    }
    do {
        return try entry.run(args.dropFirst())
    } catch let error as UsageError {
        Terminal.error("\(command): \(error.message)")
        Terminal.note(entry.usage)
        return 2
    } catch let error as CommandError {
        Terminal.error(error.message)
        return error.code
    } catch let error as OutputError {
        Terminal.error(error.message)
        return 2
    } catch {
        Terminal.error("\(error)")
        return 2
    }
}

exit(runMain())
