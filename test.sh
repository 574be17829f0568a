#!/usr/bin/env bash
# Runs every test in Dapr.sln and the page's type check (tsc), and ends with one line: "N passed, N failed".
# Installs what the tests need that NuGet cannot bring (Chromium for the browser tests, ffmpeg for the recorder
# tests) when it is missing.
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

# The recorder's tests encode and probe real WebM files.
ensure_ffmpeg() {
  [ -x /usr/bin/ffmpeg ] && [ -x /usr/bin/ffprobe ] && return 0
  echo "test.sh: installing ffmpeg for the recorder tests (Debian package 'ffmpeg')"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq ffmpeg >/dev/null
}

if [ -f tests/Recorder.Tests/Recorder.Tests.csproj ]; then
  ensure_ffmpeg || { echo "test.sh: could not install ffmpeg; the recorder tests will fail" >&2; }
fi

# The browser page's JSDoc types, checked by tsc (package.json, tsconfig.json); counted as one test.
check_page_types() {
  if ! command -v npm >/dev/null; then
    echo "test.sh: npm is missing; cannot type-check the page" >&2
    return 1
  fi
  if [ ! -d node_modules ]; then
    npm ci --no-audit --no-fund --loglevel=error || return 1
  fi
  npx --no-install tsc -p tsconfig.json
}

page_types=0
if check_page_types; then
  echo "test.sh: page type check passed"
else
  echo "test.sh: page type check (tsc) failed" >&2
  page_types=1
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
# One test project at a time: the end-to-end and browser suites each start whole local runs (and Chromium), and
# beside each other on a small machine they starve one another past their start-up bounds.
dotnet test Dapr.sln -m:1 --logger "trx" --results-directory "$results" "$@"
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
if [ "$page_types" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit "$status"
