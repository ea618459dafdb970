#!/usr/bin/env bash
# Runs the whole test suite against a local stack:
#   1. private PostgreSQL + RabbitMQ (as up.sh), Chromium for the browser tests, a Release build,
#   2. the running stack from up.sh (unless DUBAN_TEST_NO_STACK=1) for end-to-end tests,
#   3. dotnet test over Platform.sln, then the fuzz suite on its own (extra arguments go to one dotnet test over
#      Platform.sln instead, e.g. --filter ...),
#   4. the fault-injection suite in CI mode (deploy/local/chaos.sh --ci, a stack of its own; counted as one test;
#      DUBAN_TEST_NO_CHAOS=1 skips it),
# and prints "N passed, N failed[, N skipped]" as its very last line.
# Whatever this script started is stopped at the end; what was running before stays running.
#
# Environment for the tests (fixtures use these when no Docker engine is available):
#   DUBAN_TEST_POSTGRES       superuser ADO.NET connection string
#   DUBAN_TEST_RABBITMQ       amqp://duban:duban@127.0.0.1:55672/tests (a vhost of its own, apart from the stack's)
#   DUBAN_TEST_GATEWAY        http://127.0.0.1:8080   (REST)
#   DUBAN_TEST_GATEWAY_GRPC   http://127.0.0.1:8081   (gRPC)
#   DUBAN_TEST_UNITS_HTTP     http://127.0.0.1:5101
#   DUBAN_TEST_PORTAL         http://127.0.0.1:8080   (the portal as browsers reach it: through the gateway)
#   DUBAN_TEST_HOSTS          units=http://127.0.0.1:5101;...;portal=http://127.0.0.1:5141;gateway=...
#                             (each host's own HTTP port, for /health and the clocks)
#   DUBAN_TEST_LOGS           .local/logs (the hosts' logs, read by the fuzz tests)
#   DUBAN_TEST_ARTIFACTS      .local/test-results/screenshots (the browser tests' screenshots and downloads)
#   DUBAN_TEST_WEBHOOK_PORTS  5191,5192 (the ports the stack's notification service allow-lists for webhook receivers)
set -uo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

results="$STATE/test-results"
no_stack="${DUBAN_TEST_NO_STACK:-0}"
failed_step=""
pg_before=0
rmq_before=0
hosts_before=()
cleanup_done=0

# Stops what this script started (hosts, RabbitMQ, PostgreSQL), leaving the rest as it was.
cleanup() {
    [ "$cleanup_done" = 1 ] && return 0
    cleanup_done=1
    local h k started=()
    for h in "${HOSTS[@]}"; do
        for k in "${hosts_before[@]}"; do [ "$k" = "$h" ] && continue 2; done
        started+=("$h")
    done
    if [ "${#started[@]}" -gt 0 ]; then
        local HOSTS=("${started[@]}") # stop_hosts sees this (dynamic scope)
        stop_hosts
    fi
    [ "$rmq_before" = 1 ] || rabbit_stop || true
    [ "$pg_before" = 1 ] || pg_stop || true
}

summary_line() { # PASSED FAILED SKIPPED
    local line="$1 passed, $2 failed"
    [ "$3" -gt 0 ] && line+=", $3 skipped"
    echo "$line"
}

# shellcheck disable=SC2317 # invoked by the trap
on_signal() {
    echo "interrupted" >&2
    cleanup >&2
    summary_line 0 0 0
    exit 130
}
trap on_signal INT TERM

ensure_state_dirs
pg_running && pg_before=1
rabbit_running && rmq_before=1
for h in "${HOSTS[@]}"; do host_running "$h" && hosts_before+=("$h"); done

# 1. Servers and build. A failing step is reported; the tests still run where they can.
(ensure_packages) || failed_step="packages"
# Only the browser tests need Chromium: without it they fail, and nothing else is held back.
browser_ok=1
(ensure_browser) || {
    browser_ok=0
    warn "Chromium is missing and could not be installed: the browser tests will fail"
}
# Only the export rendering tests need LibreOffice and poppler: without them those fail, and nothing else is held back.
# The install (mostly download and unpacking) runs beside the servers' start and the build; the tests wait for it.
(ensure_document_tools) &
document_tools_pid=$!
if [ -z "$failed_step" ]; then
    (pg_start && pg_provision) || failed_step="PostgreSQL"
fi
if [ -z "$failed_step" ]; then
    (rabbit_start) || failed_step="RabbitMQ"
fi
build_ok=0
if [ -z "$failed_step" ]; then
    if (build); then build_ok=1; else failed_step="build"; fi
fi
if [ "${#hosts_before[@]}" -gt 0 ] && [ "$build_ok" = 1 ] && [ "${DUBAN_SKIP_BUILD:-0}" != 1 ]; then
    warn "hosts already running (${hosts_before[*]}) were left as they were: they may not run this build"
fi

# 2. The stack, for the end-to-end tests.
if [ -z "$failed_step" ] && [ "$no_stack" != 1 ]; then
    if ! bash "$DUBAN_LIB_DIR/up.sh" --no-build; then
        failed_step="stack start (up.sh)"
        warn "the stack did not come up; running the tests anyway (end-to-end tests will fail)"
    fi
fi

# 3. Tests.
export DUBAN_TEST_POSTGRES=""
[ -s "$PG_PASSWORD_FILE" ] && DUBAN_TEST_POSTGRES="$(pg_superuser_connection_string)"
export DUBAN_TEST_RABBITMQ="$RABBITMQ_TEST_URL"
export DUBAN_TEST_GATEWAY="$GATEWAY_URL"
export DUBAN_TEST_GATEWAY_GRPC="$GATEWAY_GRPC_URL"
export DUBAN_TEST_UNITS_HTTP="$UNITS_URL"
export DUBAN_TEST_PORTAL="$GATEWAY_URL"
DUBAN_TEST_HOSTS="units=$UNITS_URL"
for h in tasks reporting notifications portal; do DUBAN_TEST_HOSTS+=";$h=http://127.0.0.1:$(host_port "$h" http)"; done
DUBAN_TEST_HOSTS+=";gateway=$GATEWAY_URL"
export DUBAN_TEST_HOSTS
# The hosts' logs: the fuzz tests prove that no hostile request ended in an unhandled exception there.
export DUBAN_TEST_LOGS="$STATE/logs"
DUBAN_TEST_WEBHOOK_PORTS="$(tr -s ' ' ',' <<<"$WEBHOOK_RECEIVER_PORTS")"
export DUBAN_TEST_WEBHOOK_PORTS
# The notification service's client secret: the end-to-end test asks reporting what is owed as that client.
DUBAN_TEST_NOTIFICATIONS_CLIENT_SECRET="$(service_client_secret)"
export DUBAN_TEST_NOTIFICATIONS_CLIENT_SECRET

rm -rf "$results"
mkdir -p "$results"
# The browser tests' screenshots and downloads, kept with the results.
export DUBAN_TEST_ARTIFACTS="$results/screenshots"
wait "$document_tools_pid" ||
    warn "LibreOffice or poppler is missing and could not be installed: the rendering tests will fail"
test_rc=1
if [ "$build_ok" = 1 ]; then
    if [ $# -eq 0 ]; then
        # The fuzz suite sends thousands of requests to the stack: it runs on its own, after the others, so that it
        # does not starve the browser and end-to-end tests that share the stack and the two cores.
        say "dotnet test Platform.sln -c Release --no-build (all but the fuzz suite)"
        (cd "$REPO" && dotnet test Platform.sln -c Release --no-build --logger "trx" --results-directory "$results" \
            --filter "FullyQualifiedName!~Platform.Fuzz.Tests")
        test_rc=$?
        say "dotnet test tests/Platform.Fuzz.Tests -c Release --no-build"
        (cd "$REPO" && dotnet test tests/Platform.Fuzz.Tests -c Release --no-build --logger "trx" --results-directory "$results")
        fuzz_rc=$?
        [ "$test_rc" = 0 ] && test_rc=$fuzz_rc
    else
        say "dotnet test Platform.sln -c Release --no-build $*"
        (cd "$REPO" && dotnet test Platform.sln -c Release --no-build --logger "trx" --results-directory "$results" "$@")
        test_rc=$?
    fi
    say "dotnet test exited with $test_rc"
else
    warn "tests not run: $failed_step failed"
fi

# Every test result of the run, one <UnitTestResult …> tag a line, from all the .trx files.
trx_results() {
    find "$results" -name '*.trx' -type f -exec cat {} + 2>/dev/null | tr '\r\n' '  ' |
        grep -o '<UnitTestResult [^>]*>'
}

# Count outcomes in every .trx (VSTest's own summary is per project).
passed=0
failed=0
skipped=0
while read -r outcome; do
    case "$outcome" in
    Passed) passed=$((passed + 1)) ;;
    NotExecuted | Inconclusive | Pending) skipped=$((skipped + 1)) ;;
    "") ;;
    *) failed=$((failed + 1)) ;; # Failed, Error, Timeout, Aborted, ...
    esac
done < <(trx_results | sed -n 's/.* outcome="\([A-Za-z]*\)".*/\1/p')

rc=0
[ -n "$failed_step" ] && rc=1
[ "$browser_ok" = 1 ] || rc=1
[ "$test_rc" != 0 ] && rc=1
[ "$failed" -gt 0 ] && rc=1
[ $((passed + failed)) -eq 0 ] && { warn "no test ran"; rc=1; }

if [ "$rc" != 0 ]; then
    [ -n "$failed_step" ] && echo "FAILED STEP: $failed_step" >&2
    [ "$browser_ok" = 1 ] || echo "FAILED STEP: Chromium (ensure_browser)" >&2
    for h in "${HOSTS[@]}"; do host_log_tail "$h" 30; done
    echo "test results: $results" >&2
fi

cleanup

# 4. Fault injection, on a stack of its own, once the one above is stopped (two stacks at once would share two cores).
if [ "$build_ok" = 1 ] && [ "${DUBAN_TEST_NO_CHAOS:-0}" != 1 ]; then
    say "deploy/local/chaos.sh --ci"
    if bash "$DUBAN_LIB_DIR/chaos.sh" --ci; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        rc=1
        echo "FAILED: fault injection (deploy/local/chaos.sh --ci)" >&2
    fi
fi

# The failed tests' names last, just above the summary, where a reader of the run's tail finds them.
trx_results | grep -v 'outcome="\(Passed\|NotExecuted\|Inconclusive\|Pending\)"' |
    sed -n 's/.* testName="\([^"]*\)".*/FAILED TEST: \1/p' | head -n 50 >&2
summary_line "$passed" "$failed" "$skipped"
exit "$rc"
