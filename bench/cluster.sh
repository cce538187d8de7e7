#!/usr/bin/env bash
# Runs cskpi on a real Spark standalone cluster on loopback and checks it publishes the same
# KPIs as local mode:
#
#   bench/cluster.sh [--tickets 20000] [--weeks 12] [--out bench/out/cluster]
#
# 1. builds cskpi if needed; makes a Spark home whose jars/ are the project's own launch
#    classpath (Spark 4.2.0 and cskpi's jars) - the classpath the master, both workers and
#    their executors share, so the app's classes reach the executors without copying;
# 2. starts a master and two workers (1 core, 1.5 GB each) on 127.0.0.1;
# 3. generates canonical CSV, runs ./cskpi ingest + analyze in local mode (data-local/) and
#    with --master spark://127.0.0.1:PORT (data-cluster/);
# 4. checks the executors on the workers ran the tasks, and that kpi_weekly, busiest_hours
#    and top_complaints of both runs are identical; stops everything; exit 0 = pass.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TICKETS=20000
WEEKS=12
OUT="$ROOT/bench/out/cluster"
while [ $# -gt 0 ]; do
    case "$1" in
        --tickets) TICKETS="$2"; shift 2 ;;
        --weeks) WEEKS="$2"; shift 2 ;;
        --out) OUT="$2"; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "cluster.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done
rm -rf "$OUT"
mkdir -p "$OUT/logs"
OUT="$(cd "$OUT" && pwd)"
say() { echo "cluster.sh: $*"; }

"$ROOT/cskpi" generate --help >/dev/null   # builds cskpi when sources changed
CP="$(ls "$ROOT"/batch/target/cskpi-batch-*-SNAPSHOT.jar | grep -v -- -tests.jar):$(cat "$ROOT/batch/target/launch/classpath")"
read -r -a JVM_OPTS <"$ROOT/batch/target/launch/jvm.options"

# A Spark home made of the project's own jars: workers start executors with SPARK_HOME/jars/*.
export SPARK_HOME="$OUT/spark-home" SPARK_SCALA_VERSION=2.13
mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/conf"
IFS=':' read -r -a entries <<<"$CP"
for jar in "${entries[@]}"; do
    ln -sf "$jar" "$SPARK_HOME/jars/$(basename "$jar")"
done

# The daemons log at INFO (cskpi's own log4j2 config is WARN), so their start-up is visible.
cat >"$OUT/log4j2.properties" <<'LOG'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
logger.deploy.name = org.apache.spark.deploy
logger.deploy.level = info
logger.executor.name = org.apache.spark.executor.Executor
logger.executor.level = info
LOG
# SPARK_HOME/conf comes first on the executors' classpath: they log finished tasks too.
cp "$OUT/log4j2.properties" "$SPARK_HOME/conf/log4j2.properties"
DAEMON_OPTS=(-Xmx512m "-Dlog4j2.configurationFile=$OUT/log4j2.properties")
export SPARK_LOCAL_IP=127.0.0.1

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PIDS=()
stop_all() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_all EXIT

wait_for() {   # wait_for LOG TEXT SECONDS
    for _ in $(seq 1 "$3"); do
        grep -q "$2" "$1" 2>/dev/null && return 0
        sleep 1
    done
    echo "cluster.sh: timed out waiting for '$2' in $1:" >&2
    tail -n 30 "$1" >&2
    exit 1
}

MASTER_PORT=$(free_port)
MASTER="spark://127.0.0.1:$MASTER_PORT"
java "${JVM_OPTS[@]}" "${DAEMON_OPTS[@]}" -cp "$CP" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$MASTER_PORT" --webui-port "$(free_port)" >"$OUT/logs/master.log" 2>&1 &
PIDS+=($!)
wait_for "$OUT/logs/master.log" "I have been elected leader" 180
say "master up at $MASTER"
for w in 1 2; do
    mkdir -p "$OUT/worker$w"
    java "${JVM_OPTS[@]}" "${DAEMON_OPTS[@]}" -cp "$CP" org.apache.spark.deploy.worker.Worker \
        --host 127.0.0.1 --cores 1 --memory 1536m --webui-port "$(free_port)" --work-dir "$OUT/worker$w" \
        "$MASTER" >"$OUT/logs/worker$w.log" 2>&1 &
    PIDS+=($!)
done
for w in 1 2; do wait_for "$OUT/logs/worker$w.log" "Successfully registered with master" 180; done
say "2 workers registered (1 core, 1536 MB each)"

"$ROOT/cskpi" generate --format csv --tickets "$TICKETS" --weeks "$WEEKS" --out "$OUT/export" \
    >"$OUT/logs/generate.log" 2>&1
CSV="$OUT/export/csv/tickets.csv"
cat >"$OUT/cskpi.yaml" <<YAML
business:
  timezone: Europe/Oslo
YAML

run() {   # run MODE DATA_DIR [--master URL]
    local mode="$1" data="$2"; shift 2
    local t0=$EPOCHREALTIME
    for step in ingest analyze; do
        local args=(--data-dir "$data" --config "$OUT/cskpi.yaml" "$@")
        [ "$step" = ingest ] && args=(--source csv --input "$CSV" "${args[@]}")
        if ! "$ROOT/cskpi" "$step" "${args[@]}" >"$OUT/logs/$mode-$step.log" 2>&1; then
            echo "cluster.sh: $mode $step failed:" >&2
            tail -n 30 "$OUT/logs/$mode-$step.log" >&2
            exit 1
        fi
    done
    say "$mode: ingest + analyze of $TICKETS tickets in $(echo "$EPOCHREALTIME - $t0" | bc -l | xargs printf '%.1f') s"
}
run local "$OUT/data-local"
CSKPI_JAVA_OPTS="-Dspark.driver.host=127.0.0.1 -Dspark.executor.memory=1g -Dspark.cores.max=2 ${CSKPI_JAVA_OPTS:-}" \
    run cluster "$OUT/data-cluster" --master "$MASTER"

# The cluster's executors (not the driver) ran the tasks: two apps (ingest, analyze), each
# with an executor on both workers that finished tasks.
executors=$(find "$OUT"/worker1 "$OUT"/worker2 -mindepth 3 -maxdepth 3 -name stderr | wc -l)
busy=0
for log in $(find "$OUT"/worker1 "$OUT"/worker2 -mindepth 3 -maxdepth 3 -name stderr); do
    grep -q "Finished task" "$log" && busy=$((busy + 1))
done
tasks=$(cat $(find "$OUT"/worker1 "$OUT"/worker2 -mindepth 3 -maxdepth 3 -name stderr) | grep -c "Finished task" || true)
say "executors started by the workers: $executors; with finished tasks: $busy; tasks finished on executors: $tasks"
[ "$busy" -ge 2 ] || { echo "cluster.sh: FAIL: the workers' executors ran no tasks" >&2; exit 1; }

# The published KPIs (the H2 store's tables, without run_id) must be identical.
H2_JAR=$(tr ':' '\n' <"$ROOT/batch/target/launch/classpath" | grep '/h2-[0-9.]*\.jar$')
declare -A COLUMNS=(
    [kpi_weekly]="week, breakdown, breakdown_value, kpi, value, sample_size, small_sample, incomplete"
    [busiest_hours]="week, weekday, hour, tickets"
    [top_complaints]="week, category, tickets, share, change_vs_previous, repeat_contact_rate")
status=0
for table in kpi_weekly busiest_hours top_complaints; do
    for mode in local cluster; do
        java -Dh2.bindAddress=127.0.0.1 -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:$OUT/data-$mode/cskpi;NON_KEYWORDS=VALUE,HOUR" \
            -user sa -password "$(cat "$OUT/data-$mode/cskpi.password")" \
            -sql "CALL CSVWRITE('$OUT/$mode-$table.csv', 'SELECT ${COLUMNS[$table]} FROM $table ORDER BY ${COLUMNS[$table]}')" \
            >"$OUT/logs/h2-$mode-$table.log" 2>&1
    done
    rows=$(($(wc -l <"$OUT/local-$table.csv") - 1))
    if [ "$rows" -gt 0 ] && cmp -s "$OUT/local-$table.csv" "$OUT/cluster-$table.csv"; then
        say "$table: $rows rows published, identical"
    else
        say "$table: DIFFERS ($rows rows locally; diff $OUT/local-$table.csv $OUT/cluster-$table.csv)"
        diff "$OUT/local-$table.csv" "$OUT/cluster-$table.csv" | head -n 10 || true
        status=1
    fi
done
stop_all
trap - EXIT
if [ "$status" = 0 ]; then say "PASS: the cluster run published the same KPIs as local mode"; else say "FAIL"; fi
exit "$status"
