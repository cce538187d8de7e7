#!/usr/bin/env bash
# cskpi benchmark: generate canonical CSV, time ./cskpi ingest + analyze at each size, run the
# DuckDB peer on the same CSV, check both compute the same headline KPIs, print a table.
#
#   bench/run.sh [--tickets 1000,1000000,3000000,10000000 (default)] [--weeks 52] [--zone Europe/Oslo]
#                [--out bench/out] [--warm 1] [--weekly] [--no-peer]
#
# Per size N (directory OUT/N): export/csv/tickets.csv, data/ (warehouse + H2 store),
# events/ (Spark event logs; bench/stages.py shows where the time went), logs/, peer.duckdb,
# cskpi.csv / duckdb/kpis.csv (the compared KPIs), row.txt. Fails (exit 1) when the numbers
# of cskpi and DuckDB disagree. Nothing here is needed to build or run cskpi.
# --weekly: then the weekly increment: the following week's export (N/250 new tickets, half as
# many updates of older tickets; week1/csv/tickets.csv), timed through ingest + incremental
# analyze against DuckDB's full KPI computation from its own table, and checked against DuckDB
# loaded with the history and the week (table-weekly.md, cskpi-weekly.csv, duckdb-weekly/).
# --no-peer: cskpi only, for sizes DuckDB cannot load in this machine's memory (100M tickets):
# the DuckDB columns show "-" and the run is checked by its own counts, not against the peer.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
SIZES="1000,1000000,3000000,10000000"
WEEKS=52
ZONE=Europe/Oslo
OUT="$BENCH/out"
WARM=1
WEEKLY=0
PEER=1
while [ $# -gt 0 ]; do
    case "$1" in
        --tickets) SIZES="$2"; shift 2 ;;
        --weeks) WEEKS="$2"; shift 2 ;;
        --zone) ZONE="$2"; shift 2 ;;
        --out) OUT="$2"; shift 2 ;;
        --warm) WARM="$2"; shift 2 ;;
        --weekly) WEEKLY=1; shift ;;
        --no-peer) PEER=0; shift ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is needed (apt-get install -y time)" >&2; exit 2; }
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
# One end date for the history and its following week, even if the run crosses a Monday: the
# Sunday before today in the zone, as generate's default.
END=$(TZ="$ZONE" date -d "last sunday" +%F)

# Build cskpi (the launcher rebuilds when sources changed) and the peer.
"$ROOT/cskpi" --version >/dev/null
"$ROOT/cskpi" generate --help >/dev/null
if [ "$PEER" = 1 ]; then
    if [ ! -f "$BENCH/peer/target/classpath" ] || [ -n "$(find "$BENCH/peer/src" "$BENCH/peer/pom.xml" -newer "$BENCH/peer/target/classpath" -print -quit)" ]; then
        mvn -B -q -f "$BENCH/peer/pom.xml" package
    fi
    PEER_CP="$BENCH/peer/target/classes:$(cat "$BENCH/peer/target/classpath")"
fi

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

WEEKLY_TABLE="$OUT/table-weekly.md"
if [ "$WEEKLY" = 1 ]; then
    printf '| tickets | week: new + updated tickets | ingest s | analyze s (weeks recomputed) | weekly increment s | DuckDB full KPIs s | ÷ DuckDB full KPIs | peak RSS ingest / analyze | load average before |\n|---|---|---|---|---|---|---|---|---|\n' >"$WEEKLY_TABLE"
fi

# weekly_increment N DIR HISTORY_CSV DUCK_KPIS_S: after the history is ingested and analysed,
# the following week's export through ingest + (incremental) analyze, timed; then cskpi's
# headline KPIs against DuckDB loaded with the history and the week. Appends to $WEEKLY_TABLE.
weekly_increment() {
    local n="$1" dir="$2" csv="$3" dkpis="$4"
    local weekly=$(( n / 250 > 0 ? n / 250 : 1 ))
    local load
    load=$(uptime | sed 's/.*load average: //')
    "$ROOT/cskpi" generate "${history[@]}" --next-week 1 --next-week-tickets "$weekly" --updates-share 0.5 \
        --out "$dir/week1" >"$dir/logs/generate-week1.out" 2>"$dir/logs/generate-week1.err" \
        || { tail -n 20 "$dir/logs/generate-week1.err" >&2; exit 1; }
    local week_csv="$dir/week1/csv/tickets.csv"
    local updates
    updates=$(sed -n 's/.* and \([0-9,]*\) updates of older tickets.*/\1/p' "$dir/logs/generate-week1.out" | tr -d ,)
    echo "== $n tickets: weekly increment of $weekly new + $updates updated tickets (load average $load)" >&2
    timed weekly_ingest "$dir/logs/weekly-ingest" "$ROOT/cskpi" ingest --source csv --input "$week_csv" "${common[@]}"
    timed weekly_analyze "$dir/logs/weekly-analyze" "$ROOT/cskpi" analyze "${common[@]}"
    if [ "$PEER" = 0 ]; then
        grep -h -e 'ingest: rows read' -e 'warehouse now holds' "$dir/logs/weekly-ingest.err" >&2
    fi
    local recomputed
    recomputed=$(grep -ohE 'recomputing (every week|[0-9]+ weeks?)' "$dir/logs/weekly-analyze.out" \
        "$dir/logs/weekly-analyze.err" | head -n 1)
    "$ROOT/cskpi" sql --format csv "$(cat "$BENCH/cskpi-headline.sql")" "${common[@]}" >"$dir/cskpi-weekly.csv" \
        2>"$dir/logs/sql-weekly.err" || { cat "$dir/logs/sql-weekly.err" >&2; exit 1; }
    if [ "$PEER" = 1 ]; then
        rm -f "$dir/peer-weekly.duckdb" "$dir/peer-weekly.duckdb.wal"
        java -cp "$PEER_CP" org.cskpi.bench.DuckPeer load --csv "$csv,$week_csv" --db "$dir/peer-weekly.duckdb" \
            --zone "$ZONE" --out "$dir/duckdb-weekly" --warm 0 >"$dir/logs/duck-weekly.out" 2>"$dir/logs/duck-weekly.err" \
            || { tail -n 20 "$dir/logs/duck-weekly.err" >&2; exit 1; }
        if ! python3 "$BENCH/compare.py" "$dir/cskpi-weekly.csv" "$dir/duckdb-weekly/kpis.csv" | tee "$dir/compare-weekly.txt"; then
            echo "run.sh: $n tickets + week 1: cskpi and DuckDB DISAGREE (files $dir/cskpi-weekly.csv, $dir/duckdb-weekly/kpis.csv)" >&2
            exit 1
        fi
    fi
    awk -v n="$n" -v nw="$weekly" -v up="${updates:-?}" -v i="$(get weekly_ingest_s "$ROW")" \
        -v a="$(get weekly_analyze_s "$ROW")" -v rec="${recomputed:-?}" -v dk="$dkpis" \
        -v ri="$(get weekly_ingest_rss_mb "$ROW")" -v ra="$(get weekly_analyze_rss_mb "$ROW")" -v ld="$load" 'BEGIN {
        printf "| %d | %d + %s | %.1f | %.1f (%s) | %.1f | %s | %s | %d / %d MB | %s |\n",
            n, nw, up, i, a, rec, i + a, (dk == "" ? "-" : sprintf("%.1f", dk)),
            (dk == "" ? "-" : sprintf("%.2f×", (i + a) / dk)), ri, ra, ld
    }' >>"$WEEKLY_TABLE"
}

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
    history=(--format csv --tickets "$n" --weeks "$WEEKS" --timezone "$ZONE" --end "$END")
    timed generate "$dir/logs/generate" "$ROOT/cskpi" generate "${history[@]}" --out "$dir/export"
    csv="$dir/export/csv/tickets.csv"
    common=(--data-dir "$dir/data" --config "$dir/cskpi.yaml")
    timed ingest "$dir/logs/ingest" "$ROOT/cskpi" ingest --source csv --input "$csv" "${common[@]}"
    timed analyze "$dir/logs/analyze" "$ROOT/cskpi" analyze "${common[@]}"
    for i in $(seq 1 "$WARM"); do
        timed analyze_warm "$dir/logs/analyze-warm-$i" "$ROOT/cskpi" analyze "${common[@]}"
    done
    "$ROOT/cskpi" sql --format csv "$(cat "$BENCH/cskpi-headline.sql")" "${common[@]}" >"$dir/cskpi.csv" \
        2>"$dir/logs/sql.err" || { cat "$dir/logs/sql.err" >&2; exit 1; }
    if [ "$PEER" = 1 ]; then
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
    fi
    if [ "$PEER" = 0 ]; then
        grep -h -e 'ingest: rows read' -e 'warehouse now holds' "$dir/logs/ingest.err" >&2
    fi
    for log in "$dir"/events/local-*; do
        python3 "$BENCH/stages.py" "$log" >"$log.stages.txt" 2>/dev/null || true
    done
    ingest=$(get ingest_s "$ROW"); analyze=$(get analyze_s "$ROW"); warm=$(get analyze_warm_s "$ROW")
    dload=$(get duck_load_s "$ROW"); dkpis=$(get duck_kpis_s "$ROW")
    dkq=$(get kpis_kpis_first_s "$ROW"); dkw=$(get kpis_kpis_warm_s "$ROW")
    awk -v n="$n" -v i="$ingest" -v a="$analyze" -v w="${warm:-}" -v ri="$(get ingest_rss_mb "$ROW")" \
        -v ra="$(get analyze_rss_mb "$ROW")" -v dl="$dload" -v dk="$dkpis" -v dq="$dkq" -v dw="$dkw" 'BEGIN {
        if (dk == "") {
            printf "| %d | %.1f | %.1f / %s | %.0f | %d / %d MB | - | - | - | - |\n",
                n, i, a, (w == "" ? "-" : sprintf("%.1f", w)), n / (i + a), ri, ra
        } else {
            printf "| %d | %.1f | %.1f / %s | %.0f | %d / %d MB | %.1f | %.1f (query %.2f / %.2f) | %.1f× | %.1f× |\n",
                n, i, a, (w == "" ? "-" : sprintf("%.1f", w)), n / (i + a), ri, ra, dl, dk, dq, dw, a / dk, (i + a) / dl
        }
    }' >>"$TABLE"
    if [ "$WEEKLY" = 1 ]; then
        weekly_increment "$n" "$dir" "$csv" "$dkpis"
    fi
done
echo
cat "$TABLE"
if [ "$WEEKLY" = 1 ]; then
    echo
    cat "$WEEKLY_TABLE"
fi
