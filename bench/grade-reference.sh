#!/usr/bin/env bash
# Benchmark: grades the reference (sockets, echo) RUNS times and reports the wall time of each whole grader run
# and the grading JVM's peak resident memory (VmHWM of its own process: the programs it launches are separate).
# Usage: bench/grade-reference.sh [RUNS]   (build first: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/grader-run.sh
require_build
runs="${1:-5}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

printf '%-4s %10s %12s %8s\n' run wall_s peak_rss_mb score
walls=(); peaks=()
for i in $(seq 1 "$runs"); do
  grader_run "$log" -- grade --target reference --exercises sockets,echo --seed "$i"
  [ "$RUN_RC" -le 1 ] || { echo "grading failed:" >&2; cat "$log" >&2; exit 1; }
  printf '%-4s %10.2f %12s %8s\n' "$i" "$RUN_WALL" "$RUN_RSS_MB" "$RUN_SCORE"
  walls+=("$RUN_WALL"); peaks+=("$RUN_RSS_MB")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf 'median wall %.2f s, median peak RSS %s MB, max peak RSS %s MB (%s cores, %s, load average %s)\n' \
  "$(median "${walls[@]}")" "$(median "${peaks[@]}")" "$(printf '%s\n' "${peaks[@]}" | sort -g | tail -1)" "$(nproc)" \
  "$(java -version 2>&1 | head -1)" "$(load_now)"
