#!/usr/bin/env bash
# The SQL service behind /query (docs/benchmarks.md, "SQL service (issue 15)"), on the demo's
# data: `./cskpi demo --tickets 20000 --no-serve`, three more analysts, survey invitations, then
# `./cskpi serve` with the autostarted sql-server, and
#   a. a demo-size query through /query: warm p50/p95 over RUNS runs;
#   b. three analysts looping SELECT 1 through /query for SECONDS, without and then with a fourth
#      analyst's runaway query (a three-way cross join, stopped at the page's time limit);
#   c. the survey POST under the survey benchmark's load (bench/survey: an open loop at half the
#      peak POST rate), without and then with the runaway query.
# `uptime` is printed at the start and end of each case.
#   bench/sql-service.sh [DATA_DIR=/tmp/cskpi-sql-bench] [PORT=7072] [SECONDS=20] [RUNS=30]
# Build first (mvn -B -q -o -DskipTests package); this script never builds (CSKPI_NO_BUILD=1).
# DATA_DIR is emptied by the demo if an earlier demo made it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir=$(realpath -m "${1:-/tmp/cskpi-sql-bench}")
port=${2:-7072}
seconds=${3:-20}
runs=${4:-30}
export CSKPI_NO_BUILD=1
base=http://127.0.0.1:$port
config=$dir/cskpi.yaml
work=$(mktemp -d)
server=""
runaway=""
cleanup() {
  [ -n "$runaway" ] && kill "$runaway" 2>/dev/null
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
  true
}
trap cleanup EXIT

RUNAWAY="select count(*) from tickets a cross join tickets b cross join tickets c"
DEMO_QUERY="select channel, count(*) from tickets group by channel"

echo "== setup: demo on 20,000 tickets in $dir ($(git rev-parse --short HEAD))"
uptime
# A fresh config each run (the demo keeps an earlier one, which this script edited).
if [ -f "$dir/.cskpi-demo" ]; then rm -f "$config"; fi
./cskpi demo --tickets 20000 --data-dir "$dir" --port "$port" --no-serve >"$work/demo.log" 2>&1 \
  || { tail -n 20 "$work/demo.log"; exit 1; }
# As bench/survey/cskpi.yaml: all the survey load comes from one address. The service gets a
# port of its own, away from a service someone else runs on the default one.
sed -i -e 's/^survey:$/survey:\n  rate_limit_per_minute: 100000000/' \
  -e "s/^sql_server:\(.*\)$/sql_server:\1\n  port: $((port + 8000))/" "$config"
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
for n in 2 3 4; do
  printf '%s\n%s\n' "$password" "$password" \
    | ./cskpi user add "bench-analyst$n" --role analyst --data-dir "$dir" --config "$config" >/dev/null
done
analyst1="demo-analyst:$(awk '$1 == "demo-analyst" { print $2 }' "$dir/demo-logins.txt")"
others=("bench-analyst2:$password" "bench-analyst3:$password" "bench-analyst4:$password")

cp="web/target/classes:$(cat web/target/launch/classpath)"
javac -d "$work/classes" -cp "$cp" bench/survey/SeedInvitations.java bench/survey/LoadClient.java
java -cp "$work/classes:$cp" SeedInvitations "jdbc:h2:$dir/cskpi" 240000 "$work/tokens.txt" >/dev/null
# Each survey run gets invitations of its own (LoadClient starts at the first token of its file).
split -l 80000 -d "$work/tokens.txt" "$work/tokens-"

./cskpi serve --data-dir "$dir" --config "$config" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do
  grep -q '^sql-server: listening' "$dir/logs/sql-server.log" 2>/dev/null \
    && curl -sf "$base/health" >/dev/null && break
  sleep 0.5
done
curl -sf "$base/health" >/dev/null || { tail -n 20 "$work/serve.log"; exit 1; }
echo "serve and sql-server up"

query() {
  java bench/QueryLoad.java "$base" "$@"
}
start_runaway() {
  query "$1" "$RUNAWAY" "$analyst1" --for >"$work/runaway.txt" 2>&1 &
  runaway=$!
  sleep 3
}
stop_runaway() {
  wait "$runaway" || true
  runaway=""
  sed 's/^/  runaway analyst: /' "$work/runaway.txt"
}
case_start() {
  echo
  echo "== $1"
  echo "  start: $(uptime)"
}
case_end() {
  echo "  end:   $(uptime)"
}

case_start "a. demo-size query through /query, $runs warm runs: $DEMO_QUERY"
query "$runs" "$DEMO_QUERY" "$analyst1"
case_end

case_start "b1. 3 analysts loop SELECT 1 for $seconds s, no runaway"
query "$seconds" "SELECT 1" "${others[@]}" --for
case_end

case_start "b2. 3 analysts loop SELECT 1 for $seconds s while a 4th runs: $RUNAWAY"
start_runaway "$((seconds + 3))"
query "$seconds" "SELECT 1" "${others[@]}" --for
stop_runaway
case_end

survey() {
  java -Xmx512m -cp "$work/classes" LoadClient "$base" "$work/$1" post "$2" "$3" "$seconds" "$server"
}
case_start "c0. survey POST peak (closed loop, 32 connections)"
peak=$(survey tokens-00 closed 32 | tee >(cat >&2) | sed -nE 's/.* = ([0-9]+) req\/s.*/\1/p')
case_end

case_start "c1. survey POST, open loop at half the peak ($((peak / 2))/s), no runaway"
survey tokens-01 open $((peak / 2))
case_end

case_start "c2. survey POST, open loop at $((peak / 2))/s, while an analyst runs: $RUNAWAY"
start_runaway "$((2 * seconds))"
survey tokens-02 open $((peak / 2))
stop_runaway
case_end
