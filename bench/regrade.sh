#!/usr/bin/env bash
# Benchmark: a class of STUDENTS repositories (a third the reference copied in, a third the untouched template, a
# third half done: sockets solved), regraded with --parallel 1 and then --parallel 2 (each from scratch, no resume),
# on EXERCISES. Prints the wall time of each, per student and in all, and the machine's load before each run.
# Usage: bench/regrade.sh [STUDENTS] [EXERCISES]   (default 30 sockets,echo; build first: mvn -B -q package -DskipTests)
# Refuses a loaded machine unless BENCH_ALLOW_LOAD=1 (bench/lib/quiet-machine.sh), and prints the load it started at.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/quiet-machine.sh
students="${1:-30}"
exercises="${2:-sockets,echo}"
home=$PWD
jar=$home/grader/target/socketlab-grader.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
require_quiet_machine
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

commit() { git -C "$1" add -A && GIT_COMMITTER_DATE=2026-10-14T10:00:00Z GIT_AUTHOR_DATE=2026-10-14T10:00:00Z \
  git -C "$1" -c user.name=s -c user.email=s@example.org commit -q --allow-empty -m "$2"; }

java -jar "$jar" export-student --from "$home" --out "$work/template" --upstream uni/socketlab --upstream-ref v1 >/dev/null
echo "username,repo" > "$work/roster.csv"
for i in $(seq 1 "$students"); do
  name=$(printf 'student%03d' "$i")
  repo=$work/repos/$name
  mkdir -p "$work/repos" && cp -r "$work/template" "$repo"
  git -C "$repo" init -q -b main && commit "$repo" template
  case $((i % 3)) in
    0) rm -rf "$repo/student-template/src/main" "$repo/student-template/src/test"
       cp -r reference/src/main "$repo/student-template/src/main" ;;
    1) ;;
    2) mkdir -p "$repo/student-template/src/main/java/io/socketlab/reference"
       cp -r reference/src/main/java/io/socketlab/reference/{sockets,common} "$repo/student-template/src/main/java/io/socketlab/reference/"
       sed -i 's/^sockets\.server *=.*/sockets.server = io.socketlab.reference.sockets.SocketsServer/; s/^sockets\.client *=.*/sockets.client = io.socketlab.reference.sockets.SocketsClient/' \
         "$repo/student-template/src/main/resources/META-INF/socketlab/programs.properties" ;;
  esac
  commit "$repo" work
  echo "$name,repos/$name" >> "$work/roster.csv"
done

machine_line
printf '%-9s %-9s %10s %14s %s\n' parallel load wall_s s_per_student statuses
for parallel in 1 2; do
  load=$(cut -d ' ' -f 1 /proc/loadavg)
  start=$(date +%s.%N)
  java -jar "$jar" regrade --roster "$work/roster.csv" --deadline 2026-10-15T23:59:59Z --out "$work/out-$parallel" \
    --exercises "$exercises" --parallel "$parallel" --similarity off > "$work/log-$parallel" 2>&1 \
    || { echo "regrade failed:" >&2; tail -20 "$work/log-$parallel" >&2; exit 1; }
  end=$(date +%s.%N)
  wall=$(echo "$end - $start" | bc -l)
  statuses=$(tail -n +2 "$work/out-$parallel/class.csv" | awk -F, '{print $2"/"$3}' | sort | uniq -c | tr -s ' ' | paste -sd ';' -)
  printf '%-9s %-9s %10.1f %14.2f %s%s\n' "$parallel" "$load" "$wall" "$(echo "$wall / $students" | bc -l)" "$statuses" \
    "$BENCH_LOADED"
done
