#!/usr/bin/env bash
# Survey under load (docs/benchmarks.md): seeds invitations into a fresh file store, starts
# `cskpi serve` on it (durable settings), measures peak GET and POST with a closed loop, then
# POST latency at half the measured peak with an open loop.
#   bench/survey/run.sh [SECONDS] [CONCURRENCY] [INVITATIONS]  (enough invitations for every request)
# Each run also prints the server's CPU ms per request (load-independent) and `uptime`.
# STORE_OPTIONS adds H2 settings to the store URL, e.g. STORE_OPTIONS=";CACHE_SIZE=131072".
# SERVER_JAVA_OPTS adds JVM flags to the server, e.g. a JFR recording:
#   SERVER_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/survey.jfr bench/survey/run.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=${1:-20}
concurrency=${2:-32}
invitations=${3:-200000}
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$work"' EXIT

mvn -B -o -q -Dmaven.test.skip=true -pl web -am package
cp="web/target/classes:$(cat web/target/launch/classpath)"
javac -q -d "$work/classes" -cp "$cp" bench/survey/SeedInvitations.java bench/survey/LoadClient.java 2>/dev/null \
  || javac -d "$work/classes" -cp "$cp" bench/survey/SeedInvitations.java bench/survey/LoadClient.java
echo "seeding invitations..." >&2
java -cp "$work/classes:$cp" SeedInvitations "jdbc:h2:$work/data/cskpi" "$invitations" "$work/tokens.txt"

config=bench/survey/cskpi.yaml
if [[ -n "${STORE_OPTIONS:-}" ]]; then
  config=$work/cskpi.yaml
  { cat bench/survey/cskpi.yaml; printf 'store:\n  url: "jdbc:h2:%s/data/cskpi%s"\n' "$work" "$STORE_OPTIONS"; } >"$config"
fi
java -Xmx1g ${SERVER_JAVA_OPTS:-} -cp "$cp" org.cskpi.web.WebCli serve --config "$config" --data-dir "$work/data" \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -sf http://127.0.0.1:7071/health >/dev/null && break; sleep 0.5; done

# Every client run starts at the first token of its file, so each POST run gets invitations of
# its own (halves of the list): a first answer is stored, never a comment edit of an earlier one.
half=$((invitations / 2))
head -n "$half" "$work/tokens.txt" >"$work/tokens-closed.txt"
tail -n +"$((half + 1))" "$work/tokens.txt" >"$work/tokens-open.txt"
client() {
  local tokens=$1; shift
  java -Xmx512m -cp "$work/classes" LoadClient http://127.0.0.1:7071 "$work/$tokens" "$@" "$server"
  echo "  uptime: $(uptime)"
}
client tokens.txt get closed "$concurrency" "$seconds"
peak=$(client tokens-closed.txt post closed "$concurrency" "$seconds" | tee >(cat >&2) | sed -nE 's/.* = ([0-9]+) req\/s.*/\1/p')
client tokens-open.txt post open $((peak / 2)) "$seconds"
curl -s http://127.0.0.1:7071/metrics | grep -E '^survey_(responses_recorded|comments_updated)_total'
