#!/usr/bin/env bash
# run.sh: v1 against v2 on the relay core, same cases, one run. Builds the bench host (StreamRelayBench) and
# the driver (ProtocolBench) in Release, then runs the matrix: every case on v1 and then v2, each on a fresh
# relay process on a free loopback port, repeated; prints markdown tables (medians and v2/v1 ratios).
#
# Usage: bench/ProtocolBench/run.sh [--repeat 3] [--duration 10] [--warmup 2] [--cases a,b] [--json FILE]
#   OUT=DIR   also keep the whole console (run.txt) and the JSON lines (runs.jsonl) there; created if missing.
#             The tables can be printed again from JSON lines: dotnet .../ProtocolBench.dll --table FILE...
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JSON=()
if [ -n "${OUT:-}" ]; then
  mkdir -p "$OUT"
  exec > >(tee "$OUT/run.txt") 2>&1
  JSON=(--json "$OUT/runs.jsonl")
fi

dotnet build -c Release "$ROOT/bench/StreamRelayBench" -nologo -v q
dotnet build -c Release "$ROOT/bench/ProtocolBench" -nologo -v q
SERVER=$ROOT/bench/StreamRelayBench/bin/Release/net10.0/StreamRelayBench.dll
DRIVER=$ROOT/bench/ProtocolBench/bin/Release/net10.0/ProtocolBench.dll

echo "commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- stream-service bench || echo ' (with local changes)'), $(date -u '+%Y-%m-%d %H:%M UTC'), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# The driver starts and stops its relay processes itself; timeout bounds the whole matrix.
timeout -k 10 3600 dotnet "$DRIVER" --server "$SERVER" "${JSON[@]}" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
