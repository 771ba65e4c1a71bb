#!/usr/bin/env bash
# Benchmark: requests per second of the reference HTTP server serving one 1 KiB file over keep-alive connections,
# against nginx (a minimal configuration: worker_processes auto, access_log off, sendfile on) and the JDK's
# jwebserver, each measured with wrk -t2 -c100 after a warm-up. Servers are measured in turns within each run, so
# that a burst of load from elsewhere on the machine does not fall on one server only. Prints requests/s per run,
# the medians, and the ratios reference/jwebserver (target >= 2) and reference/nginx (target >= 0.6), with the
# load of the machine (bench/lib/quiet-machine.sh: refuses to run above load average 2 unless BENCH_ALLOW_LOAD=1).
# Usage: bench/http-vs-nginx.sh [RUNS] [DURATION]   (defaults: 3 runs of 10s; installs nginx and wrk with apt-get
#   when they are missing; build first: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/quiet-machine.sh
runs="${1:-3}"
duration="${2:-10s}"
jwebserver=/usr/lib/jvm/temurin-25-jdk-amd64/bin/jwebserver
[ -x "$jwebserver" ] || jwebserver=$(command -v jwebserver || true)
[ -n "$jwebserver" ] || { echo "jwebserver (JDK 18+) is required" >&2; exit 2; }
[ -f reference/target/classes/io/socketlab/reference/http/HttpServer.class ] || { echo "build first" >&2; exit 2; }
for tool in nginx wrk; do
  if ! command -v "$tool" >/dev/null; then
    apt-get update -qq && apt-get install -y -qq nginx wrk >/dev/null || { echo "cannot install $tool" >&2; exit 2; }
  fi
done

require_quiet_machine

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_ready() { # port pid
  until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do kill -0 "$2" || { echo "server on $1 died" >&2; exit 1; }; sleep 0.1; done
}

mkdir -p "$work/www" "$work/nginx/logs"
chmod 755 "$work" "$work/www" # nginx workers run as an unprivileged user when started by root
head -c 1024 /dev/zero | tr '\0' 'a' > "$work/www/1k.txt"

ref_port=$(free_port)
java -cp reference/target/classes io.socketlab.reference.http.HttpServer --port "$ref_port" --root "$work/www" \
  2>"$work/reference.log" &
pids+=($!); wait_ready "$ref_port" $!

nginx_port=$(free_port)
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server { listen 127.0.0.1:$nginx_port; root $work/www; }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/logs/error.log" &
pids+=($!); wait_ready "$nginx_port" $!

jweb_port=$(free_port)
"$jwebserver" -b 127.0.0.1 -p "$jweb_port" -d "$work/www" -o none >"$work/jwebserver.log" 2>&1 &
pids+=($!); wait_ready "$jweb_port" $!

names=(reference nginx jwebserver)
ports=("$ref_port" "$nginx_port" "$jweb_port")
server_pids=("${pids[0]}" "$(pgrep -P "${pids[1]}" | tr '\n' ' ')" "${pids[2]}") # nginx: its worker processes
cpu_ticks() { for pid in $1; do awk '{print $14 + $15}' "/proc/$pid/stat"; done | awk '{t += $1} END {print t}'; }
switches() { # context switches of the live threads of PIDS
  for pid in $1; do cat /proc/"$pid"/task/*/status 2>/dev/null; done | awk '/ctxt_switches/ {s += $2} END {print s}'
}
measure() { # server-index duration -> "requests/s CPU-microseconds-per-request context-switches-per-request"
  local pids_of="${server_pids[$1]}" out ticks0 ticks1 switches0 switches1
  ticks0=$(cpu_ticks "$pids_of"); switches0=$(switches "$pids_of")
  out=$(wrk -t2 -c100 -d"$2" "http://127.0.0.1:${ports[$1]}/1k.txt")
  ticks1=$(cpu_ticks "$pids_of"); switches1=$(switches "$pids_of")
  echo "$out" | awk -v ticks=$((ticks1 - ticks0)) -v hz="$(getconf CLK_TCK)" -v sw=$((switches1 - switches0)) '
    /Non-2xx/ {bad = 1} /requests in/ {n = $1} /^Requests\/sec:/ {r = $2}
    END {if (bad || !n) print "ERR"; else printf "%s %.1f %.2f\n", r, ticks * 1e6 / hz / n, sw / n}'
}
for i in 0 1 2; do # warm-up: the JIT of the two Java servers, the page cache, the connection pools
  measure "$i" 5s >/dev/null
done

printf '%-5s %12s %12s %12s  %-12s (requests/s, wrk -t2 -c100 -d%s, 1 KiB file; busy %%: CPUs used by other\n' \
  run "${names[@]}" "busy %" "$duration"
printf '%-5s %12s %12s %12s  %-12s  processes in the second before each server was measured)\n' "" "" "" "" ""
declare -A all cpu ctx
for run in $(seq 1 "$runs"); do
  row=(); busy=()
  for i in 0 1 2; do
    busy+=("$(busy_percent 1)")
    read -r r c x <<<"$(measure "$i" "$duration")"
    [ "$r" != ERR ] || { echo "${names[$i]} answered with errors" >&2; exit 1; }
    all[$i]="${all[$i]:-} $r"; cpu[$i]="${cpu[$i]:-} $c"; ctx[$i]="${ctx[$i]:-} $x"; row+=("$r")
  done
  printf '%-5s %12.0f %12.0f %12.0f  %-12s%s\n' "$run" "${row[@]}" "${busy[*]}" "$BENCH_LOADED"
done
median() { printf '%s\n' $1 | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ref=$(median "${all[0]}"); ngx=$(median "${all[1]}"); jws=$(median "${all[2]}")
# CPU time per request depends far less on other jobs than requests/s do: it is the figure to compare changes with.
printf 'server CPU per request (user+system, median): reference %s us, nginx %s us, jwebserver %s us\n' \
  "$(median "${cpu[0]}")" "$(median "${cpu[1]}")" "$(median "${cpu[2]}")"
printf 'context switches per request (median): reference %s, nginx %s, jwebserver %s\n' \
  "$(median "${ctx[0]}")" "$(median "${ctx[1]}")" "$(median "${ctx[2]}")"
if command -v strace >/dev/null; then # system calls per request, one connection at a time (wrk -c1), under strace
  for i in 0 1 2; do
    attach=(); for pid in ${server_pids[$i]}; do attach+=(-p "$pid"); done
    strace -c -f "${attach[@]}" -o "$work/strace-$i" 2>/dev/null & tracer=$!
    sleep 2 # attaching to every thread of a Java server takes a while
    n=$(wrk -t1 -c1 -d2s "http://127.0.0.1:${ports[$i]}/1k.txt" | awk '/requests in/ {print $1}')
    kill -INT "$tracer"; wait "$tracer" || true
    awk -v n="$n" -v name="${names[$i]}" '
      # Lines of strace -c: % time, seconds, usecs/call, calls, [errors,] syscall.
      $4 ~ /^[0-9]+$/ && $NF ~ /^[a-z_0-9]+$/ && $NF != "total" {c[$NF] = $4; t += $4}
      END {printf "system calls per request (strace, wrk -c1): %s %.1f:", name, t / n;
           for (k in c) if (c[k] / n >= 0.05) printf " %s %.2f", k, c[k] / n; print ""}' "$work/strace-$i"
  done
fi
printf 'median of %s runs: reference %.0f, nginx %.0f, jwebserver %.0f requests/s; reference/jwebserver %.2f (target >= 2), reference/nginx %.2f (target >= 0.6)\n' \
  "$runs" "$ref" "$ngx" "$jws" "$(echo "$ref / $jws" | bc -l)" "$(echo "$ref / $ngx" | bc -l)"
machine_line
