#!/usr/bin/env bash
# Fault injection: starts a second Duban stack of its own (other ports, state in .local-chaos/, RabbitMQ node
# duban-chaos@localhost) beside the demo stack, runs tools/Platform.Chaos against it (a load writing reports through
# the gateway while PostgreSQL, RabbitMQ, the notifications and reporting hosts are killed, the notifications database
# refuses connections and the notifications host is paused), prints the table and stops and wipes the chaos stack.
#
#   deploy/local/chaos.sh [--ci] [--repeats N] [--only TEXT] [--keep] [--reuse]
#
#   --ci        each experiment once, short load and 15 s outages (also when CI=true); default: 60 s outages
#   --repeats   run the experiments N times (full mode)
#   --only      only the experiments whose name contains TEXT (e.g. --only RabbitMQ)
#   --keep      leave the chaos stack running at the end
#   --reuse     run against the chaos stack a --keep run left running (its data already changed by that run)
#
# Needs a Release build (dotnet build Platform.sln -c Release). Exits non-zero on any loss, duplicate, false
# escalation or an experiment that did not recover in time.
set -euo pipefail
chaos_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
chaos_repo="$(cd "$chaos_dir/../.." && pwd)"

# The chaos stack's own state and ports (the demo stack's defaults stay free), unless the caller chose others.
export DUBAN_STATE_DIR="${DUBAN_CHAOS_STATE_DIR:-$chaos_repo/.local-chaos}"
export DUBAN_PG_PORT="${DUBAN_CHAOS_PG_PORT:-56432}"
export DUBAN_RABBITMQ_PORT="${DUBAN_CHAOS_RABBITMQ_PORT:-56672}"
export DUBAN_RABBITMQ_DIST_PORT="${DUBAN_CHAOS_RABBITMQ_DIST_PORT:-56673}"
export DUBAN_RABBITMQ_NODENAME="${DUBAN_CHAOS_RABBITMQ_NODENAME:-duban-chaos@localhost}"
export DUBAN_UNITS_HTTP_PORT=6101 DUBAN_UNITS_GRPC_PORT=6102
export DUBAN_TASKS_HTTP_PORT=6111 DUBAN_TASKS_GRPC_PORT=6112
export DUBAN_REPORTING_HTTP_PORT=6121 DUBAN_REPORTING_GRPC_PORT=6122
export DUBAN_NOTIFICATIONS_HTTP_PORT=6131 DUBAN_NOTIFICATIONS_GRPC_PORT=6132
export DUBAN_PORTAL_HTTP_PORT=6141
export DUBAN_GATEWAY_HTTP_PORT=9080 DUBAN_GATEWAY_GRPC_PORT=9081
# shellcheck source=deploy/local/lib.sh
source "$chaos_dir/lib.sh"

# ---------------------------------------------------------------------------
# --ctl VERB WHAT: what tools/Platform.Chaos asks of the stack (through lib.sh's functions)
# ---------------------------------------------------------------------------
is_host() { local h; for h in "${HOSTS[@]}"; do [ "$h" = "$1" ] && return 0; done; return 1; }

# kill -9 of the postmaster and, in the same instant, of its backends: a crash, with whatever the server had not yet
# written to disk gone (a postmaster killed alone leaves its backends running on for a moment).
ctl_kill_postgres() {
    local pid children
    pid="$(pg_pid)" || die "PostgreSQL is not running"
    children="$(pgrep -P "$pid" || true)"
    # shellcheck disable=SC2086 # one pid a word
    kill -KILL "$pid" $children 2>/dev/null || true
    local i
    for ((i = 0; i < 100; i++)); do
        pid_alive "$pid" || break
        sleep 0.1
    done
    for pid in $children; do stop_pid "$pid" KILL 5 || true; done
}

ctl() {
    local verb="$1" what="$2" pid
    case "$verb:$what" in
    kill:postgres) ctl_kill_postgres ;;
    start:postgres) pg_start ;;
    kill:rabbitmq)
        pid="$(rabbit_pid)" || die "RabbitMQ is not running"
        kill -KILL "$pid"
        stop_pid "$pid" KILL 10 || true
        ;;
    start:rabbitmq) rabbit_start ;;
    queues:all) rabbitmqctl_ list_queues name messages --quiet --no-table-headers ;;
    kill:* | start:* | pause:* | resume:*)
        is_host "$what" || die "unknown host: $what"
        case "$verb" in
        kill)
            pid="$(host_pid "$what")" || die "$what is not running"
            kill -KILL "$pid"
            stop_pid "$pid" KILL 10 || true
            ;;
        start)
            start_service "$what"
            wait_healthy "http://127.0.0.1:$(host_port "$what" http)" "$what"
            ;;
        pause) kill -STOP "$(host_pid "$what")" ;;
        resume) kill -CONT "$(host_pid "$what")" ;;
        esac
        ;;
    *) die "unknown control: $verb $what" ;;
    esac
}

if [ "${1:-}" = --ctl ]; then
    [ $# -eq 3 ] || die "usage: chaos.sh --ctl kill|start|pause|resume|queues WHAT"
    ctl "$2" "$3"
    exit 0
fi

# ---------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------
usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
tool_args=()
keep=0
reuse=0
[ "${CI:-}" = true ] && tool_args+=(--ci)
while [ $# -gt 0 ]; do
    case "$1" in
    --ci) tool_args+=(--ci) ;;
    --repeats | --only)
        [ $# -ge 2 ] || die "$1 needs a value"
        tool_args+=("$1" "$2")
        shift
        ;;
    --keep) keep=1 ;;
    --reuse) reuse=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
    esac
    shift
done

# Stops and wipes the chaos stack (only ever the chaos stack: every function here reads its own state folder).
wipe_chaos_stack() {
    stop_hosts || true
    rabbit_stop || true
    pg_stop || true
    rm -rf "$STATE" "$PG_EXTERNAL_BASE" "$PG_EXTERNAL_BASE-run"
}

# shellcheck disable=SC2317 # invoked by the trap
on_exit() {
    local rc=$?
    # A paused host would not answer SIGTERM.
    local h pid
    for h in "${HOSTS[@]}"; do pid="$(host_pid "$h")" && kill -CONT "$pid" 2>/dev/null; done
    # The logs outlive the wiped stack when something failed.
    if [ "$rc" != 0 ] && [ -d "$STATE/logs" ]; then
        rm -rf "$chaos_logs" && cp -r "$STATE/logs" "$chaos_logs" && say "logs of the chaos stack kept in $chaos_logs"
    fi
    if [ "$keep" = 1 ]; then
        say "chaos stack left running (state $STATE)"
    else
        say "stopping and wiping the chaos stack"
        wipe_chaos_stack >/dev/null 2>&1 || true
    fi
    exit "$rc"
}

say "fault injection (chaos stack: state $STATE, gateway $GATEWAY_URL, PostgreSQL $PG_PORT, RabbitMQ $RMQ_PORT $RMQ_NODENAME)"
running=1
for h in "${HOSTS[@]}"; do host_running "$h" || running=0; done
[ "$reuse" = 1 ] && [ "$running" = 0 ] && die "--reuse: no chaos stack is running"
if [ "$reuse" = 0 ] && [ -d "$STATE" ]; then
    say "a previous chaos stack was left behind: stopping and wiping it"
    wipe_chaos_stack
fi

chaos_dll="$REPO/tools/Platform.Chaos/bin/Release/net10.0/Platform.Chaos.dll"
[ -f "$chaos_dll" ] || die "$chaos_dll not found (dotnet build Platform.sln -c Release first)"
for h in "${HOSTS[@]}"; do [ -f "$(host_dll "$h")" ] || die "$(host_dll "$h") not found (build first)"; done

chaos_logs="$STATE-logs"
rm -rf "$chaos_logs"
trap on_exit EXIT
trap 'exit 130' INT TERM
if [ "$reuse" = 0 ]; then
    ensure_state_dirs
    say "starting the chaos stack (up.sh --no-build; log $STATE/logs/up.log)"
    bash "$DUBAN_LIB_DIR/up.sh" --no-build >"$STATE/logs/up.log" 2>&1 || {
        tail -n 40 "$STATE/logs/up.log" >&2
        die "the chaos stack did not come up"
    }
    say "chaos stack up"
fi

hosts="units=$UNITS_URL"
for h in tasks reporting notifications portal; do hosts+=";$h=http://127.0.0.1:$(host_port "$h" http)"; done
hosts+=";gateway=$GATEWAY_URL"
rc=0
dotnet "$chaos_dll" --gateway "$GATEWAY_URL" --hosts "$hosts" --postgres "$(pg_superuser_connection_string)" \
    --control "$chaos_dir/chaos.sh" "${tool_args[@]}" || rc=$?
if [ "$rc" != 0 ]; then
    say "chaos: failures found"
fi
exit "$rc"
