#!/usr/bin/env bash
# Runs every test project of PcDarts.sln and closes with one line summed over all test assemblies:
#   N passed, N failed[, N skipped]
# Needs: the .NET 10 SDK, Debian's dataset-fashion-mnist, PostgreSQL 15 server binaries
# (/usr/lib/postgresql/15/bin) and chromium for the browser tests; .ci/run installs them.
set -uo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test PcDarts.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one "Passed!  - Failed: 0, Passed: 12, Skipped: 0, …" line per assembly and no total.
read -r passed failed skipped assemblies < <(
  grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
    awk '{p+=$1; f+=$2; s+=$3; n++} END {print p+0, f+0, s+0, n+0}')

echo
echo "test assemblies: $assemblies"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A build error or a crashed test host reports no failed test: count it as one.
  failed=1
  echo "dotnet test exited with $status"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
