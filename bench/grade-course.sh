#!/usr/bin/env bash
# Benchmark: how long grading takes, sequential (--jobs 1) against parallel (the default --jobs), for three targets:
# the reference (full marks), the untouched template (zero), and a half-finished submission (a manifest, made here,
# that submits the reference's programs for some exercises and the template's for the others, so some baselines
# pass and others fail). For each target it grades every exercise on its own, then the whole course in one run, in
# both modes, and prints each exercise's wall time and the whole's, the score, and the grading JVM's peak memory.
# Usage: bench/grade-course.sh [--jobs N] [--targets reference,student,half]   (build first: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/grader-run.sh
source bench/lib/quiet-machine.sh
require_build

jobs=""
targets="reference,student,half"
while [ $# -gt 0 ]; do
  case "$1" in
    --jobs) jobs="$2"; shift 2 ;;
    --targets) targets="$2"; shift 2 ;;
    *) echo "unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done
parallel_args=()
[ -n "$jobs" ] && parallel_args=(--jobs "$jobs")

require_quiet_machine
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The half-finished submission: the reference's programs where an exercise is "done", the template's elsewhere.
half="$work/half.properties"
ref_cp="$PWD/reference/target/classes:$(cat reference/target/runtime-classpath.txt)"
tpl_cp="$PWD/student-template/target/classes:$(cat student-template/target/runtime-classpath.txt 2>/dev/null || true)"
{
  echo "# Half-finished: reference programs for the exercises a student finished, template programs for the rest."
  grep -E '^[a-z-]+\.(server|client) *=' reference/target/classes/META-INF/socketlab/programs.properties |
    while IFS='=' read -r key main; do
      key=$(echo "$key" | xargs); main=$(echo "$main" | xargs)
      case "$key" in
        sockets.*|echo.*|serialization.server|chat.client|quiz.server|http.server|file-transfer.client|udp-transfer.server)
          echo "$key = java -XX:+UseSerialGC -cp $ref_cp $main" ;;
        *)
          echo "$key = java -XX:+UseSerialGC -cp $tpl_cp ${main/io.socketlab.reference/io.socketlab.student}" ;;
      esac
    done
} >"$half"

exercises=$(java -jar "$GRADER_JAR" list | sed -n 's/^\([a-z-]*\) ([0-9]* points.*/\1/p' | paste -sd ' ')
echo "SocketLab grading times: $(java -version 2>&1 | head -1); $(machine_line)"
echo "parallel = ${jobs:+--jobs $jobs}${jobs:-the default --jobs}; times in seconds; peak = the grading JVM's peak RSS (MiB)"
for target in ${targets//,/ }; do
  case "$target" in
    reference|student) target_arg=$target ;;
    half) target_arg=$half ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
  echo
  printf '%-14s %10s %10s %8s %14s %14s\n' "$target" sequential parallel speedup "score seq/par" "peak seq/par"
  for exercise in $exercises all; do
    grader_run "$work/seq.log" -- grade --target "$target_arg" --exercises "$exercise" --jobs 1 --seed 1
    seq_wall=$RUN_WALL; seq_score=$RUN_SCORE; seq_rss=$RUN_RSS_MB; seq_rc=$RUN_RC
    grader_run "$work/par.log" -- grade --target "$target_arg" --exercises "$exercise" "${parallel_args[@]}" --seed 1
    [ "$seq_rc" -le 1 ] && [ "$RUN_RC" -le 1 ] || { echo "grading $exercise failed:" >&2; tail -20 "$work/par.log" >&2; exit 1; }
    printf '%-14s %10.1f %10.1f %7.2fx %14s %14s\n' "$exercise" "$seq_wall" "$RUN_WALL" \
      "$(echo "$seq_wall / $RUN_WALL" | bc -l)" "$seq_score / $RUN_SCORE" "$seq_rss / $RUN_RSS_MB"
  done
done
echo
echo "load average $(load_now) at the end (it counts the benchmark's own programs)"
