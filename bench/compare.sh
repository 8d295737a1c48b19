#!/usr/bin/env bash
# Alternates `pcdarts-runner bench` builds with the PyTorch reference, one K at a time, with the load beside each run.
#   bench/compare.sh OUT_FILE ROUNDS K... (PCDARTS_BUILDS="before=/path/pcdarts after=/path/pcdarts-runner")
set -u
out=$1; rounds=$2; shift 2
export OMP_WAIT_POLICY=PASSIVE
for round in $(seq 1 "$rounds"); do
  for k in "$@"; do
    for build in $PCDARTS_BUILDS; do
      echo "{\"round\":$round,\"run\":\"${build%%=*}\",\"load\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"result\":$("${build#*=}" bench --k "$k" --batch-size 32 --steps 10 --threads 2 --json)}" >> "$out"
    done
    echo "{\"round\":$round,\"run\":\"pytorch\",\"load\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"result\":$(/usr/bin/python3 "$(dirname "$0")/pytorch_reference.py" --k "$k" --batch-size 32 --steps 10 --threads 2)}" >> "$out"
  done
done
