#!/usr/bin/env bash
# Idle memory of the six hosts of the local stack: the resident set (VmRSS) of each host's process, as a markdown table
# (MB here are MiB: VmRSS kB / 1024), and its proportional share (Pss from /proc/PID/smaps_rollup): a page shared by
# several hosts — the .NET and ASP.NET Core libraries every host maps — counts once in the sum of PSS but once per host
# in the sum of RSS, so the PSS total is what the six hosts cost the machine together.
#
#   benchmarks/idle-rss.sh [--up [--no-build]] [--settle SECONDS] [--detail]
#
#   --up          run deploy/local/up.sh first (start what is not running, load the demo data), then wait --settle
#   --no-build    passed to up.sh
#   --settle S    seconds to wait before reading (45 with --up, 0 without)
#   --detail      add the anonymous, file-backed and shared parts of the resident set (RssAnon, RssFile, RssShmem)
#
# The figure quoted in README.md and behind deploy/k8s's memory requests is `benchmarks/idle-rss.sh --up` on a stack
# that down.sh stopped: the hosts start, the demo data is loaded through the API, and 45 s later each host is read.
# Ports and the state folder follow deploy/local/lib.sh (DUBAN_*_PORT, DUBAN_STATE_DIR), like up.sh.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"

usage() { sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
up=0 settle="" detail=0 up_args=()
while [ $# -gt 0 ]; do
    case "$1" in
    --up) up=1 ;;
    --no-build) up_args+=(--no-build) ;;
    --settle) settle="${2:?--settle needs a number of seconds}"; shift ;;
    --detail) detail=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
    esac
    shift
done
[ -n "$settle" ] || { [ "$up" = 1 ] && settle=45 || settle=0; }
[[ "$settle" =~ ^[0-9]+$ ]] || die "--settle: not a number of seconds: $settle"

if [ "$up" = 1 ]; then
    "$REPO/deploy/local/up.sh" "${up_args[@]}" >&2
fi
if [ "$settle" -gt 0 ]; then
    say "waiting ${settle}s for the hosts to settle" >&2
    sleep "$settle"
fi

# The proportional set size of a process in MB (one decimal).
pss_mb() { # PID
    awk '$1 == "Pss:" { printf "%.1f", $2 / 1024; found = 1 } END { if (!found) print "?" }' "/proc/$1/smaps_rollup"
}

# A /proc/PID/status field in MB (one decimal).
status_mb() { # PID FIELD
    awk -v f="$2:" '$1 == f { printf "%.1f", $2 / 1024; found = 1 } END { if (!found) print "?" }' "/proc/$1/status"
}

if [ "$detail" = 1 ]; then
    echo "| host | RSS MB | PSS MB | anon MB | file MB | shmem MB |"
    echo "|---|---:|---:|---:|---:|---:|"
else
    echo "| host | RSS MB | PSS MB |"
    echo "|---|---:|---:|"
fi
total=0 pss_total=0 missing=0
for h in "${HOSTS[@]}"; do
    if ! pid="$(host_pid "$h")"; then
        echo "| $h | not running |"
        missing=1
        continue
    fi
    rss="$(status_mb "$pid" VmRSS)"
    pss="$(pss_mb "$pid")"
    total="$(awk -v a="$total" -v b="$rss" 'BEGIN { printf "%.1f", a + b }')"
    pss_total="$(awk -v a="$pss_total" -v b="$pss" 'BEGIN { printf "%.1f", a + b }')"
    if [ "$detail" = 1 ]; then
        echo "| $h | $rss | $pss | $(status_mb "$pid" RssAnon) | $(status_mb "$pid" RssFile) | $(status_mb "$pid" RssShmem) |"
    else
        echo "| $h | $rss | $pss |"
    fi
done
if [ "$detail" = 1 ]; then
    echo "| **total** | **$total** | **$pss_total** | | | |"
else
    echo "| **total** | **$total** | **$pss_total** |"
fi
[ "$missing" = 0 ] || die "some hosts are not running"
