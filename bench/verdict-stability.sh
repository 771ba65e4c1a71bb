#!/usr/bin/env bash
# Benchmark of verdicts, not of speed: grades the reference on every exercise RUNS times in a row with the default
# concurrency and counts the verdicts that were not PASS (or INFO). The reference earns every point, so every such
# verdict is a flaky one: timing that a busy machine faked. With --stress, `stress-ng --cpu 2` keeps two processors
# busy beside every run (installed with apt-get when missing). Prints one line per run, then every test that was not
# PASS in some run with how often, and the load average before and after. Unlike the timing benchmarks it runs on a
# loaded machine too (a verdict should not depend on the load): the load it ran at is printed with the result.
# Usage: bench/verdict-stability.sh RUNS [--stress] [--jobs N]   (build first: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/grader-run.sh
require_build

runs="${1:?usage: bench/verdict-stability.sh RUNS [--stress] [--jobs N]}"
shift
stress=false
jobs_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --stress) stress=true; shift ;;
    --jobs) jobs_args=(--jobs "$2"); shift 2 ;;
    *) echo "unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d)
stress_pid=""
cleanup() {
  if [ -n "$stress_pid" ]; then kill "$stress_pid" 2>/dev/null || true; wait "$stress_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if $stress; then
  if ! command -v stress-ng >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq stress-ng) >/dev/null \
      || { echo "stress-ng is needed for --stress and could not be installed" >&2; exit 2; }
  fi
  stress-ng --cpu 2 --quiet &
  stress_pid=$!
fi

echo "verdict stability: $runs runs of the reference, all exercises, ${jobs_args[*]:-default --jobs}$($stress && echo ', stress-ng --cpu 2 beside')"
echo "$(nproc) cores, $(java -version 2>&1 | head -1), load average $(load_now) at the start"
printf '%-4s %8s %10s %8s  %s\n' run wall_s score peak_mb "not PASS (verdict clause title)"
for run in $(seq 1 "$runs"); do
  out="$work/run-$run"
  grader_run "$work/run-$run.log" -- grade --target reference --seed "$run" --out "$out" "${jobs_args[@]}"
  # Every test that did not pass: "VERDICT CLAUSE title" (INFO is a measurement and always fine).
  python3 - "$out/results.json" >"$work/run-$run.bad" <<'PY'
import json, sys
for test in json.load(open(sys.argv[1]))["tests"]:
    if test["verdict"] not in ("PASS", "INFO"):
        print(test["verdict"], test["name"])
PY
  bad=$(wc -l <"$work/run-$run.bad")
  printf '%-4s %8.1f %10s %8s  %s\n' "$run" "$RUN_WALL" "$RUN_SCORE" "$RUN_RSS_MB" \
    "$( [ "$bad" -eq 0 ] && echo "none" || paste -sd ';' "$work/run-$run.bad")"
done
echo
total=$(cat "$work"/run-*.bad | wc -l)
if [ "$total" -eq 0 ]; then
  echo "flaky verdicts: 0 in $runs runs"
else
  echo "flaky verdicts: $total in $runs runs; by test (runs in which it was not PASS):"
  cat "$work"/run-*.bad | sort | uniq -c | sort -rn
fi
echo "load average $(load_now) at the end"
[ "$total" -eq 0 ]
