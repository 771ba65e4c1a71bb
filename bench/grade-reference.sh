#!/usr/bin/env bash
# Benchmark: grades the reference (sockets, echo) RUNS times and reports the wall time of each whole grader run
# and the grader JVM's peak resident memory (VmHWM, its own process only: the programs it launches are separate).
# Usage: bench/grade-reference.sh [RUNS]   (build first: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
jar=grader/target/socketlab-grader.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT

printf '%-4s %10s %12s %8s\n' run wall_s peak_rss_mb score
walls=(); peaks=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  java -jar "$jar" grade --target reference --exercises sockets,echo --seed "$i" >"$log" 2>&1 &
  pid=$!
  peak_kb=0
  # VmHWM only grows, so the last reading before exit is the peak (to within one polling interval).
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$hwm" ] && peak_kb=$hwm
    sleep 0.02
  done
  wait "$pid" || { echo "grading failed:" >&2; cat "$log" >&2; exit 1; }
  end=$(date +%s.%N)
  wall=$(echo "$end - $start" | bc -l)
  score=$(grep -E '^(Total|TOTAL)' "$log" | awk '{print $2}')
  printf '%-4s %10.2f %12.1f %8s\n' "$i" "$wall" "$(echo "$peak_kb / 1024" | bc -l)" "$score"
  walls+=("$wall"); peaks+=("$peak_kb")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf 'median wall %.2f s, median peak RSS %.1f MB, max peak RSS %.1f MB (%s cores, %s)\n' \
  "$(median "${walls[@]}")" "$(echo "$(median "${peaks[@]}") / 1024" | bc -l)" \
  "$(echo "$(printf '%s\n' "${peaks[@]}" | sort -g | tail -1) / 1024" | bc -l)" "$(nproc)" "$(java -version 2>&1 | head -1)"
