#!/usr/bin/env bash
# The search peak memory of docs/results.md: one search per configuration of Table 5 (Table 1's two included), each
# in a fresh `pcdarts-runner search` process, with the studies' search spec cut to one warm-up epoch and one epoch
# with the architecture step (an epoch's peak does not grow with the number of epochs). Prints, per configuration,
# the last epoch's time, peak resident memory and what the process held before the search began.
#   bench/studies/peaks.sh        (Release build of src/SearchRunner; about 10 minutes on 2 cores)
set -uo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/SearchRunner -c Release -v q -nologo >/dev/null || exit 1
for k in 1 2 4 8; do for en in on off; do
  out=$(mktemp -d)
  src/SearchRunner/bin/Release/net10.0/pcdarts-runner search --dataset fashion-mnist --channels 8 --layers 5 --nodes 4 --batch-size 64 \
    --lr 0.05 --arch-lr 0.1 --subset 2000 --epochs 2 --warmup-epochs 1 --k $k --edge-norm $en --threads 2 --seed 1 --out "$out" > /dev/null 2>&1
  echo "k=$k edge-norm=$en $(tail -1 "$out/metrics.jsonl" | jq -c '{seconds, peakProcessBytes, hostProcessBytes}')"
  rm -rf "$out"
done; done
