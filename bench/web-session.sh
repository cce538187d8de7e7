# Sourced by the web benchmarks (bench/web-pages.sh, bench/report-after-run.sh), not run.
#   web_sign_in BASE_URL USER PASSWORD   signs in as a manager; sets jar (the cookie file,
#                                        removed on exit) and week_list (the report's weeks)
#   time_get URL [curl args...]          prints the request's total seconds; exits on a non-200

web_sign_in() {
    local base="$1" user="$2" password="$3" csrf weeks
    jar=$(mktemp)
    trap 'rm -f "$jar"' EXIT
    csrf=$(curl -s -c "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
    curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "username=$user" \
        --data-urlencode "password=$password" --data-urlencode "next=/" "$base/login"
    weeks=$(curl -s -b "$jar" "$base/" | grep -o '<option value="[0-9]\{4\}-W[0-9]\{2\}"' | grep -o '[0-9]\{4\}-W[0-9]\{2\}')
    [ -n "$weeks" ] || { echo "login failed or no weeks" >&2; exit 1; }
    read -r -a week_list <<<"$(echo $weeks)"
}

time_get() {
    local out; out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "${@:2}" "$1")
    [ "${out%% *}" = 200 ] || { echo "HTTP ${out%% *} for $1" >&2; exit 1; }
    echo "${out#* }"
}
