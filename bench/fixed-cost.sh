#!/usr/bin/env bash
# The fixed cost of a small run (issue 16): generate N tickets, then
#   1. ingest and analyze as two commands (two JVMs, as bench/run.sh times them), and
#   2. the same export through `cskpi run` (the weekly job: ingest, answers, analyze, report in one JVM),
# each with Spark event logs, and print per run: wall and CPU time (user + system), load average, Spark jobs and stages
# (bench/stages.py), and the analyze publish time from analyze's own progress line.
#
#   bench/fixed-cost.sh [--tickets 1000] [--weeks 52] [--out /tmp/fixed-cost] [--zone Europe/Oslo]
#                       [--spark-option KEY=VALUE ...] [--one-jvm]
# --spark-option adds to the runs' spark.options (e.g. spark.cskpi.smallInputBytes=0 to run a small
# input with Spark's large-input settings); --one-jvm skips the two-JVM runs.
#
# Uses the jars as they are (CSKPI_NO_BUILD=1): build first with `mvn -B -q -DskipTests package`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TICKETS=1000
WEEKS=52
ZONE=Europe/Oslo
OUT=/tmp/fixed-cost
OPTIONS=""
ONE_JVM_ONLY=0
END=2026-11-29 # a fixed Sunday: the same export on every run
while [ $# -gt 0 ]; do
    case "$1" in
        --tickets) TICKETS="$2"; shift 2 ;;
        --weeks) WEEKS="$2"; shift 2 ;;
        --zone) ZONE="$2"; shift 2 ;;
        --out) OUT="$2"; shift 2 ;;
        --spark-option) OPTIONS="$OPTIONS
    ${2%%=*}: \"${2#*=}\""; shift 2 ;;
        --one-jvm) ONE_JVM_ONLY=1; shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "fixed-cost.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done
export CSKPI_NO_BUILD=1
rm -rf "$OUT"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

load() { uptime | sed 's/.*load average: //'; }

# config DIR: a cskpi.yaml with event logs in DIR/events
config() {
    mkdir -p "$1/events" "$1/logs"
    cat >"$1/cskpi.yaml" <<YAML
business:
  timezone: $ZONE
spark:
  options:
    spark.eventLog.enabled: "true"
    spark.eventLog.dir: "file://$1/events"
    spark.eventLog.compress: "false"
    spark.eventLog.rolling.enabled: "false"$OPTIONS
YAML
}

# timed DIR NAME cmd...: runs cmd with its output in DIR/logs/NAME.{out,err}, prints wall and load
timed() {
    local dir="$1" name="$2"; shift 2
    local before t0 t1
    before=$(load)
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%U %S' -o "$dir/logs/$name.cpu" "$@" >"$dir/logs/$name.out" 2>"$dir/logs/$name.err" \
        || { tail -n 20 "$dir/logs/$name.err" >&2; exit 1; }
    t1=$EPOCHREALTIME
    printf '%-10s wall %6.2f s, CPU %6.2f s   load before %s, after %s\n' "$name" "$(echo "$t1 - $t0" | bc -l)" \
        "$(awk '{print $1 + $2}' "$dir/logs/$name.cpu")" "$before" "$(load)"
}

# spark DIR: jobs and stages of each application in DIR/events, oldest first
spark() {
    local log
    for log in $(ls -tr "$1"/events/*); do
        python3 "$ROOT/bench/stages.py" "$log" >"$log.stages.txt"
        printf '           %s: %s; %s\n' "$(sed -n 's/^.*"App Name":"\([^"]*\)".*/\1/p' "$log" | head -n 1)" \
            "$(grep -m1 '^application' "$log.stages.txt")" "$(grep -m1 '^jobs [0-9]' "$log.stages.txt")"
    done
}

echo "== generate $TICKETS tickets, $WEEKS weeks (commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "not a git checkout"))"
"$ROOT/cskpi" generate --format csv --tickets "$TICKETS" --weeks "$WEEKS" --timezone "$ZONE" --seed 1 \
    --end "$END" --out "$OUT/export" >/dev/null 2>&1

# Not timed: records the class-data-sharing archive if the jars changed, and warms the page cache.
warm="$OUT/warm-up"
config "$warm"
"$ROOT/cskpi" ingest --source csv --input "$OUT/export/csv/tickets.csv" --data-dir "$warm/data" \
    --config "$warm/cskpi.yaml" >"$warm/logs/ingest.out" 2>&1

two="$OUT/two-jvms"
if [ "$ONE_JVM_ONLY" = 0 ]; then
config "$two"
common=(--data-dir "$two/data" --config "$two/cskpi.yaml")
echo "== ingest and analyze, two JVMs ($two)"
timed "$two" ingest "$ROOT/cskpi" ingest --source csv --input "$OUT/export/csv/tickets.csv" "${common[@]}"
timed "$two" analyze "$ROOT/cskpi" analyze "${common[@]}"
grep -h 'published' "$two/logs/analyze.err" "$two/logs/analyze.out" | sed 's/^/           /' || true
spark "$two"
fi

one="$OUT/one-jvm"
config "$one"
mkdir -p "$one/data/inbox/csv" "$one/data/inbox/responses"
cp "$OUT/export/csv/tickets.csv" "$one/data/inbox/csv/"
cp "$OUT/export/csv/survey_responses.csv" "$one/data/inbox/responses/"
echo "== cskpi run, one JVM ($one)"
timed "$one" run "$ROOT/cskpi" run --data-dir "$one/data" --config "$one/cskpi.yaml"
sed -n 's/^\(\[[0-9]\/[0-9]\] .\{30\} *[0-9.]* s\).*/\1/p' "$one/logs/run.out" | sed 's/^/           /'
grep -h 'published in one' "$one/logs/run.err" | sed 's/^/           /' || true
spark "$one"
