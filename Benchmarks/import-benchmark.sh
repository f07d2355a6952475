#!/usr/bin/env bash
# The bulk-import benchmark (not a test): imports a generated CSV of Anyreach contacts into
# the sandbox on loopback with the release-built `switchboard contacts upsert`, then does
# the same with a reference Python script (csv + requests), and prints a table.
#   Benchmarks/import-benchmark.sh [ROWS] [--rounds N]
#     ROWS: default 1,000,000; 100,000 is run too, for RSS. --rounds N runs both importers N
#     times, taking turns, and judges the targets by each one's median.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --scratch-path .build-release --product switchboard >&2
venv=.build-bench-venv
if ! "$venv/bin/python" -c "import requests" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet requests >&2
fi
exec "$venv/bin/python" Benchmarks/ImportBenchmark/run.py --switchboard .build-release/release/switchboard \
    --rows "${1:-1000000}" "${@:2}"
