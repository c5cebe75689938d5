#!/usr/bin/env bash
# Scaling figures that accord-bench's single run does not give (issue #6):
#   1. batch: `accord batch` on a folder of N articles with --jobs 1 and --jobs 2 (wall time, MB/s,
#      speed-up, peak RSS);
#   2. linearity: `accord annotate FILE --compact` on 1, 5 and 20 MB of the benchmark corpus (MB/s);
#   3. lexicon size: the same 5 MB with the built-in lexicons and with a --lexicons overlay that adds
#      9x their phrase count in synthetic entries (10x in all).
#
#   bash scripts/bench-scaling.sh [--articles N] [--runs N] [--no-build]
# Needs a release build (made unless --no-build) and GNU time for peak RSS. Best of --runs (3) each.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ARTICLES=5000 RUNS=3 BUILD=1
while (($#)); do
    case "$1" in
        --articles) ARTICLES=${2:?}; shift 2 ;;
        --runs) RUNS=${2:?}; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench-scaling.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
((BUILD)) && swift build -c release --product accord >&2 && swift build -c release --product accord-bench >&2
BIN=$(swift build -c release --show-bin-path)
ACCORD="$BIN/accord" BENCH="$BIN/accord-bench"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/accord-scaling.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# best wall seconds of RUNS runs of a command, and the peak RSS (MB) of the last
best() {
    local best= t0 t1 d
    for ((r = 0; r < RUNS; r++)); do
        t0=$(date +%s%N)
        /usr/bin/time -f %M -o "$TMP/rss" "$@" >/dev/null 2>&1
        t1=$(date +%s%N); d=$((t1 - t0))
        if [[ -z $best ]] || ((d < best)); then best=$d; fi
    done
    echo "$best $(($(cat "$TMP/rss") / 1024))"
}
rate() { python3 -c "import sys; print(f'{int(sys.argv[1]) / (int(sys.argv[2]) / 1e9) / 1e6:.1f}')" "$1" "$2"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(date -u +%FT%TZ); load $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- 1. batch ---------------------------------------------------------------------------------
# N articles: each a random pick of 8-20 paragraphs of corpus/ (deterministic seed).
python3 - "$TMP/articles" "$ARTICLES" <<'PY'
import os, random, sys, glob
out, n = sys.argv[1], int(sys.argv[2])
paras = []
for f in sorted(glob.glob("corpus/*.txt")):
    paras += [p for p in open(f, encoding="utf-8").read().split("\n\n") if p.strip()]
rng = random.Random(20261129)
os.makedirs(out)
for i in range(n):
    with open(f"{out}/article-{i:05d}.txt", "w", encoding="utf-8") as fh:
        fh.write("\n\n".join(rng.choice(paras) for _ in range(rng.randint(8, 20))) + "\n")
PY
BYTES=$(cat "$TMP"/articles/*.txt | wc -c)
echo
echo "| accord batch, $ARTICLES articles ($(python3 -c "print(f'{$BYTES/1e6:.1f}')") MB) | wall s | MB/s | speed-up | peak RSS MB |"
echo "|:--|--:|--:|--:|--:|"
base=
for jobs in 1 2; do
    read -r ns rss < <(best "$ACCORD" batch "$TMP/articles" -o "$TMP/out-$jobs" --jobs "$jobs" --compact)
    rm -rf "$TMP/out-$jobs"
    [[ -z $base ]] && base=$ns
    echo "| --jobs $jobs | $(python3 -c "print(f'{$ns/1e9:.2f}')") | $(rate "$BYTES" "$ns") | $(python3 -c "print(f'{$base/$ns:.2f}')")× | $rss |"
done

# ---- 2. linearity -----------------------------------------------------------------------------
echo
echo "| accord annotate FILE --compact | MB/s | peak RSS MB | RSS ÷ input |"
echo "|:--|--:|--:|--:|"
for mb in 1 5 20; do
    "$BENCH" --mb "$mb" --write-corpus "$TMP/c$mb.txt" --corpus-only 2>/dev/null
    size=$(wc -c <"$TMP/c$mb.txt")
    read -r ns rss < <(best "$ACCORD" annotate "$TMP/c$mb.txt" --compact)
    echo "| $mb MB | $(rate "$size" "$ns") | $rss | $(python3 -c "print(f'{$rss/($size/1048576):.1f}')") |"
done

# ---- 3. lexicon size --------------------------------------------------------------------------
# Synthetic actors and targets: made-up two- and three-word phrases that never occur in the text,
# 9 per built-in phrase, so the trie and vocabulary grow tenfold.
mkdir -p "$TMP/lex10"
python3 - "$TMP/lex10" <<'PY'
import sys, glob, random
out = sys.argv[1]
lines = sum(1 for f in glob.glob("lexicons/*.txt") for l in open(f, encoding="utf-8") if l.strip() and not l.startswith("#"))
rng = random.Random(7)
syll = ["ka", "ro", "mi", "tes", "lun", "var", "qui", "dor", "pex", "zal", "bru", "nok"]
word = lambda: "".join(rng.choice(syll) for _ in range(rng.randint(2, 4)))
seen = set()
with open(f"{out}/actors.txt", "w") as a, open(f"{out}/targets.txt", "w") as t:
    for i in range(9 * lines):
        phrase = " ".join(word() for _ in range(rng.randint(1, 3)))
        if phrase in seen: continue
        seen.add(phrase)
        if i % 2: a.write(f"{phrase.title()}\torg:synthetic-{i}\torganization\n")
        else: t.write(f"{phrase}\tdrugs\t{phrase}\n")
print(f"{len(seen)} synthetic entries for {lines} built-in lines", file=sys.stderr)
PY
"$ACCORD" lexicons check "$TMP/lex10" >/dev/null
echo
echo "| accord annotate 5 MB --compact | MB/s | start-up ms (empty input) |"
echo "|:--|--:|--:|"
for lex in built-in 10x; do
    args=(); [[ $lex == 10x ]] && args=(--lexicons "$TMP/lex10")
    read -r ns _ < <(best "$ACCORD" annotate "$TMP/c5.txt" --compact "${args[@]}")
    read -r ns0 _ < <(best "$ACCORD" annotate /dev/null --compact "${args[@]}")
    echo "| lexicons $lex | $(rate "$(wc -c <"$TMP/c5.txt")" "$ns") | $(python3 -c "print(f'{$ns0/1e6:.1f}')") |"
done
