#!/usr/bin/env bash
# Runs the paper's Table 1 and Table 5 in miniature on a PcDarts server, one study after another, and prints the
# results as Markdown (docs/results.md was made this way). Needs PCDARTS_SERVER and PCDARTS_TOKEN (a member's personal
# token, README "Security"), a runner on the server's cpu queue, and jq.
#   bench/studies/run.sh [FIGURE.svg]      (default docs/results/table1-searched-vs-random.svg)
set -uo pipefail
cd "$(dirname "$0")/../.."
figure=${1:-docs/results/table1-searched-vs-random.svg}
: "${PCDARTS_SERVER:?set PCDARTS_SERVER to the server URL}" "${PCDARTS_TOKEN:?set PCDARTS_TOKEN to a personal token}"

dotnet build src/Cli -c Release -v q -nologo >/dev/null && dotnet build bench/Results -c Release -v q -nologo >/dev/null || exit 1
ids=()
start=$(date +%s)
for study in table1-pc-darts table1-darts table5; do
  began=$(date +%s)
  # --wait exits 1 when a member failed; the study is still reported, with the failure in its members.
  json=$(dotnet run --project src/Cli -c Release --no-build -- submit study --spec "bench/studies/$study.json" --wait --json)
  id=$(jq -r .id <<<"$json") || exit 1
  ids+=("$id")
  echo "$study: study $id, $(jq -r .status <<<"$json"), $(( $(date +%s) - began )) s" >&2
done
echo "all three: $(( $(date +%s) - start )) s" >&2

dotnet run --project bench/Results -c Release --no-build -- \
  --server "$PCDARTS_SERVER" --table1 "${ids[0]},${ids[1]}" --table5 "${ids[2]}" --figure "$figure"
