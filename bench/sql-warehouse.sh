#!/usr/bin/env bash
# One query through /query over a warehouse that bench/run.sh built (docs/benchmarks.md, "SQL
# service (issue 15)"): `./cskpi serve` with its autostarted sql-server on DIR/data, an analyst
# added for the run, then bench/QueryLoad.java: RUNS measured runs after 5 unmeasured ones.
#   bench/sql-warehouse.sh DIR [RUNS=5] [SQL="select channel, count(*) from tickets group by channel"]
# DIR is one size's directory of bench/run.sh's --out (e.g. OUT/10000000, with data/ and
# cskpi.yaml). Build first (mvn -B -q -o -DskipTests package); this script never builds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir=$(realpath "$1")
runs=${2:-5}
sql=${3:-select channel, count(*) from tickets group by channel}
port=7399
export CSKPI_NO_BUILD=1
config=$dir/sql-warehouse.yaml
{
  sed -n '/^business:/,/^[a-z]/p' "$dir/cskpi.yaml" | sed '$d'
  cat <<YAML
sql_server:
  token: "$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
  autostart: true
  port: 15099
web:
  query_timeout_seconds: 120
YAML
} >"$config"
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
./cskpi user remove bench-analyst --data-dir "$dir/data" --config "$config" >/dev/null 2>&1 || true
printf '%s\n%s\n' "$password" "$password" \
  | ./cskpi user add bench-analyst --role analyst --data-dir "$dir/data" --config "$config" >/dev/null
rm -f "$dir/data/logs/sql-server.log"
log=$(mktemp)
./cskpi serve --data-dir "$dir/data" --config "$config" --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 240); do
  grep -q '^sql-server: listening' "$dir/data/logs/sql-server.log" 2>/dev/null \
    && curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  sleep 0.5
done
echo "== $sql, $runs runs after 5 warm-up runs ($(git rev-parse --short HEAD), $dir)"
echo "  start: $(uptime)"
java bench/QueryLoad.java "http://127.0.0.1:$port" "$runs" "$sql" "bench-analyst:$password"
echo "  end:   $(uptime)"
