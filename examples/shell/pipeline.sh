#!/bin/sh
# accord in plain shell pipelines: JSONL records in, one annotation a line out, in order.
#   examples/shell/pipeline.sh       (ACCORD=/path/to/accord to choose the binary)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
accord=${ACCORD:-}
if [ -z "$accord" ]; then
    # the most recently built of the release and debug binaries
    for candidate in "$root/.build/release/accord" "$root/.build/debug/accord"; do
        if [ -x "$candidate" ] && { [ -z "$accord" ] || [ "$candidate" -nt "$accord" ]; }; then accord=$candidate; fi
    done
fi
[ -n "$accord" ] || { echo "SKIPPED: no accord binary; run 'swift build' first (or set ACCORD)"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. Records from the corpus: {"id": file name, "text": article} (python3 does the JSON escaping).
python3 - "$root/corpus" > "$work/records.jsonl" <<'PY'
import glob, json, os, sys
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.txt"))):
    with open(path, encoding="utf-8", errors="replace") as f:
        print(json.dumps({"id": os.path.basename(path)[:-4], "text": f.read()}))
PY
records=$(wc -l < "$work/records.jsonl")

# 2. One stream: one output line per record, in order; bad records become {"id","error","line"}.
"$accord" annotate --input jsonl --no-tokens < "$work/records.jsonl" > "$work/serial.jsonl"

# 3. In parallel with plain POSIX tools: split into chunks, annotate them at once, join in order.
split -l 5 "$work/records.jsonl" "$work/chunk."
ls "$work"/chunk.* | xargs -P 4 -I{} sh -c '"$1" annotate --input jsonl --no-tokens < "$2" > "$2.out"' sh "$accord" {}
cat "$work"/chunk.*.out > "$work/parallel.jsonl"

# 4. The same with GNU parallel, when installed (--keep-order keeps the output in input order).
if command -v parallel >/dev/null 2>&1; then
    parallel --pipe --keep-order -N 5 "$accord" annotate --input jsonl --no-tokens < "$work/records.jsonl" > "$work/gnu.jsonl"
    cmp "$work/serial.jsonl" "$work/gnu.jsonl"
fi

cmp "$work/serial.jsonl" "$work/parallel.jsonl"
lines=$(wc -l < "$work/serial.jsonl")
[ "$lines" -eq "$records" ] || { echo "FAILED: $records records in, $lines lines out"; exit 1; }

# 5. A table: id and target mentions per category (python3 here; jq -r works as well).
python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    print("%-28s %s" % (d["document"]["id"], " ".join("%s=%d" % kv for kv in sorted(d["summary"]["targets"].items()))))
' "$work/serial.jsonl"
echo "OK: $records records, serial and parallel outputs identical"
