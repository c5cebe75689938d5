#!/usr/bin/env bash
# Builds and runs one libFuzzer target over the Accord library sources.
#
#   fuzz/run.sh pipeline [SECONDS] [extra libFuzzer flags...]   # arbitrary bytes -> whole pipeline
#   fuzz/run.sh lexicon  [SECONDS] [extra libFuzzer flags...]   # arbitrary bytes -> a user lexicon file
#   fuzz/run.sh pipeline 0 CRASHFILE                            # replay one input (SECONDS 0 = no fuzzing)
#
# The target's file, fuzz/FuzzInvariants.swift and every file of Sources/Accord are compiled as one
# module named Accord (no SwiftPM), so the harness reaches internal API. Output under .build/fuzz/:
# the binary, a growing corpus (corpus-TARGET, seeded on every run) and crash/timeout artifacts
# (artifacts-TARGET/). Environment: SWIFTC (default swiftc), CLANG (default clang, for the one C file),
# FUZZ_JOBS (default 1, parallel workers).
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:-}"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : $# )) || true
case "$target" in
  pipeline) file=fuzz/PipelineFuzz.swift ;;
  lexicon)  file=fuzz/LexiconFuzz.swift ;;
  *) echo "usage: fuzz/run.sh pipeline|lexicon [SECONDS] [libFuzzer flags or inputs...]" >&2; exit 2 ;;
esac

out=.build/fuzz
bin="$out/$target"
corpus="$out/corpus-$target"
artifacts="$out/artifacts-$target/"
mkdir -p "$out" "$corpus" "$artifacts"

# Rebuild when any source is newer than the binary.
if [[ ! -x "$bin" ]] || [[ -n "$(find Sources/Accord Sources/CAccordSHA fuzz \( -name '*.swift' -o -name '*.[ch]' \) -newer "$bin" -print -quit)" ]]; then
  echo "building $bin ..." >&2
  # Compile a snapshot, as one whole-module job: sources edited during the build (others work in this
  # tree) must not give object files that disagree on a type's layout.
  snap="$out/src-$target"
  rm -rf "$snap" "$bin"; mkdir -p "$snap"
  cp -R Sources/Accord "$snap/Accord"; cp -R Sources/CAccordSHA "$snap/CAccordSHA"; cp fuzz/FuzzInvariants.swift "$file" "$snap/"
  # The one C file (SHA-256 on the SHA extensions) is compiled apart and linked in.
  "${CLANG:-clang}" -O2 -fsanitize=fuzzer-no-link,address -c "$snap/CAccordSHA/sha256_hardware.c" \
    -I "$snap/CAccordSHA/include" -o "$snap/sha256_hardware.o"
  # shellcheck disable=SC2046
  "${SWIFTC:-swiftc}" -O -wmo -sanitize=fuzzer,address -parse-as-library -swift-version 6 -module-name Accord \
    -I "$snap/CAccordSHA/include" "$snap/sha256_hardware.o" \
    $(find "$snap" -name '*.swift' | sort) -o "$bin" 2>&1 \
    | grep -v "Cannot export local symbol" >&2 || true
  [[ -x "$bin" ]] || { echo "build failed" >&2; exit 1; }
fi

# A replay: run.sh TARGET 0 FILE... runs the binary on the given inputs only.
if [[ "$seconds" == 0 ]]; then
  export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
  exec "$bin" -timeout=10 -rss_limit_mb=2048 "$@"
fi

# Seeds (libFuzzer names corpus files by content hash, so re-seeding is idempotent).
seed() { cp -f "$1" "$corpus/seed-$(basename "$1")"; }
if [[ "$target" == pipeline ]]; then
  for f in corpus/*.txt Tests/AccordTests/Fixtures/*; do [[ -f "$f" ]] && seed "$f"; done
  # Each fixture case alone, too: small inputs mutate faster than whole files.
  n=0
  for f in Tests/AccordTests/Fixtures/*.txt; do
    while IFS= read -r line; do
      [[ -z "$line" || "$line" == \#* ]] && continue
      printf '%s' "${line//\\n/$'\n'}" > "$corpus/seed-case-$n"; n=$((n + 1))
    done < "$f"
  done
else
  # One seed per built-in lexicon file: its index byte (DefaultLexicons order) and a slice of its lines.
  i=0
  for name in $(grep -oE '^        \("[a-z-]+\.txt"' Sources/Accord/Lexicon/DefaultLexicons.swift | grep -oE '[a-z-]+\.txt'); do
    if [[ -f "lexicons/$name" ]]; then
      { printf "\\x$(printf %02x "$i")"; awk 'NF && !/^#/ && n++ < 30' "lexicons/$name"; } > "$corpus/seed-$name"
      { printf "\\x$(printf %02x "$i")"; awk 'NF && !/^#/' "lexicons/$name" | tail -n 15; } > "$corpus/seed-tail-$name"
      # Removal lines (`-key` with and without the other fields) and a comment/CRLF mix.
      { printf "\\x$(printf %02x "$i")"; awk 'NF && !/^#/ && n++ < 3 { print "-" $0 }' "lexicons/$name"; printf '# c\r\n\r\n'; } > "$corpus/seed-removal-$name"
    fi
    i=$((i + 1))
  done
fi
if [[ "$target" == pipeline && -d Tests/AccordTests/Regressions ]]; then
  for f in Tests/AccordTests/Regressions/*.bin; do [[ -f "$f" ]] && seed "$f"; done
fi

jobs="${FUZZ_JOBS:-1}"
extra=()
[[ "$jobs" -gt 1 ]] && extra=(-jobs="$jobs" -workers="$jobs")
[[ "$target" == lexicon ]] && extra+=(-dict=fuzz/lexicon.dict)
# Let libFuzzer, not the Swift runtime's backtracer, handle a crash (the backtracer can stall it).
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
exec "$bin" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
  -artifact_prefix="$artifacts" -print_final_stats=1 "${extra[@]}" "$@"
