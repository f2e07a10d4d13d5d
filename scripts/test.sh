#!/usr/bin/env bash
# Runs every test project from a fresh machine: installs the system packages the tests use when they are
# missing, restores, builds, tests, and prints one closing line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

configuration=${CONFIGURATION:-Release}
results=artifacts/test-results

missing=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib libCbcSolver.so.3 || missing+=(coinor-libcbc3)
command -v cbc >/dev/null || missing+=(coinor-cbc)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# The cluster tests isolate a silo in a network namespace (ip netns, veth pairs).
command -v ip >/dev/null || missing+=(iproute2)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet restore QuantumScheduler.sln
dotnet build QuantumScheduler.sln -c "$configuration" --no-restore

rm -rf "$results"
status=0
dotnet test QuantumScheduler.sln -c "$configuration" --no-build \
  --logger "trx" --results-directory "$results" || status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  t=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
  e=$(sed -E 's/.* executed="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + t - e))
done
if [ "$failed" -gt 0 ]; then
  awk -f scripts/failed-tests.awk "$results"/*.trx || true
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
