#!/usr/bin/env bash
# Benchmark: the grader's own peak resident memory (VmHWM of its JVMs, not of the programs it grades) while it
# grades hostile sockets programs: a client printing binary junk then sending random bytes and 64 KiB runs without
# a newline, a server flooding stdout, and, for comparison, the correct Python programs.
# With --sandbox ns or docker the grader relaunches itself in a private network: both JVMs are measured, and the
# larger peak is reported (the first only waits for the second).
# Usage: bench/grader-memory.sh [MODE...]   (modes: none ns docker; default: none ns)
# Build first: mvn -B -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
modes=("${@:-none}")
[ $# -gt 0 ] || modes=(none ns)
jar=$PWD/grader/target/socketlab-grader.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One folder per program: the hostile scripts, the correct Python sockets programs, the probe file, a manifest.
prepare() {  # name program script
  local folder="$work/$1"
  mkdir -p "$folder"
  cp grader/src/test/resources/io/socketlab/grader/hostile/*.py examples/python/sockets/*.py "$folder/"
  printf '{"marker": "socketlab-bench-%s", "grader_files": [], "report_dir": "%s", "report_sentinel": "%s/s",
    "repository_file": "%s/r"}\n' "$1" "$folder" "$folder" "$folder" > "$folder/probe.json"
  printf 'sockets.%s = python3 %s\n' "$2" "$3" > "$folder/socketlab.properties"
  echo "$folder/socketlab.properties"
}

# Every descendant of process $1.
descendants() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do echo "$child"; descendants "$child"; done
}

# Peak VmHWM (KiB) of the grader's JVMs (the one started as $1 and any java it relaunched), polled until it ends.
peak_of() {
  local root=$1 peak=0 pid hwm
  while kill -0 "$root" 2>/dev/null; do
    for pid in $root $(descendants "$root"); do
      grep -qa 'GraderCommand\|socketlab-grader.jar' "/proc/$pid/cmdline" 2>/dev/null || continue
      hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
    done
    sleep 0.05
  done
  echo "$peak"
}

printf '%-22s %-7s %12s %8s %8s\n' program sandbox peak_rss_mb wall_s score
for spec in "junk-client client junk_client.py" "stdout-flood server stdout_flood.py" \
            "correct-client client client.py" "correct-server server server.py"; do
  read -r name program script <<< "$spec"
  manifest=$(prepare "$name" "$program" "$script")
  for mode in "${modes[@]}"; do
    start=$(date +%s.%N)
    java -jar "$jar" grade --target "$manifest" --exercises sockets --sandbox "$mode" --seed 1 \
      > "$work/$name-$mode.log" 2>&1 &
    peak=$(peak_of $!)
    wait $! || true
    wall=$(echo "$(date +%s.%N) - $start" | bc -l)
    score=$(grep -E '^Total' "$work/$name-$mode.log" | awk '{print $2}')
    printf '%-22s %-7s %12.1f %8.1f %8s\n' "$name" "$mode" "$(echo "$peak / 1024" | bc -l)" "$wall" "${score:-?}"
  done
done
echo "($(nproc) cores, $(java -version 2>&1 | head -1))"
