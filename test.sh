#!/usr/bin/env bash
# Runs every test in Dapr.sln and ends with one line: "N passed, N failed".
# Installs what the tests need that NuGet cannot bring (Chromium for the browser tests) when it is missing.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Relay").
set -uo pipefail
cd "$(dirname "$0")"

ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  echo "test.sh: installing Chromium for the browser tests (Debian package 'chromium')"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}

if compgen -G "tests/*/*.csproj" >/dev/null && grep -lq "Microsoft.Playwright" tests/*/*.csproj; then
  ensure_chromium || { echo "test.sh: could not install Chromium; the browser tests will fail" >&2; }
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
dotnet test Dapr.sln --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0 failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  status=1
fi
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit "$status"
