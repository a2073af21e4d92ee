#!/bin/bash
# Runs the four fuzz targets one after another, SECONDS_EACH (910) seconds each, one process,
# after `cargo +nightly fuzz build -O` (RELIABILITY.md section 4). Logs go to $LOGS (/tmp).
cd "$(dirname "$0")"
each=${SECONDS_EACH:-910}
logs=${LOGS:-/tmp}
for t in bundle bundle_signed checklist roster; do
  mkdir -p corpus/$t artifacts/$t
  echo "start $t $(date -u +%H:%M:%S)" >> "$logs/fuzz-times.txt"
  nice -n 5 target/x86_64-unknown-linux-gnu/release/$t -max_total_time="$each" \
    -print_final_stats=1 -artifact_prefix=artifacts/$t/ -rss_limit_mb=2048 \
    corpus/$t regressions/$t > "$logs/fuzz-$t.log" 2>&1
  echo "end $t rc=$? $(date -u +%H:%M:%S) corpus=$(ls corpus/$t | wc -l)" >> "$logs/fuzz-times.txt"
done
