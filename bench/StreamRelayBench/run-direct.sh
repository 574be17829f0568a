#!/usr/bin/env bash
# run-direct.sh: the relay core (StreamRelayBench) in direct mode, side by side with the kit's Go and Node
# reference relays in one run of the kit, then case e again on fresh processes of all of them.
#
# Usage: bench/StreamRelayBench/run-direct.sh [run-peers.sh arguments, e.g. --repeat 1 --pin]
#   KIT=DIR   a writable copy of the bench kit (default /tmp/avatarstream-bench-kit, copied from
#             ../shared/bench, which is read-only; the kit builds its bin/ inside it)
#
# Two C# hosts run: "cs" with .NET's defaults and "cs-inline" with DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1
# (socket completions and Kestrel's pipes run inline instead of hopping to the thread pool). Only the PIDs
# started here are ever signalled.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KIT=${KIT:-/tmp/avatarstream-bench-kit}
if [ ! -x "$KIT/run-peers.sh" ]; then
  cp -r "$ROOT/../shared/bench" "$KIT"
  # Under load the kit can poll a peer's log before the peer has created it; create it first.
  sed -i 's|^  local log="$OUT/$1.$2.log" _$|&\n  : >"$log"|' "$KIT/run-peers.sh"
fi

dotnet build -c Release "$ROOT/bench/StreamRelayBench" -nologo -v q
DLL=$ROOT/bench/StreamRelayBench/bin/Release/net10.0/StreamRelayBench.dll

# With --pin the kit puts its loadgen on CPU 0 and its peers on CPU 1; the C# hosts go to CPU 1 too.
PIN_SRV=()
for arg in "$@"; do if [ "$arg" = --pin ]; then PIN_SRV=(taskset -c 1); fi; done

STARTED=()
cleanup() { for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# start_host LOG [ENV=VALUE...]: starts a bench host; sets PID and ADDR.
start_host() {
  local log=$1 _
  shift
  : >"$log"
  "${PIN_SRV[@]}" env "$@" dotnet "$DLL" --addr 127.0.0.1:0 >"$log" 2>&1 &
  PID=$!
  STARTED+=("$PID")
  ADDR=""
  for _ in $(seq 100); do
    ADDR=$(awk '/^LISTENING /{print $2; exit}' "$log")
    [ -n "$ADDR" ] && return 0
    sleep 0.1
  done
  echo "bench host did not start, see $log" >&2
  return 1
}

INLINE=DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1
start_host /tmp/cs.log && CS="cs=ws://$ADDR/@$PID"
start_host /tmp/cs-inline.log "$INLINE" && CS_INLINE="cs-inline=ws://$ADDR/@$PID"
"$KIT/run-peers.sh" --no-build "$@" --external "$CS" --external "$CS_INLINE"
cleanup
STARTED=()

# The kit reuses an external relay for case e; measure it again on fresh processes of every relay.
echo
echo "## e-idle2000 on fresh processes"
RESULTS=$(mktemp)
idle() { # LABEL ENV... -- command...
  local label=$1 log
  shift
  log=$(mktemp)
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  "${PIN_SRV[@]}" env "${envs[@]}" "$@" --addr 127.0.0.1:0 >"$log" 2>&1 &
  local pid=$! addr=""
  STARTED+=("$pid")
  for _ in $(seq 100); do addr=$(awk '/^LISTENING /{print $2; exit}' "$log"); [ -n "$addr" ] && break; sleep 0.1; done
  timeout -k 5 120 "$KIT/bin/loadgen" --url "ws://$addr/" --rooms 1000 --size 2 --senders 0 --duration 3 \
    --pid "$pid" --json --label "$label" --case e-idle2000-fresh >>"$RESULTS" 2>/dev/null || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
for _ in 1 2; do
  idle go-gorilla -- "$KIT/bin/go-gorilla-relay"
  idle node-ws -- node "$KIT/peers/node-ws/server.js"
  idle cs -- dotnet "$DLL"
  idle cs-inline "$INLINE" -- dotnet "$DLL"
done
"$KIT/bin/loadgen" --table "$RESULTS"
