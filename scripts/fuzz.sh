#!/usr/bin/env bash
# libFuzzer targets for the collector's parsers, outside the test suite:
#   bash scripts/fuzz.sh [SECONDS_PER_PARSER] [OUT_DIR]
# Builds the pure modules (MeshMetrics, PromQL, Traces, AccessLogs) with
# `swiftc -sanitize=fuzzer` (coverage-guided, plus -sanitize=address when FUZZ_ASAN=1),
# one executable per parser, seeds a corpus with valid bodies, runs each for SECONDS
# (default 60) and prints the executions. A crash leaves crash-* in OUT_DIR/<parser>.
set -euo pipefail
SECONDS_PER=${1:-60}
OUT=${2:-.build/fuzz}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SWIFTC=${SWIFTC:-swiftc}
SAN="-sanitize=fuzzer"
[[ "${FUZZ_ASAN:-0}" == 1 ]] && SAN="-sanitize=fuzzer,address"
mkdir -p "$OUT/lib" "$OUT/src"

module() { # NAME [DEPENDENCY]
  local name=$1
  local extra=()
  [[ $# -gt 1 ]] && extra=(-I "$OUT/lib")
  "$SWIFTC" -O -parse-as-library -sanitize=fuzzer -module-name "$name" -emit-module \
    -emit-module-path "$OUT/lib/$name.swiftmodule" -emit-library -static -o "$OUT/lib/lib$name.a" \
    "${extra[@]}" $(find "$ROOT/Sources/$name" -name '*.swift' | sort)
}

harness() { # PARSER MODULES... (body on stdin)
  local parser=$1; shift
  cat > "$OUT/src/$parser.swift"
  local libs=()
  for m in "$@"; do libs+=(-l"$m"); done
  "$SWIFTC" -O -parse-as-library $SAN -I "$OUT/lib" -L "$OUT/lib" "${libs[@]}" \
    "$OUT/src/$parser.swift" -o "$OUT/fuzz-$parser"
}

echo "building modules..."
module MeshMetrics
module PromQL MeshMetrics
module Traces
module AccessLogs

harness exposition MeshMetrics <<'EOF'
import MeshMetrics
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    _ = try? ExpositionParser.parse(bytes, format: .prometheusText)
    _ = try? ExpositionParser.parse(bytes, format: .openMetrics)
    return 0
}
EOF
harness promql PromQL MeshMetrics <<'EOF'
import PromQL
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = try? PromQLParser.parse(String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self))
    return 0
}
EOF
harness zipkin-json Traces <<'EOF'
import Traces
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = try? SpanJSONDecoder.decodeList(Array(UnsafeBufferPointer(start: data, count: count)))
    return 0
}
EOF
harness zipkin-proto3 Traces <<'EOF'
import Traces
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = try? SpanProtoDecoder.decodeList(Array(UnsafeBufferPointer(start: data, count: count)))
    return 0
}
EOF
harness access-log AccessLogs <<'EOF'
import AccessLogs
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = NDJSONBatch.parse(Array(UnsafeBufferPointer(start: data, count: count)))
    return 0
}
EOF

seed() { mkdir -p "$OUT/$1/corpus"; printf '%s' "$2" > "$OUT/$1/corpus/seed-$3"; }
seed exposition $'# TYPE m counter\nm_total{a="b",le="+Inf"} 1 1700000000000\n# EOF\n' 1
seed promql 'sum by (job) (rate(http_requests_total{job=~"api|web"}[5m] offset 1h)) / on(job) group_left bar' 1
seed zipkin-json '[{"traceId":"86154a4ba6e91385","id":"4d1e00c0db9010db","kind":"CLIENT","name":"get","timestamp":1472470996199000,"duration":207000,"localEndpoint":{"serviceName":"frontend","ipv4":"127.0.0.1"},"annotations":[{"timestamp":1,"value":"ws"}],"tags":{"a":"b"}}]' 1
seed zipkin-proto3 $'\x0a\x1c\x0a\x08\x86\x15\x4a\x4b\xa6\xe9\x13\x85\x1a\x08\x4d\x1e\x00\xc0\xdb\x90\x10\xdb\x2a\x03get' 1
seed access-log '{"start_time":"2020-11-25T21:26:18.409Z","method":"GET","path":"/x","response_code":418,"response_flags":"-","duration":4,"request_id":"r","upstream_cluster":"outbound|8000|v1|httpbin.foo.svc.cluster.local"}' 1

status=0
for parser in exposition promql zipkin-json zipkin-proto3 access-log; do
  dir="$OUT/$parser"
  mkdir -p "$dir/corpus"
  if (cd "$dir" && "../fuzz-$parser" -max_total_time="$SECONDS_PER" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 corpus > log.txt 2>&1); then
    result=ok
  else
    result="FAILED (see $dir/log.txt and $dir/crash-* / timeout-*)"
    status=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$dir/log.txt" | grep -o '[0-9]*$' || echo '?')
  echo "$parser: $runs executions in ${SECONDS_PER}s, $result"
done
exit $status
