#!/usr/bin/env bash
# Web pages latency: p50/p95/p99 of the report page and /api/kpis against a RUNNING app
# (./cskpi serve). Sequential requests over loopback with curl; the report page as a signed-in
# manager, the API with the key from web.api_key.
#   bench/web-pages.sh BASE_URL USER PASSWORD API_KEY [REQUESTS]
set -euo pipefail
base="$1" user="$2" password="$3" key="$4" n="${5:-200}"
source "$(dirname "${BASH_SOURCE[0]}")/web-session.sh"
web_sign_in "$base" "$user" "$password"
breakdowns=(all channel category team agent)

stats() {  # reads seconds, prints p50/p95/p99/max in ms
    sort -n | awk '{ v[NR] = $1 * 1000 } END {
        printf "n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms\n", NR,
        v[int(NR * .50 + .5)], v[int(NR * .95 + .5)], v[int(NR * .99 + .5)], v[NR] }'
}
echo -n "report page, first view of each week (builds it) "
for w in "${week_list[@]}"; do time_get "$base/reports/$w" -b "$jar"; done | stats
echo -n "report page  "; for i in $(seq 1 "$n"); do
    w=${week_list[$((RANDOM % ${#week_list[@]}))]}
    time_get "$base/reports/$w" -b "$jar"; done | stats
echo -n "/api/kpis    "; for i in $(seq 1 "$n"); do
    w=${week_list[$((RANDOM % ${#week_list[@]}))]} b=${breakdowns[$((RANDOM % 5))]}
    time_get "$base/api/kpis?week=$w&breakdown=$b" -H "Authorization: Bearer $key"; done | stats
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
