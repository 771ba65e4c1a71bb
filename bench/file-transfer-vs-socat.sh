#!/usr/bin/env bash
# Benchmark: the reference file-transfer pair (SHA-256 computed on both ends, fsync before OK) against a plain
# socat TCP copy of the same file on loopback, and against socat followed by an fsync of the copy (what a durable
# upload must also pay). Reports MiB/s of each and the ratios reference/socat, with the load of the machine
# (bench/lib/quiet-machine.sh: refuses to run above load average 2 unless BENCH_ALLOW_LOAD=1). The reference's
# figures include starting the client's JVM, as a user running it pays it.
# Usage: bench/file-transfer-vs-socat.sh [SIZE_MIB] [RUNS]   (needs socat; build first: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/quiet-machine.sh
size_mib="${1:-1024}"
runs="${2:-3}"
command -v socat >/dev/null || { echo "socat is required (apt-get install socat)" >&2; exit 2; }
[ -f reference/target/classes/META-INF/socketlab/programs.properties ] || { echo "build first" >&2; exit 2; }
cp="reference/target/classes:$(cat reference/target/runtime-classpath.txt)"
require_quiet_machine
work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
mibps() { echo "$size_mib / ($2 - $1)" | bc -l; }

head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$work/input.bin"
mkdir -p "$work/store"

port=$(free_port)
java -cp "$cp" io.socketlab.reference.filetransfer.FileTransferServer --port "$port" --dir "$work/store" \
  --max-size $((4 * 1024 * 1024 * 1024)) 2>"$work/server.log" &
server_pid=$!
until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do kill -0 "$server_pid" || exit 1; sleep 0.05; done

printf '%-5s %14s %18s %14s %14s  %s\n' run socat_MiB/s socat+fsync_MiB/s put_MiB/s get_MiB/s \
  "busy % (CPUs used by others in the second before socat, put, get)"
socat_all=(); synced_all=(); put_all=(); get_all=()
for i in $(seq 1 "$runs"); do
  sport=$(free_port)
  socat -u "TCP-LISTEN:$sport,reuseaddr" "OPEN:$work/socat-out.bin,creat,trunc" &
  receiver=$!
  # Ready once the kernel shows the port in LISTEN state (0A): connecting to find out would consume the listener.
  until grep -qi ":$(printf '%04X' "$sport") [0-9A-F:]* 0A" /proc/net/tcp; do sleep 0.01; done
  busy=("$(busy_percent 1)")
  t0=$(now); socat -u "OPEN:$work/input.bin" "TCP:127.0.0.1:$sport"; wait "$receiver"; t1=$(now)
  sync "$work/socat-out.bin"; t1s=$(now)

  busy+=("$(busy_percent 1)")
  t2=$(now); java -cp "$cp" io.socketlab.reference.filetransfer.FileTransferClient --host 127.0.0.1 --port "$port" \
    put "$work/input.bin" big.bin >/dev/null; t3=$(now)
  rm -f "$work/output.bin"
  busy+=("$(busy_percent 1)")
  t4=$(now); java -cp "$cp" io.socketlab.reference.filetransfer.FileTransferClient --host 127.0.0.1 --port "$port" \
    get big.bin "$work/output.bin" >/dev/null; t5=$(now)
  cmp -s "$work/input.bin" "$work/output.bin" || { echo "download differs" >&2; exit 1; }

  s=$(mibps "$t0" "$t1"); ss=$(mibps "$t0" "$t1s"); p=$(mibps "$t2" "$t3"); g=$(mibps "$t4" "$t5")
  printf '%-5s %14.0f %18.0f %14.0f %14.0f  %s%s\n' "$i" "$s" "$ss" "$p" "$g" "${busy[*]}" "$BENCH_LOADED"
  socat_all+=("$s"); synced_all+=("$ss"); put_all+=("$p"); get_all+=("$g")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms=$(median "${socat_all[@]}"); mss=$(median "${synced_all[@]}"); mp=$(median "${put_all[@]}"); mg=$(median "${get_all[@]}")
printf 'median of %s runs of %d MiB: socat %.0f MiB/s (%.0f with fsync); put %.0f MiB/s = %.2fx socat, %.2fx socat+fsync; get %.0f MiB/s = %.2fx socat\n' \
  "$runs" "$size_mib" "$ms" "$mss" "$mp" "$(echo "$mp / $ms" | bc -l)" "$(echo "$mp / $mss" | bc -l)" "$mg" \
  "$(echo "$mg / $ms" | bc -l)"
machine_line
