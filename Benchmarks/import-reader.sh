#!/usr/bin/env bash
# Builds the import benchmark with `swiftc -O` from the Import sources and the model they
# use (no package build needed; the files that reach into the store are left out) and runs
# it: Benchmarks/import-reader.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
core=Sources/SwitchboardCore
out=$(mktemp -d)
swiftc -O -wmo -module-name SwitchboardCore -parse-as-library -emit-library -static -emit-module \
    -emit-module-path "$out/SwitchboardCore.swiftmodule" -o "$out/libSwitchboardCore.a" \
    $(ls $core/Import/*.swift $core/Model/*.swift | grep -v -e ImportJournaling.swift -e ScheduleWindow+Text.swift) \
    $core/Vendors/*/*Status.swift $core/HTTP/HTTPDate.swift
swiftc -O -I "$out" -L "$out" -lSwitchboardCore -o "$out/import-reader" Benchmarks/ImportReader/main.swift
"$out/import-reader" "$@"
rm -rf "$out"
