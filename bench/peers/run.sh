#!/usr/bin/env bash
# Peer comparison: accord vs spaCy's rule pipeline, blingfire, flashtext, VADER and pySBD on
# accord-bench's corpus, one core, best of N. See bench/peers/README.md. Not part of CI.
#
#   bash bench/peers/run.sh [--mb N] [--runs N] [--feed articles|paragraphs] [--budget S]
#                           [--cpu N] [--skip LIST] [--note TEXT] [--no-build] [--no-results]
#
#   --mb N        corpus size in MB (default 20)        --runs N     best of N (default 3)
#   --feed F      how the Python tools get the text: article-size pieces (default) or paragraphs
#   --budget S    seconds for all runs of VADER, and of pySBD; over it they run on a prefix (120)
#   --cpu N       the core to pin to with taskset (default 0)
#   --skip LIST   comma-separated: spacy,blingfire,flashtext,vader,pysbd,accord
#   --note TEXT   a remark for the results header (e.g. "busy machine")
#   --no-build    reuse the last release build          --no-results  do not write results-<date>.md
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"

MB=20 RUNS=3 FEED=articles BUDGET=120 CPU=0 SKIP= NOTE= BUILD=1 RESULTS=1
while (($#)); do
    case "$1" in
        --mb) MB=${2:?--mb needs a value}; shift 2 ;;
        --runs) RUNS=${2:?--runs needs a value}; shift 2 ;;
        --feed) FEED=${2:?--feed needs a value}; shift 2 ;;
        --budget) BUDGET=${2:?--budget needs a value}; shift 2 ;;
        --cpu) CPU=${2:?--cpu needs a value}; shift 2 ;;
        --skip) SKIP=${2:?--skip needs a value}; shift 2 ;;
        --note) NOTE=${2:?--note needs a value}; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --no-results) RESULTS=0; shift ;;
        -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
[[ $MB =~ ^[0-9]+$ && $MB -ge 1 ]] || { echo "run.sh: --mb wants a whole number >= 1" >&2; exit 2; }
[[ $RUNS =~ ^[0-9]+$ && $RUNS -ge 1 ]] || { echo "run.sh: --runs wants a whole number >= 1" >&2; exit 2; }

# accord's timed runs write to /dev/null; if it is not the device, the figures are meaningless.
if [[ ! -c /dev/null ]]; then
    echo "run.sh: /dev/null is not a character device (something replaced it with a file);" \
         "restore it (as root: rm /dev/null && mknod -m 666 /dev/null c 1 3) and run again" >&2
    exit 1
fi

# ---- the virtual environment -------------------------------------------------------------------
VENV="$HERE/.venv"
REQ="$HERE/requirements.txt"
command -v python3 >/dev/null || { echo "run.sh: python3 is missing" >&2; exit 1; }
stamp() { sha256sum "$REQ" | cut -d' ' -f1; }
if [[ ! -x $VENV/bin/python ]]; then
    echo "== creating $VENV" >&2
    if ! python3 -m venv "$VENV"; then
        rm -rf "$VENV"
        echo "run.sh: 'python3 -m venv' failed; on Debian/Ubuntu install python3-venv (apt-get install python3-venv)" >&2
        exit 1
    fi
fi
if [[ ! -f $VENV/.requirements-sha256 || $(cat "$VENV/.requirements-sha256") != "$(stamp)" ]]; then
    echo "== pip install -r bench/peers/requirements.txt (into $VENV)" >&2
    if ! "$VENV/bin/python" -m pip install --disable-pip-version-check -q -r "$REQ"; then
        echo "run.sh: pip install failed (see above). PyPI must be reachable; the pins in $REQ need" \
             "wheels for $("$VENV/bin/python" --version 2>&1). Delete $VENV to start over." >&2
        exit 1
    fi
    stamp >"$VENV/.requirements-sha256"
fi

# ---- accord ------------------------------------------------------------------------------------
if ((BUILD)); then
    echo "== building release (swift build -c release: accord-bench, accord)" >&2
    if ! swift build -c release --product accord-bench >&2 || ! swift build -c release --product accord >&2; then
        echo "run.sh: the release build failed (see above)" >&2
        exit 1
    fi
fi
BIN=$(swift build -c release --show-bin-path)
for exe in "$BIN/accord-bench" "$BIN/accord"; do
    [[ -x $exe ]] || { echo "run.sh: $exe is missing; run without --no-build" >&2; exit 1; }
done

# ---- the corpus: accord-bench's, byte for byte -------------------------------------------------
CORPUS="${TMPDIR:-/tmp}/accord-peers-${MB}MB.txt"
"$BIN/accord-bench" --root "$ROOT" --mb "$MB" --write-corpus "$CORPUS" --corpus-only >&2

# ---- one core ----------------------------------------------------------------------------------
PIN=() PINNED="not pinned (taskset missing)"
if command -v taskset >/dev/null; then
    if taskset -c "$CPU" true 2>/dev/null; then
        PIN=(taskset -c "$CPU"); PINNED="taskset -c $CPU"
    else
        PINNED="not pinned (taskset -c $CPU refused)"
    fi
fi
echo "== $PINNED" >&2

OUT=()
((RESULTS)) && OUT=(--out "$HERE/results-$(date +%F).md")
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0
"${PIN[@]}" "$VENV/bin/python" "$HERE/peers.py" \
    --corpus "$CORPUS" --accord "$BIN/accord" --lexicons "$ROOT/lexicons" \
    --runs "$RUNS" --feed "$FEED" --budget "$BUDGET" --skip "$SKIP" --note "$NOTE" \
    --pinned "$PINNED" --swift "$(swift --version 2>/dev/null | head -1)" \
    --commit "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')" \
    "${OUT[@]}"
