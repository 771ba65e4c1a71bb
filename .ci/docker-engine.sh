#!/usr/bin/env bash
# A private Docker engine for the grader's tests, in folders of its own (no registry needed, nothing shared with
# another engine on the machine).
#   .ci/docker-engine.sh start DIR   starts dockerd with its data, exec root, socket and log under DIR, waits (30 s at
#                                    most) until it answers, and prints the DOCKER_HOST to export
#   .ci/docker-engine.sh stop DIR    stops that engine (SIGTERM, then SIGKILL after 20 s) and removes its folders
# Storage: overlay2 where the file system allows it (a container starts without copying its image), else vfs.
# Networking: no bridge and no iptables rules: every container of the grader runs with --network none or joins
# another container's network, so the engine needs neither.
set -euo pipefail

command=${1:?usage: docker-engine.sh start|stop DIR}
dir=$(realpath -m "${2:?usage: docker-engine.sh start|stop DIR}")
socket="$dir/docker.sock"

stop() {
  local pid
  if [ -f "$dir/dockerd.pid" ]; then
    pid=$(cat "$dir/dockerd.pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
  fi
  # The engine's containerd and shims die with it; the vfs/overlay2 data is only ours.
  umount -R "$dir/data" 2>/dev/null || true
  rm -rf "$dir"
}

start() {
  local driver pid
  mkdir -p "$dir/data" "$dir/exec"
  for driver in overlay2 vfs; do
    dockerd --storage-driver="$driver" --iptables=false --ip6tables=false --bridge=none \
      --data-root "$dir/data" --exec-root "$dir/exec" -H "unix://$socket" --pidfile "$dir/dockerd.pid" \
      >"$dir/dockerd-$driver.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 300); do
      if DOCKER_HOST="unix://$socket" docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
        echo "$driver" > "$dir/driver"
        echo "unix://$socket"
        return 0
      fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "dockerd with $driver did not answer; its log ends:" >&2
    tail -n 5 "$dir/dockerd-$driver.log" >&2
    rm -rf "$dir/data" "$dir/exec"
    mkdir -p "$dir/data" "$dir/exec"
  done
  echo "no Docker engine could be started" >&2
  return 1
}

case "$command" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: docker-engine.sh start|stop DIR" >&2; exit 2 ;;
esac
