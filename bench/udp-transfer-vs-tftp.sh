#!/usr/bin/env bash
# Benchmark: the reference udp-transfer pair against TFTP (tftpd-hpa server, tftp-hpa client), both uploading through
# the grader's seeded lossy relay (loss in both directions, the same seed for both protocols) at 0 %, 10 % and 30 %.
# Reports goodput (MiB of file delivered per second of the client's run, start to exit) of each, their ratio, and the
# bytes the client offered to the relay per byte of file delivered (from the relay's summary). Every delivered file
# is compared with cmp.
#
# TFTP is stop-and-wait: every lost datagram costs a whole retransmission timeout (tftpd-hpa resends its last ACK
# after 1 s, but the tftp-hpa client ignores those duplicate ACKs and resends DATA on its own timer, 5 s by default),
# so under loss it gets a small file, and is measured twice:
#   default  tftpd-hpa and tftp-hpa as installed (server timer 1 s, client rexmt 5 s)
#   tuned    client rexmt 1, the smallest it takes (whole seconds). A shorter server timer does not help: tftpd-hpa
#            gives up after a few unanswered retransmissions (--retransmit 20000 aborts within ~0.1 s, before a 1 s
#            client resends), so the server keeps its default.
# The 0 % row uses 64 MiB for both protocols (no timer ever fires, so default and tuned are the same).
#
# Usage: bench/udp-transfer-vs-tftp.sh [RUNS]     (build first: mvn -B -q package -DskipTests)
# Environment (defaults): SIZE_MIB=64  SEED=1  DUPLICATE=0  REORDER_MS=0
#   TFTP_KIB_10=16 TFTP_KIB_30=4 (default TFTP under 10 % / 30 % loss)  TFTP_TUNED_KIB_10=64 TFTP_TUNED_KIB_30=16
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-1}"
size_mib="${SIZE_MIB:-64}"
seed="${SEED:-1}"
duplicate="${DUPLICATE:-0}"
reorder_ms="${REORDER_MS:-0}"
tftp_kib_10="${TFTP_KIB_10:-16}"
tftp_kib_30="${TFTP_KIB_30:-4}"
tftp_tuned_kib_10="${TFTP_TUNED_KIB_10:-64}"
tftp_tuned_kib_30="${TFTP_TUNED_KIB_30:-16}"

if [ ! -x /usr/sbin/in.tftpd ] || ! command -v tftp >/dev/null; then
  echo "installing tftpd-hpa and tftp-hpa with apt-get" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tftpd-hpa tftp-hpa >/dev/null \
    || { echo "cannot install tftpd-hpa / tftp-hpa" >&2; exit 2; }
fi
[ -f reference/target/classes/META-INF/socketlab/programs.properties ] && [ -f grader/target/socketlab-grader.jar ] \
  || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
cp="reference/target/classes:$(cat reference/target/runtime-classpath.txt)"
relay_jar=grader/target/socketlab-grader.jar

work=$(mktemp -d)
started=()  # process-group leaders (every server runs under setsid): killed with their children in the trap
relay_pid=""
cleanup() {
  [ -n "$relay_pid" ] && kill -TERM -- "-$relay_pid" 2>/dev/null
  for pid in "${started[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
size_at_least() { [ "$(stat -c %s "$1" 2>/dev/null || echo 0)" -ge "$2" ]; }
udp_bound() { cat /proc/net/udp /proc/net/udp6 2>/dev/null | grep -qi "^ *[0-9]*: [0-9A-F]*:$(printf '%04X' "$1") "; }
wait_for() {  # wait_for SECONDS PID CONDITION...: until the condition holds, the process dies, or the deadline
  local deadline=$(( $(date +%s) + $1 )) pid=$2; shift 2
  until "$@"; do
    kill -0 "$pid" 2>/dev/null || { echo "process $pid died while starting" >&2; return 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out waiting for: $*" >&2; return 1; }
    sleep 0.05
  done
}

# Starts the relay (listen port $1 -> upstream port $2, loss $3, extra options) in the background: sets relay_pid.
start_relay() {
  local listen=$1 upstream=$2 loss=$3; shift 3
  setsid java -cp "$relay_jar" io.socketlab.grader.network.RelayMain --listen "$listen" --upstream "127.0.0.1:$upstream" \
    --loss "$loss" --duplicate "$duplicate" --reorder-ms "$reorder_ms" --seed "$seed" "$@" >"$work/relay.log" 2>&1 &
  relay_pid=$!
  wait_for 30 "$relay_pid" grep -q '^relaying' "$work/relay.log"
}
# Stops the relay; sets offered to the bytes its clients offered towards the server (from its summary).
stop_relay() {
  kill -TERM "$relay_pid"
  wait "$relay_pid" || true
  relay_pid=""
  offered=$(sed -n 's/.*to server: [0-9]* sent (\([0-9]*\) bytes).*/\1/p' "$work/relay.log")
}

# One measured upload. measure PROTO LOSS SIZE_BYTES INPUT [tftp: CLIENT_REXMT]: sets result to "seconds bytes"
# (bytes offered to the server), or "fail" if the upload timed out or delivered a different file.
measure() {
  local proto=$1 loss=$2 size=$3 input=$4 name="u$RANDOM$RANDOM" rport t0 t1 ok=1
  rport=$(free_port)
  if [ "$proto" = udp ]; then
    start_relay "$rport" "$udp_port" "$loss"
    t0=$(now)
    timeout 600 java -cp "$cp" io.socketlab.reference.udptransfer.UdpTransferClient --host 127.0.0.1 --port "$rport" \
      send "$input" "$name" >"$work/client.log" 2>&1 || ok=0
    t1=$(now)
    stop_relay
    [ "$ok" = 1 ] && cmp -s "$input" "$work/udp-store/$name" || ok=0
    rm -f "$work/udp-store/$name"
  else
    local rexmt=$5
    start_relay "$rport" "$tftp_port" "$loss" --follow-server-port
    t0=$(now)
    printf 'mode binary\nrexmt %s\nput %s %s\nquit\n' "$rexmt" "$input" "$name" \
      | timeout 300 tftp 127.0.0.1 "$rport" >"$work/client.log" 2>&1 || ok=0
    t1=$(now)
    stop_relay
    # The server may still be writing the last block when the client exits: wait for the whole file, bounded.
    [ "$ok" = 1 ] && { wait_for 10 "$$" size_at_least "$work/tftp-root/$name" "$size" || true; }
    [ "$ok" = 1 ] && cmp -s "$input" "$work/tftp-root/$name" || ok=0
    rm -f "$work/tftp-root/$name"
  fi
  if [ "$ok" = 1 ]; then result="$(echo "$t1 - $t0" | bc -l) $offered"; else result=fail; fi
}

# The servers, each started once.
head -c "$((size_mib << 20))" /dev/urandom >"$work/input.bin"
head -c "$((tftp_kib_10 << 10))" /dev/urandom >"$work/tftp-10.bin"
head -c "$((tftp_kib_30 << 10))" /dev/urandom >"$work/tftp-30.bin"
head -c "$((tftp_tuned_kib_10 << 10))" /dev/urandom >"$work/tftp-tuned-10.bin"
head -c "$((tftp_tuned_kib_30 << 10))" /dev/urandom >"$work/tftp-tuned-30.bin"
mkdir -p "$work/udp-store" "$work/tftp-root"
udp_port=$(free_port)
setsid java -cp "$cp" io.socketlab.reference.udptransfer.UdpTransferServer --port "$udp_port" --dir "$work/udp-store" \
  >"$work/udp-server.log" 2>&1 &
started+=("$!")
wait_for 30 "$!" udp_bound "$udp_port"
tftp_port=$(free_port)
setsid /usr/sbin/in.tftpd --foreground --listen --address "127.0.0.1:$tftp_port" --secure --create --user root \
  "$work/tftp-root" &
started+=("$!")
wait_for 10 "$!" udp_bound "$tftp_port"

mib() { echo "$1 / 1048576" | bc -l; }
row() {  # row RUN LOSS LABEL SIZE RESULT
  local size=$4 res=$5
  if [ "$res" = fail ]; then printf '%-4s %5s %-24s %9.3f %9s %12s %10s\n' "$1" "$2" "$3" "$(mib "$size")" FAIL - -; return; fi
  set -- "$1" "$2" "$3" "$size" $res
  printf '%-4s %5s %-24s %9.3f %9.2f %12.5f %10.3f\n' "$1" "$2" "$3" "$(mib "$size")" "$5" \
    "$(echo "$(mib "$size") / $5" | bc -l)" "$(echo "$6 / $size" | bc -l)"
}
goodput() { [ "$2" = fail ] && echo 0 || { set -- "$1" $2; echo "$(mib "$1") / $2" | bc -l; }; }

echo "relay: seed $seed, loss both ways, duplicate $duplicate, reorder up to $reorder_ms ms; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "TFTP under loss gets a smaller file: default (rexmt 5 s) $tftp_kib_10 KiB at 10 %, $tftp_kib_30 KiB at 30 %;" \
  "tuned (rexmt 1 s) $tftp_tuned_kib_10 KiB at 10 %, $tftp_tuned_kib_30 KiB at 30 %"
printf '%-4s %5s %-24s %9s %9s %12s %10s\n' run loss program MiB seconds goodput_MiB/s sent/byte
summary=()
ratio() { printf '%.1f' "$(echo "$(goodput "$1" "$2") / $(goodput "$3" "$4")" | bc -l 2>/dev/null || echo 0)"; }
for i in $(seq 1 "$runs"); do
  for loss in 0 10 30; do
    l=$(echo "$loss / 100" | bc -l)
    size=$((size_mib << 20))
    measure udp "$l" "$size" "$work/input.bin"; u=$result; row "$i" "$loss%" "udp-transfer reference" "$size" "$u"
    if [ "$loss" = 0 ]; then
      measure tftp "$l" "$size" "$work/input.bin" 5; t=$result; row "$i" "$loss%" "tftp" "$size" "$t"
      summary+=("run $i, 0 %: reference/tftp goodput = $(ratio "$size" "$u" "$size" "$t")x")
    else
      tsize=$(( (loss == 10 ? tftp_kib_10 : tftp_kib_30) << 10 ))
      measure tftp "$l" "$tsize" "$work/tftp-$loss.bin" 5; t=$result; row "$i" "$loss%" "tftp default (small)" "$tsize" "$t"
      ttsize=$(( (loss == 10 ? tftp_tuned_kib_10 : tftp_tuned_kib_30) << 10 ))
      measure tftp "$l" "$ttsize" "$work/tftp-tuned-$loss.bin" 1; tt=$result
      row "$i" "$loss%" "tftp rexmt 1 s (small)" "$ttsize" "$tt"
      summary+=("run $i, $loss %: reference/tftp goodput = $(ratio "$size" "$u" "$tsize" "$t")x default, $(ratio "$size" "$u" "$ttsize" "$tt")x rexmt 1 s")
    fi
  done
done
printf '%s\n' "${summary[@]}"
echo "targets: reference/tftp >= 10x at 0 %; reference sent/byte <= 1.3 at 10 %"
