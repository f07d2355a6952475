#!/usr/bin/env bash
# The console benchmark (not a test): builds the release `switchboard`, starts the vendor
# sandbox in its own process, drives the console on a 120x40 pseudo-terminal from Python
# (standard library only) and prints a table: bytes per stats tick, idle CPU, keypress to
# frame while scrolling 1,000,000 cached contacts, start to first frame.
#   Benchmarks/console-benchmark.sh [--contacts N] [--presses N] [--cpu-seconds S]
#                                   [--startup-runs N] [--only 1234] [--keep]
# Takes about 6 minutes with the defaults (3 idle-CPU runs of 60 s each).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --scratch-path .build-release --product switchboard >&2
exec python3 Benchmarks/ConsoleBenchmark/driver.py --switchboard .build-release/release/switchboard "$@"
