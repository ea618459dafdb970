#!/usr/bin/env bash
# Starts the whole Duban stack on this machine, without Docker:
#   private PostgreSQL + RabbitMQ (loopback ports, data under .local/), a Release build,
#   the four services, the portal and the gateway, then loads the demo tenants and accounts.
#
#   deploy/local/up.sh [--no-build]
#
# Safe to run again: whatever is already running is left running.
# Stop with deploy/local/down.sh (add --wipe to drop all local data).
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
for arg in "$@"; do
    case "$arg" in
    --no-build) export DUBAN_SKIP_BUILD=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $arg" ;;
    esac
done

say "Duban local stack (state: $STATE)"
ensure_packages
pg_start
pg_provision
rabbit_start

all_running=1
for h in "${HOSTS[@]}"; do host_running "$h" || all_running=0; done
if [ "$all_running" = 1 ]; then
    # Rebuilding under running hosts would not change what they run.
    say "all hosts already running: build skipped (down.sh, then up.sh, to run a new build)"
else
    build
fi

# Units first: it issues tokens, and the others fetch its signing keys (JWKS).
start_service units
wait_healthy "$UNITS_URL" units
for s in tasks reporting notifications; do start_service "$s"; done
for s in tasks reporting notifications; do wait_healthy "http://127.0.0.1:$(host_port "$s" http)" "$s"; done
# The portal before the gateway, which routes browsers to it.
start_service portal
wait_healthy "http://127.0.0.1:$(host_port portal http)" portal
start_service gateway
wait_healthy "$GATEWAY_URL" gateway

# Demo tenants and accounts (the seeding tool is idempotent).
seed_dll="$REPO/tools/Platform.DemoSeed/bin/Release/net10.0/Platform.DemoSeed.dll"
seed_log="$STATE/logs/demo-seed.log"
if [ "${DUBAN_SKIP_SEED:-0}" = 1 ]; then
    say "demo data skipped (DUBAN_SKIP_SEED=1)"
elif [ ! -f "$seed_dll" ] && [ ! -d "$REPO/tools/Platform.DemoSeed" ]; then
    warn "tools/Platform.DemoSeed does not exist: demo data not loaded"
else
    [ -f "$seed_dll" ] || die "$seed_dll not found (build first)"
    say "loading demo data"
    if ! (cd "$REPO" && dotnet "$seed_dll" --gateway "$GATEWAY_URL" --admin-password demo \
        --file "$REPO/deploy/local/demo/directory.json" \
        --reporting-clock "http://127.0.0.1:$(host_port reporting http)") >"$seed_log" 2>&1; then
        tail -n 40 "$seed_log" >&2
        die "demo data loading failed (log: $seed_log)"
    fi
    say "demo data loaded (log: $seed_log)"
fi

say "Duban is up in $(elapsed) s."
cat <<EOF

  Portal (browser) $GATEWAY_URL/
  REST             $GATEWAY_URL
  gRPC             $GATEWAY_GRPC_URL
  logs             $STATE/logs/
  stop             deploy/local/down.sh   (--wipe drops all local data)

  Demo accounts (password: demo): every account signs in to the portal at $GATEWAY_URL/
    account          role               unit
    cq.viewer        municipal-viewer   重庆市 500000
    yz.admin         district-admin     渝中区 500103
    yz.leader        district-leader    渝中区 500103
    yz.scj           unit-reporter      区市场监管局 (渝中区 500103)
    yz.scjld         unit-leader        区市场监管局 (渝中区 500103)
    yz.jxw           unit-contributor   区经济信息委 (渝中区 500103)
    jb.admin         district-admin     江北区 500105
    platform.admin   platform-admin     (platform)
  Integration client: yz.integration / demo-secret (渝中区 500103)

  Get a token:
    curl -s -X POST $GATEWAY_URL/connect/token -d grant_type=password -d username=yz.admin -d password=demo -d client_id=platform-cli

EOF
