#!/usr/bin/env bash
# Adds an EF Core migration for PcDartsDbContext: migrations/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations add "$1" --project migrations/PcDarts.Migrations.csproj --startup-project migrations/PcDarts.Migrations.csproj \
  --output-dir Migrations --namespace PcDarts.Migrations
# dotnet-ef files the model snapshot under a folder named after the namespace: keep it beside the migrations.
if [ -d migrations/PcDarts/Migrations ]; then mv migrations/PcDarts/Migrations/*.cs migrations/Migrations/ && rm -rf migrations/PcDarts; fi
