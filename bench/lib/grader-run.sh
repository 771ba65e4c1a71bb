# Sourced by the grading benchmarks: runs the grader jar once and measures it.
#   grader_run LOG -- ARGS...   runs `java -jar socketlab-grader.jar ARGS...` with its output in LOG and sets
#     RUN_RC      the grader's exit code
#     RUN_WALL    wall time in seconds
#     RUN_RSS_MB  peak resident memory (VmHWM) of the grading JVM in MiB: the jar's entry point grades in a child JVM
#                 sized for grading, so that child is measured (the entry point itself stays around 40 MiB)
#     RUN_SCORE   "score/max" from the console's Total line
# Sampling every 50 ms: VmHWM only grows, so the last reading before exit is the peak to within that interval.
GRADER_JAR=${GRADER_JAR:-grader/target/socketlab-grader.jar}

grader_run() {
  local log=$1
  shift 2
  local start end pid child hwm h
  start=$(date +%s.%N)
  java -jar "$GRADER_JAR" "$@" >"$log" 2>&1 &
  pid=$!
  hwm=0
  own=0
  while kill -0 "$pid" 2>/dev/null; do
    child=$(pgrep -P "$pid" -x java 2>/dev/null | head -1 || true)
    if [ -n "$child" ]; then
      h=$(awk '/^VmHWM/ {print $2}' "/proc/$child/status" 2>/dev/null || true)
      if [ -n "$h" ] && [ "$h" -gt "$hwm" ]; then hwm=$h; fi
    fi
    h=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    if [ -n "$h" ] && [ "$h" -gt "$own" ]; then own=$h; fi
    sleep 0.05
  done
  # A JVM the user sized grades in place, without a child: then the grader is the process itself.
  [ "$hwm" -gt 0 ] || hwm=$own
  RUN_RC=0
  wait "$pid" || RUN_RC=$?
  end=$(date +%s.%N)
  RUN_WALL=$(echo "$end - $start" | bc -l)
  RUN_RSS_MB=$(( hwm / 1024 ))
  RUN_SCORE=$(awk '$1 == "Total" || $1 == "TOTAL" {print $2}' "$log" | tail -1)
}

# The load average over the last minute, for the figures' context.
load_now() {
  cut -d ' ' -f 1 /proc/loadavg
}

require_build() {
  [ -f "$GRADER_JAR" ] && [ -f reference/target/classes/META-INF/socketlab/programs.properties ] \
    || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
}
