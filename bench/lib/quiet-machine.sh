# Sourced by the benchmarks that compare the reference with another program: is the machine quiet enough for
# figures worth publishing? Two readings, printed with every result:
#  - the 1-minute load average before the benchmark starts its own programs (it must be at most BENCH_MAX_LOAD,
#    2 by default); later readings of it are useless, since they count the benchmark's own threads;
#  - before each run, the share of the CPUs that other processes used during one second while the benchmark's
#    programs sat idle ("busy %"): unlike the load average, it reacts at once and does not remember our last run.
# A machine above BENCH_MAX_LOAD is refused (exit 3) unless BENCH_ALLOW_LOAD=1, which runs anyway, says so loudly,
# and marks every result line LOADED. Never publish LOADED figures as a machine's speed: give the load beside them.

BENCH_MAX_LOAD="${BENCH_MAX_LOAD:-2}"
BENCH_LOADED=""

# The 1-minute load average.
load_average() { cut -d' ' -f1 /proc/loadavg; }

# Percentage of all CPUs busy (anything but idle and iowait) over the next SECONDS (default 1).
busy_percent() {
  local a b
  a=($(awk '/^cpu / {print $2+$3+$4+$7+$8+$9, $5+$6}' /proc/stat))
  sleep "${1:-1}"
  b=($(awk '/^cpu / {print $2+$3+$4+$7+$8+$9, $5+$6}' /proc/stat))
  awk -v busy=$((b[0] - a[0])) -v idle=$((b[1] - a[1])) 'BEGIN {printf "%.0f", busy + idle ? 100 * busy / (busy + idle) : 0}'
}

# Call once, before starting any server: refuses a loaded machine, or warns when BENCH_ALLOW_LOAD=1.
require_quiet_machine() {
  BENCH_START_LOAD=$(load_average)
  BENCH_START_BUSY=$(busy_percent 2)
  if awk -v l="$BENCH_START_LOAD" -v m="$BENCH_MAX_LOAD" 'BEGIN {exit !(l > m)}'; then
    if [ "${BENCH_ALLOW_LOAD:-0}" != 1 ]; then
      echo "refused: load average $BENCH_START_LOAD (CPUs ${BENCH_START_BUSY}% busy) is above $BENCH_MAX_LOAD;" \
        "figures measured now would describe the other jobs, not these programs. Wait for a quiet machine" \
        "(uptime), or set BENCH_ALLOW_LOAD=1 to measure anyway and publish the load beside the figures." >&2
      exit 3
    fi
    BENCH_LOADED=" LOADED"
    echo "#################################################################################################" >&2
    echo "# WARNING: load average $BENCH_START_LOAD (CPUs ${BENCH_START_BUSY}% busy) is above $BENCH_MAX_LOAD: the machine is NOT quiet." >&2
    echo "# These figures are only comparable with others taken under the same load; do not publish them" >&2
    echo "# as the programs' speed. Every result below is marked LOADED." >&2
    echo "#################################################################################################" >&2
  fi
}

# One line for the summary: the machine and its load when the benchmark started.
machine_line() {
  echo "$(nproc) cores; before the benchmark: load average $BENCH_START_LOAD, CPUs ${BENCH_START_BUSY}% busy" \
    "(limit $BENCH_MAX_LOAD)${BENCH_LOADED}"
}
