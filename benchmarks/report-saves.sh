#!/usr/bin/env bash
# Report saves on the running local stack (deploy/local/up.sh), with every commit flushed (synchronous_commit on,
# the stack's setting) and, for comparison, with it off — the figure of what a durable 2xx costs. Each of N workers
# (default 8) saves its own July report of 区市场监管局 (yz.scj) for SECONDS (default 15) with `hey`, straight to the
# reporting service's own port: through the gateway the district's rate limit (100 requests/s) would be measured
# instead. The two runs are side by side in one table; the setting is restored at the end.
#   benchmarks/report-saves.sh [WORKERS] [SECONDS]
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
workers="${1:-8}"
seconds="${2:-15}"
command -v hey >/dev/null || _apt_install hey
command -v jq >/dev/null || _apt_install jq
pg_running || die "the local stack is not running (deploy/local/up.sh)"

token="$(curl -fsS "$GATEWAY_URL/connect/token" -d grant_type=password -d client_id=platform-cli -d username=yz.scj -d password=demo | jq -r .access_token)"
auth=(-H "Authorization: Bearer $token")
led="$(curl -fsS "$GATEWAY_URL/api/v1/tasks?year=2023&pageSize=500" "${auth[@]}" |
    jq -c '[.tasks[] | select(any(.leadUnits[]; .unitName == "区市场监管局")) | .id]')"
handed_in="$(curl -fsS "$GATEWAY_URL/api/v1/reports?period=2023-07" "${auth[@]}" |
    jq -c '[.reports[] | select(.status == "REPORT_STATUS_SUBMITTED" or .status == "REPORT_STATUS_ACCEPTED") | .taskId]')"
mapfile -t tasks < <(jq -nr --argjson led "$led" --argjson done "$handed_in" '$led - $done | .[]' | head -n "$workers")
[ "${#tasks[@]}" -eq "$workers" ] || die "only ${#tasks[@]} writable July reports of 区市场监管局; use fewer workers"

body='{"progress":"基准测试：本月按计划推进。","problems":"","effects":"","selfStatus":"SELF_STATUS_ON_TRACK"}'
run() { # LABEL
    local dir i
    dir="$(mktemp -d)"
    for i in "${!tasks[@]}"; do
        hey -z "${seconds}s" -c 1 -m PUT -T application/json -H "Authorization: Bearer $token" -d "$body" \
            "http://127.0.0.1:$REPORTING_HTTP_PORT/api/v1/reports/${tasks[i]}/2023-07" >"$dir/$i.txt" &
    done
    wait
    local rps p50 p99 errors
    rps="$(awk '/Requests\/sec/ {s += $2} END {printf "%.0f", s}' "$dir"/*.txt)"
    p50="$(awk '/ 50% in/ {s += $3; n++} END {printf "%.1f", 1000 * s / n}' "$dir"/*.txt)"
    p99="$(awk '/ 99% in/ {s += $3; n++} END {printf "%.1f", 1000 * s / n}' "$dir"/*.txt)"
    errors="$(cat "$dir"/*.txt | awk '/Status code distribution/ {on = 1; next} on && /\[[0-9]+\]/ {gsub(/[\[\]]/, "", $1); if ($1 !~ /^2/) e += $2} END {print e + 0}')"
    printf '| %s | %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99" "$errors"
    rm -rf "$dir"
}

pg_setting() { pg_psql -d postgres -qAt -c "ALTER SYSTEM SET synchronous_commit = $1" -c "SELECT pg_reload_conf()" >/dev/null; }
trap 'pg_psql -d postgres -qAt -c "ALTER SYSTEM RESET synchronous_commit" -c "SELECT pg_reload_conf()" >/dev/null' EXIT
echo "report saves straight to the reporting service: $workers workers × ${seconds} s, one report each"
echo
echo "| commits | saves/s | p50 ms (mean of workers) | p99 ms (mean of workers) | non-2xx |"
echo "|---|---:|---:|---:|---:|"
pg_setting on
run "flushed (synchronous_commit on, the stack's setting)"
pg_setting off
run "not flushed (synchronous_commit off, the old setting)"
