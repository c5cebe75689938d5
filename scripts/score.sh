#!/usr/bin/env bash
# Scores accord against the hand-annotated gold files in corpus/gold (precision, recall and F1 per
# layer, from `accord compare --score`).
#
#   bash scripts/score.sh [SET] [--bin PATH] [--no-build]
#
# SET: dev (the articles the rules were developed against: every gold file whose name does not
# start with heldout; the default), heldout (heldout-*), heldout2 (heldout2-*), or a name prefix
# (dev2-). Builds release unless --no-build or --bin is given.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SET=dev BIN= BUILD=1
while (($#)); do
    case "$1" in
        --bin) BIN=${2:?}; BUILD=0; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "score.sh: unknown option $1" >&2; exit 2 ;;
        *) SET=$1; shift ;;
    esac
done
((BUILD)) && swift build -c release --product accord >&2
BIN=${BIN:-$(swift build -c release --show-bin-path)/accord}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/accord-score.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/gold" "$TMP/out"
for gold in corpus/gold/*.json; do
    name=$(basename "$gold" .json)
    case $SET in
        dev) [[ $name == heldout* ]] && continue ;;
        heldout) [[ $name == heldout-* ]] || continue ;;
        *) [[ $name == "$SET"* ]] || continue ;;
    esac
    cp "$gold" "$TMP/gold/"
    "$BIN" annotate "corpus/$name.txt" --no-tokens -o "$TMP/out/$name.json"
done
if [[ -z $(ls "$TMP/gold") ]]; then echo "score.sh: no gold file in set '$SET'" >&2; exit 2; fi
"$BIN" compare --score "$TMP/gold" "$TMP/out"
