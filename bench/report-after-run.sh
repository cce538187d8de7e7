#!/usr/bin/env bash
# Report page latency right after a run finishes, the case the page cache cannot hide: each round
# records a finished run in the store of a RUNNING app (as `./cskpi analyze` does when it ends, so
# the store's version changes and every cached page is stale), waits DELAY seconds, then times
# `/` (the week a manager opens first) and the neighbouring weeks as a signed-in manager.
#   bench/report-after-run.sh BASE_URL USER PASSWORD DATA_DIR [ROUNDS] [DELAY_SECONDS]
# The run row goes in through H2's mixed mode (the app opened the store with AUTO_SERVER=TRUE);
# it needs cskpi built (web/target/launch/classpath names the H2 jar).
set -euo pipefail
base="$1" user="$2" password="$3" data_dir="$4" rounds="${5:-10}" delay="${6:-0}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
h2=$(tr ':' '\n' <"$root/web/target/launch/classpath" | grep '/h2-[0-9.]*\.jar$' | head -n 1)
url="jdbc:h2:$(cd "$data_dir" && pwd)/cskpi;AUTO_SERVER=TRUE"
source "$root/bench/web-session.sh"
web_sign_in "$base" "$user" "$password"

stats() {  # reads seconds, prints p50/p95/max in ms
    sort -n | awk '{ v[NR] = $1 * 1000 } END {
        printf "n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms\n", NR, v[int(NR * .50 + .5)], v[int(NR * .95 + .5)], v[NR] }'
}
home=() others=()
for r in $(seq 1 "$rounds"); do
    java -Dh2.bindAddress=127.0.0.1 -cp "$h2" org.h2.tools.Shell -url "$url" -user sa -password "$(cat "$data_dir/cskpi.password")" -sql \
        "INSERT INTO runs (kind, started_at, finished_at, status, message) VALUES ('analyze', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'succeeded', 'bench/report-after-run.sh')" >/dev/null
    sleep "$delay"
    home+=("$(time_get "$base/" -b "$jar")")
    for w in "${week_list[@]:0:4}"; do others+=("$(time_get "$base/reports/$w" -b "$jar")"); done
done
echo -n "/ after a run (delay ${delay} s)               "; printf '%s\n' "${home[@]}" | stats
echo -n "newest 4 weeks after a run (delay ${delay} s)  "; printf '%s\n' "${others[@]}" | stats
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
