#!/usr/bin/env bash
# Benchmark: what each sandbox costs in grading time. Grades the reference (and the Python implementation, which
# submits no project) on the given exercises under --sandbox none, ns and docker, and prints for each run the wall
# time of the whole command (JVM start and relaunch included), the session's own time (the report's Total), and the
# score. Docker needs an engine and the runner image (.ci/docker-engine.sh, .ci/build-runner-image.sh); a mode that
# cannot run here is reported as such, not timed.
# Usage: bench/sandbox-cost.sh [EXERCISES]   (default: all; build first: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
exercises="${1:-all}"
jar=grader/target/socketlab-grader.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT

printf '%-10s %-7s %9s %11s %9s\n' target sandbox wall_s session_s score
for target in reference examples/python/socketlab.properties; do
  name=$([ "$target" = reference ] && echo reference || echo python)
  selected=$exercises
  [ "$name" = python ] && [ "$selected" = all ] \
    && selected=sockets,echo,serialization,chat,quiz,http,file-transfer,udp-transfer,udp-stream
  for mode in none ns docker; do
    start=$(date +%s.%N)
    status=0
    java -jar "$jar" grade --target "$target" --exercises "$selected" --sandbox "$mode" --seed 1 >"$log" 2>&1 || status=$?
    wall=$(echo "$(date +%s.%N) - $start" | bc -l)
    if [ "$status" -eq 2 ]; then
      printf '%-10s %-7s %s\n' "$name" "$mode" "cannot run here: $(grep -m1 socketlab-grader "$log")"
      continue
    fi
    session=$(grep -E '^Total' "$log" | sed -E 's/.*\(([0-9.]+) s\).*/\1/')
    score=$(grep -E '^Total' "$log" | awk '{print $2}')
    printf '%-10s %-7s %9.1f %11s %9s\n' "$name" "$mode" "$wall" "${session:-?}" "${score:-?}"
  done
done
echo "($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1))"
