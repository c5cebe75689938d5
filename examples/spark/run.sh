#!/bin/sh
# Runs annotate_with_spark.py on the repository's corpus: makes a virtual environment with pyspark
# (pip) when Java and PyPI are reachable, else prints SKIPPED and exits 0.
#   examples/spark/run.sh            (ACCORD=/path/to/accord to choose the binary,
#                                     ACCORD_SPARK_VENV=/path for the virtual environment)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

skip() { echo "SKIPPED: $*"; exit 0; }

accord=${ACCORD:-}
if [ -z "$accord" ]; then
    # the most recently built of the release and debug binaries
    for candidate in "$root/.build/release/accord" "$root/.build/debug/accord"; do
        if [ -x "$candidate" ] && { [ -z "$accord" ] || [ "$candidate" -nt "$accord" ]; }; then accord=$candidate; fi
    done
fi
[ -n "$accord" ] && [ -x "$accord" ] || skip "no accord binary; run 'swift build' first (or set ACCORD)"

command -v java >/dev/null 2>&1 || skip "Java not found (Spark needs Java 17, or 8/11 for pyspark 3.5)"
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\)\.\{0,1\}\([0-9]*\).*/\1 \2/p' | head -n 1 |
             awk '{ print ($1 == 1) ? $2 : $1 }')
case "$java_major" in ''|*[!0-9]*) skip "cannot tell the Java version" ;; esac
if [ "$java_major" -ge 17 ]; then spec='pyspark>=3.5,<5'; else spec='pyspark>=3.5,<4'; fi

command -v python3 >/dev/null 2>&1 || skip "python3 not found"
venv=${ACCORD_SPARK_VENV:-$here/.venv}
if ! "$venv/bin/python" -c 'import pyspark' >/dev/null 2>&1; then
    python3 -c 'import urllib.request; urllib.request.urlopen("https://pypi.org/simple/pyspark/", timeout=10)' \
        >/dev/null 2>&1 || skip "no network to PyPI to install pyspark"
    python3 -m venv "$venv" >/dev/null 2>&1 || skip "cannot create a virtual environment (python3 -m venv)"
    echo "installing $spec into $venv (once)..."
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$spec" || skip "pip could not install $spec"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$venv/bin/python" "$here/annotate_with_spark.py" "$accord" "$root/corpus" "$out/annotations.jsonl"
