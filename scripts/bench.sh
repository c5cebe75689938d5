#!/usr/bin/env bash
# Throughput benchmark of accord: builds release, runs accord-bench (in-process stages), then times
# the CLI end to end on the same corpus written to a file, and start-up. See bench/README.md.
#
#   bash scripts/bench.sh [--mb N] [--runs N] [--seed N] [--cli-mb N] [--no-build]
#
# Arguments other than --cli-mb and --no-build go to accord-bench unchanged. The corpus for both
# is --mb megabytes (default 20 here; accord-bench alone defaults to 50); --cli-mb gives the CLI
# its own size.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

MB=20
CLI_MB=
BUILD=1
BENCH_ARGS=()
while (($#)); do
    case "$1" in
        --mb) MB=${2:?--mb needs a value}; shift 2 ;;
        --cli-mb) CLI_MB=${2:?--cli-mb needs a value}; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        --json|--write-corpus|--corpus-only|--root)
            echo "bench.sh: $1 is set by the script itself" >&2; exit 2 ;;
        *) BENCH_ARGS+=("$1"); shift ;;
    esac
done
CLI_MB=${CLI_MB:-$MB}
CLI_RUNS=3
STARTUP_RUNS=10

TMP=$(mktemp -d "${TMPDIR:-/tmp}/accord-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
CORPUS_FILE="${TMPDIR:-/tmp}/accord-bench-${CLI_MB}mb.txt"

# ---- build -------------------------------------------------------------------------------------
if ((BUILD)); then
    echo "== building release (swift build -c release) ..." >&2
    if ! swift build -c release --product accord-bench >&2 || ! swift build -c release --product accord >&2; then
        echo "bench.sh: the release build failed (see above); Package.swift must have the accord-bench target" >&2
        exit 1
    fi
fi
BIN=$(swift build -c release --show-bin-path)
BENCH="$BIN/accord-bench"
ACCORD="$BIN/accord"
for exe in "$BENCH" "$ACCORD"; do
    [[ -x $exe ]] || { echo "bench.sh: $exe is missing; run without --no-build" >&2; exit 2; }
done

# ---- in-process stages -------------------------------------------------------------------------
echo "== accord-bench --mb $MB ${BENCH_ARGS[*]:-}" >&2
WRITE=()
[[ $CLI_MB == "$MB" ]] && WRITE=(--write-corpus "$CORPUS_FILE")
"$BENCH" --root "$ROOT" --mb "$MB" "${BENCH_ARGS[@]}" "${WRITE[@]}" --json >"$TMP/bench.json"
if [[ $CLI_MB != "$MB" ]]; then
    "$BENCH" --root "$ROOT" --mb "$CLI_MB" "${BENCH_ARGS[@]}" --write-corpus "$CORPUS_FILE" --corpus-only
fi
CORPUS_BYTES=$(wc -c <"$CORPUS_FILE")

# ---- CLI end to end ----------------------------------------------------------------------------
# Wall time of one command in nanoseconds: bash's $EPOCHREALTIME (no fork) when there, else date.
now_ns() {
    if [[ -n ${EPOCHREALTIME:-} ]]; then
        local t=${EPOCHREALTIME/[.,]/}
        echo "${t}000"
    else
        date +%s%N
    fi
}
# best_ns RUNS FUNCTION: the best wall time of RUNS calls of FUNCTION.
best_ns() {
    local runs=$1 fn=$2 best= t0 t1 d i
    for ((i = 0; i < runs; i++)); do
        t0=$(now_ns); "$fn"; t1=$(now_ns)
        d=$((t1 - t0))
        if [[ -z $best ]] || ((d < best)); then best=$d; fi
    done
    echo "$best"
}
# With hyperfine, the best ("min") of its runs instead.
best_hyperfine_ns() {
    local runs=$1 cmd=$2
    hyperfine --style none --warmup 1 --runs "$runs" --export-json "$TMP/hf.json" "$cmd" >&2
    python3 -c 'import json,sys; print(int(min(json.load(open(sys.argv[1]))["results"][0]["times"])*1e9))' "$TMP/hf.json"
}
HAVE_HYPERFINE=0
if command -v hyperfine >/dev/null && command -v python3 >/dev/null; then HAVE_HYPERFINE=1; fi

# Warnings (the shuffled paragraphs leave quotes unbalanced: thousands of them) go to /dev/null.
cli_full()      { "$ACCORD" annotate "$CORPUS_FILE" --compact >/dev/null 2>&1; }
cli_no_tokens() { "$ACCORD" annotate "$CORPUS_FILE" --compact --no-tokens >/dev/null 2>&1; }
cli_basic()     { "$ACCORD" annotate "$CORPUS_FILE" --compact --layers sentences,tokens >/dev/null 2>&1; }
start_empty()   { "$ACCORD" annotate </dev/null >/dev/null 2>&1; }
start_article() { "$ACCORD" annotate corpus/bicentennial-ap.txt >/dev/null; }
spawn_true()    { /bin/true; }

time_it() { # RUNS FUNCTION COMMAND-TEXT
    if ((HAVE_HYPERFINE)); then best_hyperfine_ns "$1" "$3"; else best_ns "$1" "$2"; fi
}

echo "== CLI on $CORPUS_FILE ($CORPUS_BYTES bytes), best of $CLI_RUNS$( ((HAVE_HYPERFINE)) && echo ' (hyperfine)')" >&2
# One run first: checks it works, warms the page cache, gives the output size.
OUT_FULL=$("$ACCORD" annotate "$CORPUS_FILE" --compact 2>"$TMP/warnings.txt" | wc -c)
OUT_NOTOK=$("$ACCORD" annotate "$CORPUS_FILE" --compact --no-tokens 2>/dev/null | wc -c)
OUT_BASIC=$("$ACCORD" annotate "$CORPUS_FILE" --compact --layers sentences,tokens 2>/dev/null | wc -c)
WARNINGS=$(wc -l <"$TMP/warnings.txt")
if ((WARNINGS > 0)); then
    echo "   $WARNINGS lines on stderr (warnings, discarded in the timed runs); first: $(head -1 "$TMP/warnings.txt")" >&2
fi
NS_FULL=$(time_it "$CLI_RUNS" cli_full "'$ACCORD' annotate '$CORPUS_FILE' --compact")
NS_NOTOK=$(time_it "$CLI_RUNS" cli_no_tokens "'$ACCORD' annotate '$CORPUS_FILE' --compact --no-tokens")
NS_BASIC=$(time_it "$CLI_RUNS" cli_basic "'$ACCORD' annotate '$CORPUS_FILE' --compact --layers sentences,tokens")

echo "== start-up, best of $STARTUP_RUNS" >&2
NS_EMPTY=$(time_it "$STARTUP_RUNS" start_empty "'$ACCORD' annotate </dev/null")
NS_ARTICLE=$(time_it "$STARTUP_RUNS" start_article "'$ACCORD' annotate corpus/bicentennial-ap.txt")
NS_TRUE=$(time_it "$STARTUP_RUNS" spawn_true "/bin/true")

# Peak RSS of the CLI: GNU time (Debian/Ubuntu package `time`).
RSS_FULL= RSS_NOTOK= RSS_BASIC= RSS_EMPTY=
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
    rss_kb() { # COMMAND...: max RSS in kB
        /usr/bin/time -v -o "$TMP/time.txt" "$@" >/dev/null 2>&1
        awk -F': *' '/Maximum resident set size/ { print $2 }' "$TMP/time.txt"
    }
    RSS_FULL=$(rss_kb "$ACCORD" annotate "$CORPUS_FILE" --compact)
    RSS_NOTOK=$(rss_kb "$ACCORD" annotate "$CORPUS_FILE" --compact --no-tokens)
    RSS_BASIC=$(rss_kb "$ACCORD" annotate "$CORPUS_FILE" --compact --layers sentences,tokens)
    RSS_EMPTY=$(rss_kb "$ACCORD" annotate /dev/null)
else
    echo "bench.sh: /usr/bin/time (GNU time) is missing, so no peak RSS for the CLI; install it with" \
         "'apt-get install time'. Peak RSS below is accord-bench's (in-process) only." >&2
fi

# ---- summary -----------------------------------------------------------------------------------
echo >&2
echo "== summary (Markdown)"
if ! command -v python3 >/dev/null; then
    echo "bench.sh: python3 is missing, so only the raw figures follow (accord-bench's table is above)."
    cat "$TMP/bench.json"; echo
    printf 'CLI --compact: %s ns, output %s bytes; --no-tokens: %s ns, output %s bytes; tokens and sentences: %s ns, output %s bytes\n' "$NS_FULL" "$OUT_FULL" "$NS_NOTOK" "$OUT_NOTOK" "$NS_BASIC" "$OUT_BASIC"
    printf 'start-up: empty %s ns, article %s ns, /bin/true %s ns; RSS kB: %s %s %s\n' "$NS_EMPTY" "$NS_ARTICLE" "$NS_TRUE" "$RSS_FULL" "$RSS_NOTOK" "$RSS_EMPTY"
    exit 0
fi
SWIFT_VERSION=$(swift --version 2>/dev/null | head -1 || true)
python3 - "$TMP/bench.json" <<PY
import json, sys
b = json.load(open(sys.argv[1]))
c, m = b["corpus"], b["machine"]
cli_bytes = $CORPUS_BYTES
def f(x, d): return "–" if x is None else f"{x:.{d}f}"
def mb(x): return "–" if x in (None, "") else f"{int(x)/1e6:.1f}"
def rss(kb): return "–" if kb in (None, "") else f"{int(kb)/1e3:.0f}"
rows = []
for s in b["stages"]:
    rows.append([s["name"], f(s["seconds"], 3) + " s", f(s["mb_per_s"], 1),
                 "–" if s["tokens_per_s"] is None else f(s["tokens_per_s"]/1e6, 2),
                 mb(s["output_bytes"]), rss(s["peak_rss_kb"])])
tokens_cli = c["tokens"] * cli_bytes / c["bytes"]  # same text, scaled if --cli-mb differs
def cli(label, ns, out, kb):
    s = ns / 1e9
    rows.append([label, f(s, 3) + " s", f(cli_bytes / s / 1e6, 1), f(tokens_cli / s / 1e6, 2), mb(out), rss(kb)])
cli("CLI \`annotate FILE --compact\`", $NS_FULL, $OUT_FULL, "$RSS_FULL")
cli("CLI \`annotate FILE --compact --no-tokens\`", $NS_NOTOK, $OUT_NOTOK, "$RSS_NOTOK")
cli("CLI \`annotate FILE --compact --layers sentences,tokens\`", $NS_BASIC, $OUT_BASIC, "$RSS_BASIC")
rows.append(["CLI start-up, empty stdin", f($NS_EMPTY/1e6, 1) + " ms", "–", "–", "–", rss("$RSS_EMPTY")])
rows.append(["CLI start-up, corpus/bicentennial-ap.txt", f($NS_ARTICLE/1e6, 1) + " ms", "–", "–", "–", "–"])
rows.append(["(process spawn: /bin/true)", f($NS_TRUE/1e6, 1) + " ms", "–", "–", "–", "–"])
head = ["measure", "best time", "MB/s", "M tokens/s", "output MB", "peak RSS MB"]
w = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
line = lambda r: "| " + " | ".join(r[0].ljust(w[0]) if i == 0 else r[i].rjust(w[i]) for i in range(len(r))) + " |"
print(f"accord {b['accord_version']} ({b['build']}), {m['arch']}, {m['nproc']} cpus, {m['memory_bytes']/1e9:.0f} GB, {b['date'][:10]}; $SWIFT_VERSION")
print(f"corpus: {c['mb']:.1f} MB in-process / {cli_bytes/1e6:.1f} MB CLI, {c['articles']} articles, "
      f"{c['distinct_paragraphs']} paragraphs (seed {c['seed']}), {c['tokens']} tokens, {c['sentences']} sentences; "
      f"best of {b['runs']} (CLI $CLI_RUNS, start-up $STARTUP_RUNS); peak RSS in-process: {b['rss_mode']}, CLI: GNU time")
print()
print(line(head))
print("|:" + "-" * (w[0] + 1) + "|" + "|".join("-" * (x + 1) + ":" for x in w[1:]) + "|")
for r in rows: print(line(r))
PY
