#!/usr/bin/env bash
# Stops the local Duban stack started by up.sh: the gateway, the portal and the services
# (SIGTERM, then SIGKILL after 10 s), RabbitMQ, and PostgreSQL, each by its pid file.
#
#   deploy/local/down.sh [--wipe] [--hosts-only]
#
#   --wipe        also delete all local state (.local/: databases, queues, keys, logs)
#   --hosts-only  stop only the .NET hosts; leave PostgreSQL and RabbitMQ running
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
wipe=0
hosts_only=0
for arg in "$@"; do
    case "$arg" in
    --wipe) wipe=1 ;;
    --hosts-only) hosts_only=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $arg" ;;
    esac
done
[ "$wipe" = 1 ] && [ "$hosts_only" = 1 ] && die "--wipe and --hosts-only do not go together"

if [ ! -d "$STATE" ] && [ ! -d "$PG_EXTERNAL_BASE" ]; then
    say "nothing to stop ($STATE does not exist)"
    exit 0
fi

rc=0
stop_hosts || rc=1
if [ "$hosts_only" = 0 ]; then
    rabbit_stop || rc=1
    pg_stop || rc=1
fi

if [ "$wipe" = 1 ]; then
    [ "$rc" = 0 ] || die "not wiping: something did not stop"
    say "removing $STATE"
    rm -rf "$STATE"
    if [ -d "$PG_EXTERNAL_BASE" ] || [ -d "$PG_EXTERNAL_BASE-run" ]; then
        say "removing $PG_EXTERNAL_BASE"
        rm -rf "$PG_EXTERNAL_BASE" "$PG_EXTERNAL_BASE-run"
    fi
fi
say "stopped"
exit "$rc"
