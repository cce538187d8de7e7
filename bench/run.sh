#!/usr/bin/env bash
# cskpi benchmark: generate canonical CSV, time ./cskpi ingest + analyze at each size, run the
# DuckDB peer on the same CSV, check both compute the same headline KPIs, print a table.
#
#   bench/run.sh [--tickets 1000,1000000,3000000,10000000 (default)] [--weeks 52] [--zone Europe/Oslo]
#                [--out bench/out] [--warm 1]
#
# Per size N (directory OUT/N): export/csv/tickets.csv, data/ (warehouse + H2 store),
# events/ (Spark event logs; bench/stages.py shows where the time went), logs/, peer.duckdb,
# cskpi.csv / duckdb/kpis.csv (the compared KPIs), row.txt. Fails (exit 1) when the numbers
# of cskpi and DuckDB disagree. Nothing here is needed to build or run cskpi.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
SIZES="1000,1000000,3000000,10000000"
WEEKS=52
ZONE=Europe/Oslo
OUT="$BENCH/out"
WARM=1
while [ $# -gt 0 ]; do
    case "$1" in
        --tickets) SIZES="$2"; shift 2 ;;
        --weeks) WEEKS="$2"; shift 2 ;;
        --zone) ZONE="$2"; shift 2 ;;
        --out) OUT="$2"; shift 2 ;;
        --warm) WARM="$2"; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is needed (apt-get install -y time)" >&2; exit 2; }
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

# Build cskpi (the launcher rebuilds when sources changed) and the peer.
"$ROOT/cskpi" --version >/dev/null
"$ROOT/cskpi" generate --help >/dev/null
if [ ! -f "$BENCH/peer/target/classpath" ] || [ -n "$(find "$BENCH/peer/src" "$BENCH/peer/pom.xml" -newer "$BENCH/peer/target/classpath" -print -quit)" ]; then
    mvn -B -q -f "$BENCH/peer/pom.xml" package
fi
PEER_CP="$BENCH/peer/target/classes:$(cat "$BENCH/peer/target/classpath")"

# timed NAME LOG cmd... : runs cmd, appends "NAME_s=wall NAME_rss_mb=peak" to $ROW
timed() {
    local name="$1" log="$2"; shift 2
    local t0 t1
    t0=$EPOCHREALTIME
    if ! /usr/bin/time -v -o "$log.time" "$@" >"$log.out" 2>"$log.err"; then
        echo "run.sh: $name failed; see $log.err" >&2
        tail -n 20 "$log.err" >&2
        exit 1
    fi
    t1=$EPOCHREALTIME
    local rss
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log.time")
    printf '%s_s=%.2f\n%s_rss_mb=%s\n' "$name" "$(echo "$t1 - $t0" | bc -l)" "$name" "$rss" >>"$ROW"
}

get() { awk -F= -v k="$1" '$1 == k {v = $2} END {print v}' "$2"; }

TABLE="$OUT/table.md"
printf '| tickets | ingest s | analyze s (cold / warm) | rows/s (ingest+analyze) | peak RSS ingest / analyze | DuckDB load+KPIs s | DuckDB KPIs own table s (cold / warm query) | ratio analyze / DuckDB KPIs | ratio ingest+analyze / DuckDB load+KPIs |\n|---|---|---|---|---|---|---|---|---|\n' >"$TABLE"

IFS=',' read -r -a sizes <<<"$SIZES"
for n in "${sizes[@]}"; do
    dir="$OUT/$n"
    rm -rf "$dir"
    mkdir -p "$dir/logs" "$dir/events"
    ROW="$dir/row.txt"
    : >"$ROW"
    cat >"$dir/cskpi.yaml" <<YAML
business:
  timezone: $ZONE
spark:
  options:
    spark.eventLog.enabled: "true"
    spark.eventLog.dir: "file://$dir/events"
    spark.eventLog.compress: "false"
    spark.eventLog.rolling.enabled: "false"
YAML
    echo "== $n tickets ($(uptime | sed 's/.*load average/load average/'))" >&2
    timed generate "$dir/logs/generate" "$ROOT/cskpi" generate --format csv --tickets "$n" --weeks "$WEEKS" \
        --timezone "$ZONE" --out "$dir/export"
    csv="$dir/export/csv/tickets.csv"
    common=(--data-dir "$dir/data" --config "$dir/cskpi.yaml")
    timed ingest "$dir/logs/ingest" "$ROOT/cskpi" ingest --source csv --input "$csv" "${common[@]}"
    timed analyze "$dir/logs/analyze" "$ROOT/cskpi" analyze "${common[@]}"
    for i in $(seq 1 "$WARM"); do
        timed analyze_warm "$dir/logs/analyze-warm-$i" "$ROOT/cskpi" analyze "${common[@]}"
    done
    "$ROOT/cskpi" sql --format csv "$(cat "$BENCH/cskpi-headline.sql")" "${common[@]}" >"$dir/cskpi.csv" \
        2>"$dir/logs/sql.err" || { cat "$dir/logs/sql.err" >&2; exit 1; }
    rm -f "$dir/peer.duckdb" "$dir/peer.duckdb.wal"
    timed duck_load "$dir/logs/duck-load" java -cp "$PEER_CP" org.cskpi.bench.DuckPeer load --csv "$csv" \
        --db "$dir/peer.duckdb" --zone "$ZONE" --out "$dir/duckdb" --warm 0
    # The timed process computes the KPIs once, as analyze does; a second process repeats the
    # query for DuckDB's warm figure (timings.txt) and is not part of the ratio.
    timed duck_kpis "$dir/logs/duck-kpis" java -cp "$PEER_CP" org.cskpi.bench.DuckPeer kpis \
        --db "$dir/peer.duckdb" --zone "$ZONE" --out "$dir/duckdb" --warm 0
    java -cp "$PEER_CP" org.cskpi.bench.DuckPeer kpis --db "$dir/peer.duckdb" --zone "$ZONE" \
        --out "$dir/duckdb-warm" --warm 2 >"$dir/logs/duck-warm.out" 2>"$dir/logs/duck-warm.err"
    sed -n 's/^kpis_kpis_warm_s=/kpis_kpis_warm_s=/p' "$dir/duckdb-warm/timings.txt" >>"$ROW"
    cat "$dir/duckdb/timings.txt" >>"$ROW"
    if ! python3 "$BENCH/compare.py" "$dir/cskpi.csv" "$dir/duckdb/kpis.csv" | tee "$dir/compare.txt"; then
        echo "run.sh: $n tickets: cskpi and DuckDB DISAGREE (see above; files $dir/cskpi.csv, $dir/duckdb/kpis.csv)" >&2
        exit 1
    fi
    for log in "$dir"/events/local-*; do
        python3 "$BENCH/stages.py" "$log" >"$log.stages.txt" 2>/dev/null || true
    done
    ingest=$(get ingest_s "$ROW"); analyze=$(get analyze_s "$ROW"); warm=$(get analyze_warm_s "$ROW")
    dload=$(get duck_load_s "$ROW"); dkpis=$(get duck_kpis_s "$ROW")
    dkq=$(get kpis_kpis_first_s "$ROW"); dkw=$(get kpis_kpis_warm_s "$ROW")
    awk -v n="$n" -v i="$ingest" -v a="$analyze" -v w="${warm:-}" -v ri="$(get ingest_rss_mb "$ROW")" \
        -v ra="$(get analyze_rss_mb "$ROW")" -v dl="$dload" -v dk="$dkpis" -v dq="$dkq" -v dw="$dkw" 'BEGIN {
        printf "| %d | %.1f | %.1f / %s | %.0f | %d / %d MB | %.1f | %.1f (query %.2f / %.2f) | %.1f× | %.1f× |\n",
            n, i, a, (w == "" ? "-" : sprintf("%.1f", w)), n / (i + a), ri, ra, dl, dk, dq, dw, a / dk, (i + a) / dl
    }' >>"$TABLE"
done
echo
cat "$TABLE"
