#!/usr/bin/env bash
# Benchmark: fan-out latency of the reference chat server with each number of concurrent clients. ChatLatency.java
# drives every client from one selector thread: 10 senders send 20 messages/s in all for 10 s, and every other client
# notes how long each MSG took to reach it. Prints p50/p90/p99/p99.9/max in ms per run; target: p99 <= 50 ms at 1,000.
# Usage: bench/chat-latency.sh [--runs N] [--senders S] [--rate R] [--seconds D] [--server-cmd "CMD"] [CLIENTS...]
#   CLIENTS defaults to 100 1000; CMD (e.g. "python3 examples/python/chat/server.py") gets --port P appended.
#   Build first: mvn -B -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
runs=1
server_cmd=""
bench_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --senders|--rate|--seconds) bench_args+=("$1" "$2"); shift 2 ;;
    --server-cmd) server_cmd="$2"; shift 2 ;;
    -*) echo "unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
    *) break ;;
  esac
done
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(100 1000)

if [ -z "$server_cmd" ]; then
  [ -d reference/target/classes/io/socketlab/reference/chat ] || {
    echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
  server_cmd="java -cp reference/target/classes:$(cat reference/target/runtime-classpath.txt)"
  server_cmd+=" io.socketlab.reference.chat.ChatServer"
  server_name=reference
else
  server_name="$server_cmd"
fi
read -ra server_argv <<< "$server_cmd"

# Each client is a socket on both sides: 1,000 clients need 1,000+ descriptors in the server and in the benchmark.
limit=$(ulimit -n)
if [ "$limit" != unlimited ] && [ "$limit" -lt 4096 ]; then
  ulimit -n 4096 || { echo "cannot raise the open-files limit to 4096 (hard limit $(ulimit -Hn))" >&2; exit 2; }
fi

work=$(mktemp -d)
server_pid=""; bench_pid=""
cleanup() {
  [ -n "$bench_pid" ] && kill "$bench_pid" 2>/dev/null
  if [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null; then
    # SIGTERM must end a chat server (CHAT-10); one that ignores it is killed after 10 s, so nothing stays behind.
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null && echo "the server ignored SIGTERM for 10 s: killed" >&2
  fi
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Sockets of local port $1 whose state (hex, see include/net/tcp_states.h) matches $2; a Java server listens on tcp6.
sockets_in_state() { cat /proc/net/tcp /proc/net/tcp6 | grep -ci ":$(printf '%04X' "$1") [0-9A-F:]* $2 " || true; }

port=$(free_port)
"${server_argv[@]}" --port "$port" >"$work/server.log" 2>&1 &
server_pid=$!
# Ready once the kernel shows the port in LISTEN state (0A): connecting to find out would count as a client.
for _ in $(seq 1 300); do
  [ "$(sockets_in_state "$port" 0A)" -gt 0 ] && break
  kill -0 "$server_pid" 2>/dev/null || { echo "the server exited:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
[ "$(sockets_in_state "$port" 0A)" -gt 0 ] || { echo "the server was not listening on $port after 30 s" >&2; exit 1; }

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" "$work/result"; }
printf '%-7s %-4s %10s %6s %17s %8s %8s %8s %9s %8s %11s\n' \
  clients run register_s sent delivered p50_ms p90_ms p99_ms p99.9_ms max_ms send_lag_ms
failed=0
settings="no run completed"
for clients in "${counts[@]}"; do
  for run in $(seq 1 "$runs"); do
    # Start from an empty room: wait until the last run's connections are gone (states other than LISTEN, TIME_WAIT).
    for _ in $(seq 1 300); do
      [ "$(sockets_in_state "$port" '0[1-57-9B]')" -eq 0 ] && break
      sleep 0.1
    done
    [ "$(sockets_in_state "$port" '0[1-57-9B]')" -eq 0 ] || echo "  warning: earlier connections are still open" >&2
    java bench/ChatLatency.java --host 127.0.0.1 --port "$port" --clients "$clients" "${bench_args[@]}" \
      >"$work/result" 2>"$work/bench.log" &
    bench_pid=$!
    status=0; wait "$bench_pid" || status=$?
    bench_pid=""
    if [ ! -s "$work/result" ]; then
      printf '%-7s %-4s failed: %s\n' "$clients" "$run" "$(tail -1 "$work/bench.log")"
      failed=1; continue
    fi
    printf '%-7s %-4s %10s %6s %17s %8s %8s %8s %9s %8s %11s\n' "$clients" "$run" "$(field register_s)" \
      "$(field sent)" "$(field received)/$(field expected)" "$(field p50_ms)" "$(field p90_ms)" "$(field p99_ms)" \
      "$(field p99.9_ms)" "$(field max_ms)" "$(field send_lag_max_ms)"
    settings="$(field senders) senders, $(field rate) msg/s, $(field seconds) s per run"
    [ "$status" -eq 0 ] || { echo "  $(tail -1 "$work/bench.log")"; failed=1; }
  done
done
kill -0 "$server_pid" 2>/dev/null || {
  echo "the server died during the benchmark:" >&2; tail -5 "$work/server.log" >&2; exit 1; }
printf 'server: %s; %s; target p99 <= 50 ms at 1000 clients (%s cores, %s)\n' \
  "$server_name" "$settings" "$(nproc)" "$(java -version 2>&1 | head -1)"
exit "$failed"
