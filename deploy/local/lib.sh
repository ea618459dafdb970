# shellcheck shell=bash disable=SC2034  # variables are used by the scripts that source this file
# Shared helpers for the local (no Docker) Duban stack. Source it; do not run it.
#
#   source deploy/local/lib.sh
#   pg_start; pg_provision; rabbit_start      # private PostgreSQL + RabbitMQ on loopback
#   build; start_service units; wait_healthy http://127.0.0.1:5101 units
#
# Everything lives under $STATE (= <repo>/.local, gitignored; DUBAN_STATE_DIR moves it, so that a second stack
# such as deploy/local/chaos.sh's keeps its data, logs, pids and keys apart):
#   data/     PostgreSQL cluster (unless the repo path is not traversable by the
#             `postgres` OS user, see pg_dirs), RabbitMQ node data
#   logs/     one log per process (postgres.log, rabbitmq/, units.log, portal.log, gateway.log, ...)
#   pids/     one pid file per process we started
#   keys/     generated secrets: PostgreSQL superuser password, token signing key, each service's
#             database context key (database-context-NAME.key), and
#             portal/, the portal's Data Protection key ring (encrypts its sign-in cookie)
#
# Every port can be overridden through the environment (DUBAN_*_PORT below).

# ---------------------------------------------------------------------------
# Locations and ports
# ---------------------------------------------------------------------------
DUBAN_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$DUBAN_LIB_DIR/../.." && pwd)"
STATE="$REPO/.local"
[ -n "${DUBAN_STATE_DIR:-}" ] && STATE="$(realpath -m "$DUBAN_STATE_DIR")"

PG_PORT="${DUBAN_PG_PORT:-55432}"
RMQ_PORT="${DUBAN_RABBITMQ_PORT:-55672}"
RMQ_DIST_PORT="${DUBAN_RABBITMQ_DIST_PORT:-55673}"
RMQ_NODENAME="${DUBAN_RABBITMQ_NODENAME:-duban@localhost}"

GATEWAY_HTTP_PORT="${DUBAN_GATEWAY_HTTP_PORT:-8080}"
GATEWAY_GRPC_PORT="${DUBAN_GATEWAY_GRPC_PORT:-8081}"
UNITS_HTTP_PORT="${DUBAN_UNITS_HTTP_PORT:-5101}"
UNITS_GRPC_PORT="${DUBAN_UNITS_GRPC_PORT:-5102}"
TASKS_HTTP_PORT="${DUBAN_TASKS_HTTP_PORT:-5111}"
TASKS_GRPC_PORT="${DUBAN_TASKS_GRPC_PORT:-5112}"
REPORTING_HTTP_PORT="${DUBAN_REPORTING_HTTP_PORT:-5121}"
REPORTING_GRPC_PORT="${DUBAN_REPORTING_GRPC_PORT:-5122}"
NOTIFICATIONS_HTTP_PORT="${DUBAN_NOTIFICATIONS_HTTP_PORT:-5131}"
NOTIFICATIONS_GRPC_PORT="${DUBAN_NOTIFICATIONS_GRPC_PORT:-5132}"
# The portal serves browsers (through the gateway) on one HTTP/1 port; it has no gRPC port.
PORTAL_HTTP_PORT="${DUBAN_PORTAL_HTTP_PORT:-5141}"
# Local webhook receivers (the end-to-end tests' own, plain http on 127.0.0.1). The notification service sends webhooks
# to public https addresses, and to these exact host:port targets only (Notifications:Webhooks:AllowedTargets).
WEBHOOK_RECEIVER_PORTS="${DUBAN_WEBHOOK_RECEIVER_PORTS:-5191 5192}"

SERVICES=(units tasks reporting notifications)
HOSTS=(units tasks reporting notifications portal gateway) # start order; stop in reverse

PG_BIN="${DUBAN_PG_BIN:-/usr/lib/postgresql/15/bin}"
RMQ_BIN="${DUBAN_RABBITMQ_BIN:-/usr/lib/rabbitmq/bin}"

PG_PASSWORD_FILE="$STATE/keys/postgres-superuser.password"
SIGNING_KEY_FILE="$STATE/keys/signing-key.pem"
SERVICE_CLIENT_SECRET_FILE="$STATE/keys/notifications-service-client.secret"
DB_OWNER_PASSWORD_FILE="$STATE/keys/db-owner.password"
DB_CONTEXT_KEY_PREFIX="$STATE/keys/database-context"
PORTAL_KEYS_DIR="$STATE/keys/portal"

# Service accounts created by pg_provision / rabbit_start (local development only; the owner role's password is
# generated, see db_owner_password).
DB_PASSWORD="duban"
RMQ_USER="duban"
RMQ_PASSWORD="duban"
RABBITMQ_URL="amqp://$RMQ_USER:$RMQ_PASSWORD@127.0.0.1:$RMQ_PORT/"
RMQ_TEST_VHOST="tests"
RABBITMQ_TEST_URL="amqp://$RMQ_USER:$RMQ_PASSWORD@127.0.0.1:$RMQ_PORT/$RMQ_TEST_VHOST"
GATEWAY_URL="http://127.0.0.1:$GATEWAY_HTTP_PORT"
GATEWAY_GRPC_URL="http://127.0.0.1:$GATEWAY_GRPC_PORT"
UNITS_URL="http://127.0.0.1:$UNITS_HTTP_PORT"

HEALTH_TIMEOUT="${DUBAN_HEALTH_TIMEOUT:-120}"

# ---------------------------------------------------------------------------
# Small utilities
# ---------------------------------------------------------------------------
_duban_now_ms() { date +%s%3N; }
DUBAN_T0_MS="${DUBAN_T0_MS:-$(_duban_now_ms)}"

# Seconds since the script started, one decimal.
elapsed() {
    local ms=$(($(_duban_now_ms) - DUBAN_T0_MS))
    printf '%d.%d' $((ms / 1000)) $(((ms % 1000) / 100))
}

say() { printf '[%6ss] %s\n' "$(elapsed)" "$*"; }
warn() { printf '[%6ss] WARNING: %s\n' "$(elapsed)" "$*" >&2; }
die() {
    printf '[%6ss] ERROR: %s\n' "$(elapsed)" "$*" >&2
    exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# True when something accepts TCP connections on 127.0.0.1:PORT.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when PID is a live process whose command line contains PATTERN (guards against pid reuse).
pid_matches() {
    local pid="$1" pattern="$2"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    pid_alive "$pid" || return 1
    [ -r "/proc/$pid/cmdline" ] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$pattern"
}

read_pid() { [ -s "$1" ] && head -n1 "$1" | tr -cd '0-9'; }

# True while PID exists and is not a zombie.
pid_alive() {
    kill -0 "$1" 2>/dev/null || return 1
    local state
    state="$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\) .*/\1/p' "/proc/$1/stat" 2>/dev/null)" || return 0
    [ "$state" != Z ]
}

# Sends SIG to PID, waits up to SECONDS for it to exit, then SIGKILLs it.
stop_pid() {
    local pid="$1" sig="${2:-TERM}" seconds="${3:-10}" i
    pid_alive "$pid" || return 0
    kill "-$sig" "$pid" 2>/dev/null || true
    for ((i = 0; i < seconds * 10; i++)); do
        pid_alive "$pid" || return 0
        sleep 0.1
    done
    warn "pid $pid did not exit within ${seconds}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        pid_alive "$pid" || return 0
        sleep 0.1
    done
    return 1
}

# Runs a command detached from this shell (own session, no stdin), writing the
# final process id (after all execs) to PIDFILE. Caller redirects stdout/stderr.
#   spawn PIDFILE CMD [ARGS...]
spawn() {
    local pidfile="$1"
    shift
    rm -f "$pidfile"
    # shellcheck disable=SC2016 # expanded by the inner shell
    setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$pidfile" "$@" </dev/null &
    local i
    for ((i = 0; i < 50; i++)); do
        [ -s "$pidfile" ] && return 0
        sleep 0.05
    done
    return 1
}

ensure_state_dirs() {
    mkdir -p "$STATE/data" "$STATE/logs" "$STATE/pids" "$STATE/keys"
    # Our own folders: the postgres OS user must be able to traverse them.
    chmod 755 "$STATE" "$STATE/data" "$STATE/logs"
    chmod 700 "$STATE/keys"
}

# ---------------------------------------------------------------------------
# Packages
# ---------------------------------------------------------------------------
_DUBAN_APT_UPDATED=0
_apt_install() {
    is_root || die "missing packages ($*) and not root: install them first (apt-get install $*)"
    if [ "$_DUBAN_APT_UPDATED" = 0 ]; then
        say "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || die "apt-get update failed"
        _DUBAN_APT_UPDATED=1
    fi
    # Keep Debian's init scripts from auto-starting a system instance (e.g. rabbitmq-server
    # on 5672) while we install: a policy-rc.d exiting 101 denies service starts.
    local policy=/usr/sbin/policy-rc.d created=0 rc=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && created=1
    fi
    say "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >"${TMPDIR:-/tmp}/duban-apt.log" 2>&1 || rc=$?
    [ "$created" = 1 ] && rm -f "$policy"
    if [ "$rc" != 0 ]; then
        tail -n 30 "${TMPDIR:-/tmp}/duban-apt.log" >&2
        die "apt-get install $* failed"
    fi
}

# Chromium, for the portal's browser tests (test.sh calls this; the stack itself does not need a browser).
ensure_browser() {
    [ -x /usr/bin/chromium ] && return 0
    _apt_install chromium
    [ -x /usr/bin/chromium ] || die "chromium was installed but /usr/bin/chromium is missing"
}

# LibreOffice (headless writer and calc), poppler and CJK fonts, for the export tests that print the generated ledger,
# bulletin and sheets to PDF and read them back (test.sh calls this; the stack itself does not need them).
ensure_document_tools() {
    local missing=()
    command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui libreoffice-calc-nogui)
    command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || missing+=(poppler-utils)
    [ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
    if [ "${#missing[@]}" -gt 0 ]; then
        _apt_install "${missing[@]}"
    fi
    command -v soffice >/dev/null || die "LibreOffice was installed but soffice is not on PATH"
}

ensure_packages() {
    local missing=()
    [ -x "$RMQ_BIN/rabbitmq-server" ] || missing+=(rabbitmq-server)
    [ -x "$PG_BIN/initdb" ] || missing+=(postgresql-15)
    command -v openssl >/dev/null || missing+=(openssl)
    command -v curl >/dev/null || missing+=(curl)
    command -v jq >/dev/null || missing+=(jq)
    command -v setsid >/dev/null || missing+=(util-linux)
    # A TrueType font with CJK glyphs: the importer's tests write PDFs in Chinese.
    [ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || missing+=(fonts-droid-fallback)
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
    if [ "${#missing[@]}" -gt 0 ]; then
        _apt_install "${missing[@]}"
    fi
    if is_root && ! id postgres >/dev/null 2>&1; then
        say "creating the postgres OS user"
        useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
            --shell /bin/sh postgres || die "could not create the postgres OS user"
    fi
    command -v dotnet >/dev/null || warn "dotnet is not on PATH (the .NET 10 SDK is needed to build and run the hosts)"
}

# ---------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------
# Runs a command as the OS user that owns the cluster (postgres when we are root).
as_pg() {
    if is_root; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

# Where the cluster lives. Normally $STATE/data/postgres; when the postgres OS user
# cannot traverse the repository path (a private home folder, say) the cluster goes to
# /var/tmp/duban-<hash of repo path>/ instead (we never loosen permissions of folders
# that are not ours). A cluster once created stays where it is.
# A stack with its own state folder (DUBAN_STATE_DIR) gets its own external folder too.
_duban_pg_key="$REPO"
[ -n "${DUBAN_STATE_DIR:-}" ] && _duban_pg_key="$STATE"
PG_EXTERNAL_BASE="/var/tmp/duban-$(printf '%s' "$_duban_pg_key" | sha256sum | cut -c1-12)"
pg_dirs() {
    [ -n "${PG_BASE:-}" ] && return 0
    local inside="$STATE/data/postgres"
    if [ -d "$PG_EXTERNAL_BASE/pgdata" ]; then
        PG_BASE="$PG_EXTERNAL_BASE"
    elif [ -d "$inside/pgdata" ]; then
        PG_BASE="$inside"
    else
        ensure_state_dirs
        if as_pg test -x "$STATE/data"; then
            PG_BASE="$inside"
        else
            PG_BASE="$PG_EXTERNAL_BASE"
            warn "the postgres OS user cannot traverse $STATE; PostgreSQL data goes to $PG_BASE"
        fi
    fi
    PGDATA_DIR="$PG_BASE/pgdata"
    PG_SOCKET_DIR="$PG_BASE/run"
    # A unix socket path is limited to ~107 bytes.
    if [ $((${#PG_SOCKET_DIR} + 20)) -gt 100 ]; then
        PG_SOCKET_DIR="$PG_EXTERNAL_BASE-run"
    fi
    if [ "$PG_BASE" = "$inside" ]; then
        PG_LOG="$STATE/logs/postgres.log"
    else
        PG_LOG="$PG_BASE/postgres.log"
    fi
}

pg_superuser_password() { cat "$PG_PASSWORD_FILE"; }

# Superuser ADO.NET connection string (for tests that create their own databases).
pg_superuser_connection_string() {
    printf 'Host=127.0.0.1;Port=%s;Username=postgres;Password=%s;Database=postgres' \
        "$PG_PORT" "$(pg_superuser_password)"
}

pg_pid() {
    pg_dirs
    local pid
    pid="$(read_pid "$PGDATA_DIR/postmaster.pid" 2>/dev/null)" || return 1
    pid_matches "$pid" postgres || return 1
    echo "$pid"
}

pg_running() { pg_pid >/dev/null 2>&1; }

_pg_owned_dir() { # DIR MODE
    mkdir -p "$1"
    if is_root; then chown postgres:postgres "$1"; fi
    chmod "$2" "$1"
}

pg_start() {
    ensure_state_dirs
    pg_dirs
    if pg_running; then
        say "PostgreSQL already running (pid $(pg_pid), port $PG_PORT, data $PGDATA_DIR)"
        return 0
    fi
    [ -x "$PG_BIN/initdb" ] || die "PostgreSQL binaries not found in $PG_BIN (run ensure_packages)"
    [ "$PG_BASE" = "$PG_EXTERNAL_BASE" ] && echo "$PG_BASE" >"$STATE/data/postgres-location"

    _pg_owned_dir "$PG_BASE" 755
    _pg_owned_dir "$PG_SOCKET_DIR" 755
    if [ ! -e "$PG_LOG" ]; then
        : >"$PG_LOG"
        if is_root; then chown postgres:postgres "$PG_LOG"; fi
        chmod 640 "$PG_LOG"
    fi

    local reset_password=0
    if [ ! -s "$PG_PASSWORD_FILE" ]; then
        (umask 077 && openssl rand -hex 24 >"$PG_PASSWORD_FILE") || die "could not generate $PG_PASSWORD_FILE"
        [ -s "$PGDATA_DIR/PG_VERSION" ] && reset_password=1
    fi

    if [ ! -s "$PGDATA_DIR/PG_VERSION" ]; then
        say "initdb $PGDATA_DIR"
        local pwtmp="$PG_BASE/.initdb-pw" local_auth=peer locale_args=(--no-locale)
        is_root || local_auth=scram-sha-256
        locale -a 2>/dev/null | grep -qixE 'c\.utf-?8' && locale_args=(--locale=C.UTF-8)
        (umask 077 && cp "$PG_PASSWORD_FILE" "$pwtmp")
        if is_root; then chown postgres:postgres "$pwtmp"; fi
        rm -rf "$PGDATA_DIR"
        if ! as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres --pwfile="$pwtmp" -E UTF8 "${locale_args[@]}" \
            --auth-local="$local_auth" --auth-host=scram-sha-256 >"$STATE/logs/initdb.log" 2>&1; then
            rm -f "$pwtmp"
            cat "$STATE/logs/initdb.log" >&2
            die "initdb failed"
        fi
        rm -f "$pwtmp"
        echo "include_if_exists = 'duban.conf'" >>"$PGDATA_DIR/postgresql.conf"
    fi

    # Rewritten on every start so port overrides apply to an existing cluster.
    cat >"$PGDATA_DIR/duban.conf" <<EOF
# Written by deploy/local/lib.sh on every start.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
password_encryption = 'scram-sha-256'
max_connections = 300
# Every commit is flushed before it is acknowledged (synchronous_commit stays on): a 2xx means the write is on disk.
EOF
    if is_root; then chown postgres:postgres "$PGDATA_DIR/duban.conf"; fi

    # A lock file left by a killed server whose pid now belongs to another process would
    # make the postmaster refuse to start.
    if [ -e "$PGDATA_DIR/postmaster.pid" ]; then
        warn "removing stale $PGDATA_DIR/postmaster.pid"
        rm -f "$PGDATA_DIR/postmaster.pid"
    fi
    if port_in_use "$PG_PORT"; then
        die "port $PG_PORT is already in use by another process (another checkout's stack?); set DUBAN_PG_PORT"
    fi
    say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    if ! as_pg "$PG_BIN/pg_ctl" start -D "$PGDATA_DIR" -l "$PG_LOG" -w -t 60 -s; then
        tail -n 30 "$PG_LOG" >&2
        die "PostgreSQL did not start (log: $PG_LOG)"
    fi
    pg_pid >"$STATE/pids/postgres.pid"

    if [ "$reset_password" = 1 ]; then
        say "superuser password file was missing: setting a new one"
        as_pg "$PG_BIN/psql" -X -q -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d postgres \
            -c "ALTER ROLE postgres PASSWORD '$(pg_superuser_password)'" || die "could not reset the superuser password"
    fi
    say "PostgreSQL ready (pid $(pg_pid))"
}

# psql as the superuser over TCP (scram). Extra args go to psql.
pg_psql() {
    PGPASSWORD="$(pg_superuser_password)" PGCONNECT_TIMEOUT=10 "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
        -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"
}

pg_provision() {
    pg_running || die "PostgreSQL is not running (pg_start first)"
    local dbs=() s sql list=""
    for s in "${SERVICES[@]}"; do
        dbs+=("duban_$s")
        list+="${list:+,}'duban_$s'"
    done
    sql="
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'duban_owner') THEN
    CREATE ROLE duban_owner LOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'duban_app') THEN
    CREATE ROLE duban_app LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '$DB_PASSWORD';
  END IF;
END
\$\$;
ALTER ROLE duban_app NOSUPERUSER NOBYPASSRLS;
ALTER ROLE duban_owner PASSWORD '$(db_owner_password)';
SELECT format('CREATE DATABASE %I OWNER duban_owner', d)
  FROM unnest(ARRAY[$list]) AS d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d)
\\gexec
"
    for s in "${dbs[@]}"; do
        sql+="GRANT CONNECT ON DATABASE $s TO duban_app;
\\connect $s
ALTER SCHEMA public OWNER TO duban_owner;
GRANT USAGE ON SCHEMA public TO duban_app;
"
    done
    printf '%s' "$sql" | pg_psql -d postgres -f - >/dev/null || die "PostgreSQL provisioning failed"
    say "PostgreSQL provisioned (roles duban_owner, duban_app; databases ${dbs[*]})"
}

pg_stop() {
    pg_dirs
    local pid
    if ! pid="$(pg_pid)"; then
        rm -f "$STATE/pids/postgres.pid"
        return 0
    fi
    say "stopping PostgreSQL (pid $pid)"
    # SIGINT = fast shutdown (roll back open transactions, checkpoint, exit).
    if ! stop_pid "$pid" INT 30; then
        warn "PostgreSQL pid $pid still alive"
        return 1
    fi
    rm -f "$STATE/pids/postgres.pid"
}

# ---------------------------------------------------------------------------
# RabbitMQ (a private node: own name, ports, data, cookie; no systemd)
# ---------------------------------------------------------------------------
RMQ_BASE="$STATE/data/rabbitmq"
RMQ_HOME="$RMQ_BASE/home"

# Exports the environment that points rabbitmq-server / rabbitmqctl at our node.
_rabbit_env() {
    export HOME="$RMQ_HOME"
    export RABBITMQ_NODENAME="$RMQ_NODENAME"
    export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    export RABBITMQ_NODE_PORT="$RMQ_PORT"
    export RABBITMQ_DIST_PORT="$RMQ_DIST_PORT"
    export RABBITMQ_MNESIA_BASE="$RMQ_BASE/mnesia"
    export RABBITMQ_LOG_BASE="$STATE/logs/rabbitmq"
    export RABBITMQ_CONFIG_FILE="$RMQ_BASE/rabbitmq.conf"
    export RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ_BASE/advanced.config"
    export RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_BASE/enabled_plugins"
    export RABBITMQ_CONF_ENV_FILE="$RMQ_BASE/rabbitmq-env.conf" # ignore /etc/rabbitmq/rabbitmq-env.conf
    export RABBITMQ_PID_FILE="$STATE/pids/rabbitmq.pid"
    # Erlang distribution on loopback only.
    export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    export ERL_EPMD_ADDRESS=127.0.0.1
}

rabbitmqctl_() { (_rabbit_env && "$RMQ_BIN/rabbitmqctl" -n "$RMQ_NODENAME" "$@"); }

rabbit_pid() {
    local pid
    pid="$(read_pid "$STATE/pids/rabbitmq.pid" 2>/dev/null)" || return 1
    pid_matches "$pid" "$RMQ_HOME" || return 1 # beam.smp ... -home <our HOME>
    echo "$pid"
}

rabbit_running() { rabbit_pid >/dev/null 2>&1; }

# shellcheck disable=SC2012
_epmd_bin() { command -v epmd 2>/dev/null || ls /usr/lib/erlang/erts-*/bin/epmd 2>/dev/null | head -n1; }
_epmd_up() { "$(_epmd_bin)" -names >/dev/null 2>&1; }

_rabbit_write_config() {
    mkdir -p "$RMQ_HOME" "$RMQ_BASE/mnesia" "$STATE/logs/rabbitmq"
    chmod 700 "$RMQ_HOME"
    cat >"$RMQ_BASE/rabbitmq.conf" <<EOF
# Written by deploy/local/lib.sh on every start.
listeners.tcp.default = 127.0.0.1:$RMQ_PORT
loopback_users = none
# First boot creates $RMQ_USER instead of guest (rabbit_start also checks this).
default_vhost = /
default_user = $RMQ_USER
default_pass = $RMQ_PASSWORD
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
log.console = false
log.file.level = info
# A consumer keeps a message unacknowledged while it waits out a database outage (up to the services' redelivery
# window, 65 min): the broker must not take it back after its default 30 min.
consumer_timeout = 7200000
EOF
    echo '[].' >"$RMQ_BASE/enabled_plugins"
    : >"$RMQ_BASE/rabbitmq-env.conf"
}

_rabbit_has_user() { awk '{print $1}' <<<"$1" | grep -qx -- "$2"; }

# duban/duban administrator with full permissions on vhost /, no guest. Runs once per node
# (marker file); rabbitmqctl calls cost ~1 s each, so only what is missing is changed.
_rabbit_ensure_user() {
    local users perms
    users="$(rabbitmqctl_ list_users --quiet --no-table-headers 2>&1)" || {
        echo "$users" >&2
        die "rabbitmqctl list_users failed"
    }
    if ! _rabbit_has_user "$users" "$RMQ_USER"; then
        rabbitmqctl_ add_user "$RMQ_USER" "$RMQ_PASSWORD" >/dev/null || die "rabbitmqctl add_user failed"
    fi
    if ! grep -E "^${RMQ_USER}[[:space:]]" <<<"$users" | grep -q administrator; then
        rabbitmqctl_ set_user_tags "$RMQ_USER" administrator >/dev/null || die "rabbitmqctl set_user_tags failed"
    fi
    perms="$(rabbitmqctl_ list_permissions -p / --quiet --no-table-headers 2>/dev/null)" || true
    if ! grep -qE "^${RMQ_USER}[[:space:]]+\\.\\*[[:space:]]+\\.\\*[[:space:]]+\\.\\*[[:space:]]*$" <<<"$perms"; then
        rabbitmqctl_ set_permissions -p / "$RMQ_USER" '.*' '.*' '.*' >/dev/null || die "rabbitmqctl set_permissions failed"
    fi
    if _rabbit_has_user "$users" guest; then
        rabbitmqctl_ delete_user guest >/dev/null || die "rabbitmqctl delete_user guest failed"
    fi
    # The tests' own vhost: their messages never reach the running stack's queues (and the reverse). And one for the
    # tests that start whole published hosts (tests/Platform.Deploy.Tests): their consumers must not take the messages
    # of the other test assemblies' hosts, which bind the same queue names.
    local vhosts vhost
    vhosts="$(rabbitmqctl_ list_vhosts --quiet --no-table-headers 2>/dev/null)" || true
    for vhost in "$RMQ_TEST_VHOST" "$RMQ_TEST_VHOST-hosts"; do
        if ! grep -qx -- "$vhost" <<<"$vhosts"; then
            rabbitmqctl_ add_vhost "$vhost" >/dev/null || die "rabbitmqctl add_vhost $vhost failed"
        fi
        rabbitmqctl_ set_permissions -p "$vhost" "$RMQ_USER" '.*' '.*' '.*' >/dev/null || die "rabbitmqctl set_permissions failed"
    done
    touch "$RMQ_BASE/.provisioned.3"
}

rabbit_start() {
    ensure_state_dirs
    [ -x "$RMQ_BIN/rabbitmq-server" ] || die "RabbitMQ not found in $RMQ_BIN (run ensure_packages)"
    if rabbit_running; then
        say "RabbitMQ already running (pid $(rabbit_pid), node $RMQ_NODENAME, port $RMQ_PORT)"
        [ -e "$RMQ_BASE/.provisioned.3" ] || _rabbit_ensure_user
        return 0
    fi
    port_in_use "$RMQ_PORT" && die "port $RMQ_PORT is already in use by another process; set DUBAN_RABBITMQ_PORT"
    port_in_use "$RMQ_DIST_PORT" && die "port $RMQ_DIST_PORT is already in use by another process; set DUBAN_RABBITMQ_DIST_PORT"
    _rabbit_write_config

    # epmd (Erlang port mapper, 4369) is shared by all Erlang nodes of the machine. Use a
    # running one; otherwise start our own (by pid, so rabbit_stop can end exactly it).
    if ! _epmd_up; then
        local epmd
        epmd="$(_epmd_bin)"
        [ -n "$epmd" ] || die "epmd not found (is erlang installed?)"
        (ERL_EPMD_ADDRESS=127.0.0.1 spawn "$STATE/pids/epmd.pid" "$epmd") >>"$STATE/logs/epmd.log" 2>&1 ||
            die "could not start epmd"
        local i
        for ((i = 0; i < 50; i++)); do _epmd_up && break; sleep 0.1; done
        _epmd_up || die "epmd did not start (log: $STATE/logs/epmd.log)"
    fi

    say "starting RabbitMQ node $RMQ_NODENAME on 127.0.0.1:$RMQ_PORT"
    rm -f "$STATE/pids/rabbitmq.pid"
    (
        cd "$RMQ_BASE" && _rabbit_env &&
            spawn "$STATE/pids/rabbitmq-launcher.pid" "$RMQ_BIN/rabbitmq-server"
    ) >>"$STATE/logs/rabbitmq-console.log" 2>&1 || die "could not start rabbitmq-server"

    local deadline=$((SECONDS + 90)) launcher
    launcher="$(read_pid "$STATE/pids/rabbitmq-launcher.pid")"
    until port_in_use "$RMQ_PORT"; do
        if ! kill -0 "$launcher" 2>/dev/null; then
            tail -n 40 "$STATE/logs/rabbitmq-console.log" >&2
            die "RabbitMQ exited during start (logs: $STATE/logs/rabbitmq-console.log, $STATE/logs/rabbitmq/)"
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            tail -n 40 "$STATE/logs/rabbitmq-console.log" >&2
            die "RabbitMQ did not open port $RMQ_PORT within 90 s"
        fi
        sleep 0.2
    done
    # The pid file may trail the listener by a moment on a loaded machine: give it a few seconds before giving up.
    local pid_deadline=$((SECONDS + 15))
    until rabbit_running; do
        [ "$SECONDS" -ge "$pid_deadline" ] && die "RabbitMQ is listening but its pid file $STATE/pids/rabbitmq.pid is missing (is another process on port $RMQ_PORT?)"
        sleep 0.2
    done
    # The listener opens before every boot step has run; user management needs the whole app up.
    # await_startup gives up at once while the CLI cannot reach the node yet (seen just after a kill -9),
    # so it is asked again until the deadline rather than trusted to wait.
    local boot_deadline=$((SECONDS + 90)) remaining
    until remaining=$((boot_deadline - SECONDS)); [ "$remaining" -gt 0 ] && rabbitmqctl_ await_startup --timeout "$remaining" >/dev/null 2>&1; do
        if [ "$SECONDS" -ge "$boot_deadline" ]; then
            die "RabbitMQ did not finish starting within 90 s (logs: $STATE/logs/rabbitmq/)"
        fi
        rabbit_running || die "RabbitMQ exited during start (logs: $STATE/logs/rabbitmq-console.log, $STATE/logs/rabbitmq/)"
        sleep 1
    done
    [ -e "$RMQ_BASE/.provisioned.3" ] || _rabbit_ensure_user
    say "RabbitMQ ready (pid $(rabbit_pid), user $RMQ_USER)"
}

rabbit_stop() {
    local pid launcher
    launcher="$(read_pid "$STATE/pids/rabbitmq-launcher.pid" 2>/dev/null)" || true
    if pid="$(rabbit_pid)"; then
        say "stopping RabbitMQ (pid $pid)"
        stop_pid "$pid" TERM 30 || warn "RabbitMQ pid $pid still alive"
    fi
    if [ -n "$launcher" ] && pid_matches "$launcher" rabbitmq-server; then
        stop_pid "$launcher" TERM 10 || true
    fi
    rm -f "$STATE/pids/rabbitmq.pid" "$STATE/pids/rabbitmq-launcher.pid"

    # Our epmd, if we started one and no other node still uses it.
    local epmd_pid
    epmd_pid="$(read_pid "$STATE/pids/epmd.pid" 2>/dev/null)" || return 0
    if pid_matches "$epmd_pid" epmd; then
        local names
        names="$("$(_epmd_bin)" -names 2>/dev/null | grep -c '^name ' || true)"
        if [ "${names:-0}" -gt 0 ]; then
            say "leaving epmd (pid $epmd_pid) running: other Erlang nodes are registered with it"
            return 0
        fi
        say "stopping epmd (pid $epmd_pid)"
        stop_pid "$epmd_pid" TERM 5 || true
    fi
    rm -f "$STATE/pids/epmd.pid"
}

# ---------------------------------------------------------------------------
# .NET hosts
# ---------------------------------------------------------------------------
build() {
    if [ "${DUBAN_SKIP_BUILD:-0}" = 1 ]; then
        say "build skipped (DUBAN_SKIP_BUILD=1)"
        return 0
    fi
    say "dotnet build Platform.sln -c Release"
    (cd "$REPO" && dotnet build Platform.sln -c Release -nologo -v q) || die "build failed"
    say "build done"
}

ensure_signing_key() {
    ensure_state_dirs
    if [ ! -s "$SIGNING_KEY_FILE" ]; then
        (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$SIGNING_KEY_FILE" 2>/dev/null) ||
            die "could not generate $SIGNING_KEY_FILE"
        say "generated token signing key $SIGNING_KEY_FILE"
    fi
}

# The notification service's client secret (units registers the client; notifications signs in with it to ask
# reporting what is still owed before it chases anyone). Generated once, kept with the other keys.
service_client_secret() {
    ensure_state_dirs
    if [ ! -s "$SERVICE_CLIENT_SECRET_FILE" ]; then
        (umask 077 && openssl rand -hex 24 >"$SERVICE_CLIENT_SECRET_FILE") || die "could not generate $SERVICE_CLIENT_SECRET_FILE"
    fi
    cat "$SERVICE_CLIENT_SECRET_FILE"
}

# The owner role's password (migrations, and the only role that reads the context keys): generated once, apart from
# the application role's development password, so that duban_app's credential does not open the owner's door.
db_owner_password() {
    ensure_state_dirs
    if [ ! -s "$DB_OWNER_PASSWORD_FILE" ]; then
        (umask 077 && openssl rand -hex 24 >"$DB_OWNER_PASSWORD_FILE") || die "could not generate $DB_OWNER_PASSWORD_FILE"
    fi
    cat "$DB_OWNER_PASSWORD_FILE"
}

# A service's database context key (Database__ContextKey): the service signs its tenant context with it and
# row-level security honours no other, so duban_app's credential alone cannot name a tenant.
# One per service, generated once, kept with the other keys.
database_context_key() { # NAME
    local file="$DB_CONTEXT_KEY_PREFIX-$1.key"
    ensure_state_dirs
    if [ ! -s "$file" ]; then
        (umask 077 && openssl rand -hex 32 >"$file") || die "could not generate $file"
    fi
    cat "$file"
}

# Prints the port, or nothing for a port the host does not have (the portal has no gRPC port).
host_port() { # NAME http|grpc
    local var
    var="$(tr '[:lower:]' '[:upper:]' <<<"$1")_$(tr '[:lower:]' '[:upper:]' <<<"$2")_PORT"
    echo "${!var:-}"
}

host_dll() { # NAME
    local name="$1" cap="${1^}"
    if [ "$name" = gateway ]; then
        echo "$REPO/gateway/Platform.Gateway/bin/Release/net10.0/Platform.Gateway.dll"
    else
        echo "$REPO/services/$cap/Platform.$cap/bin/Release/net10.0/Platform.$cap.dll"
    fi
}

host_pid() { # NAME
    local pid
    pid="$(read_pid "$STATE/pids/$1.pid" 2>/dev/null)" || return 1
    pid_matches "$pid" "$(basename "$(host_dll "$1")")" || return 1
    echo "$pid"
}

host_running() { host_pid "$1" >/dev/null 2>&1; }

# The portal's key ring (Data Protection keys for its cookie): kept across restarts, readable by us only.
ensure_portal_keys() {
    ensure_state_dirs
    mkdir -p "$PORTAL_KEYS_DIR"
    chmod 700 "$PORTAL_KEYS_DIR"
}

# Environment (KEY=VALUE lines) of a host, besides ASPNETCORE_ENVIRONMENT and ports.
host_env() { # NAME
    local name="$1" s cap i p
    if [ "$name" = portal ]; then
        # The portal calls only the gateway (REST for tokens and files, gRPC for the rest), as the signed-in person;
        # it has no database and no broker.
        echo "Gateway__Http=$GATEWAY_URL"
        echo "Gateway__Grpc=$GATEWAY_GRPC_URL"
        echo "DataProtection__KeysPath=$PORTAL_KEYS_DIR"
        return 0
    fi
    echo "Identity__Authority=$UNITS_URL"
    echo "ConnectionStrings__RabbitMq=$RABBITMQ_URL"
    # Every host knows where the others are: the gateway routes to them, services call each other over gRPC.
    for s in "${SERVICES[@]}"; do
        cap="${s^}"
        echo "Services__${cap}__Http=http://127.0.0.1:$(host_port "$s" http)"
        echo "Services__${cap}__Grpc=http://127.0.0.1:$(host_port "$s" grpc)"
    done
    if [ "$name" = gateway ]; then
        # Browsers: every path the API does not own goes to the portal.
        echo "Services__Portal__Http=http://127.0.0.1:$PORTAL_HTTP_PORT"
        # A district's bucket (RateLimiting:Tenant: 100 requests/s, bursts of 200). A load harness that drives one
        # district harder than that (benchmarks/Platform.Benchmarks -- writes) raises it here, e.g.
        # DUBAN_GATEWAY_TENANT_RATE=5000, so that it measures the gateway and not its limiter; the burst is two seconds'
        # worth. start_service has checked the value.
        if [ -n "${DUBAN_GATEWAY_TENANT_RATE:-}" ]; then
            echo "RateLimiting__Tenant__TokensPerSecond=$DUBAN_GATEWAY_TENANT_RATE"
            echo "RateLimiting__Tenant__TokenLimit=$((2 * DUBAN_GATEWAY_TENANT_RATE))"
        fi
        return 0
    fi
    echo "ConnectionStrings__Database=Host=127.0.0.1;Port=$PG_PORT;Database=duban_$name;Username=duban_app;Password=$DB_PASSWORD"
    echo "ConnectionStrings__DatabaseOwner=Host=127.0.0.1;Port=$PG_PORT;Database=duban_$name;Username=duban_owner;Password=$(db_owner_password)"
    echo "Database__ContextKey=$(database_context_key "$name")"
    if [ "$name" = reporting ] || [ "$name" = notifications ]; then
        # The demo runs in the year of its task lists: the reporting and notification clocks start a week before July
        # 2023's due date and can be set on each service's own port (PUT /_clock), which the demo seed and the
        # end-to-end tests do.
        echo "Clock__Adjustable=true"
        if [ "$name" = notifications ]; then
            # Local receivers are plain http on loopback, which only the allow-list opens (exactly these host:port
            # pairs; nothing else private is reachable); failed deliveries are retried within seconds, not minutes.
            i=0
            for p in $WEBHOOK_RECEIVER_PORTS; do
                echo "Notifications__Webhooks__AllowedTargets__$i=127.0.0.1:$p"
                i=$((i + 1))
            done
            echo "Notifications__RetryBase=00:00:01"
            echo "Notifications__MaxAttempts=3"
            echo "ServiceClient__Secret=$(service_client_secret)"
        fi
        echo "Clock__Start=${DUBAN_CLOCK_START:-2023-07-25T10:00:00+08:00}"
    fi
    if [ "$name" = units ]; then
        echo "Identity__SigningKeyFile=$SIGNING_KEY_FILE"
        # Locally every caller of the token endpoint, the gateway included, is 127.0.0.1: one bucket on the units port,
        # sized for the end-to-end tests, the demo seed and the chaos run signing in through it (20 a second).
        echo "Identity__TokenRateLimit__PermitLimit=${DUBAN_TOKEN_RATE_LIMIT:-1200}"
        echo "Identity__BootstrapAdminPassword=demo"
        echo "Identity__ServiceClients__duban-notifications=$(service_client_secret)"
    fi
}

# Keeps the last five logs of a process: NAME.log (this run), NAME.log.1 (the run before) … NAME.log.4, so the log
# of an instance that crashed survives the next two restarts and more.
rotate_log() { # FILE
    local f="$1" i
    [ -f "$f" ] || return 0
    for ((i = 3; i >= 1; i--)); do
        [ -f "$f.$i" ] && mv -f "$f.$i" "$f.$((i + 1))"
    done
    mv -f "$f" "$f.1"
}

# start_host NAME DLLPATH HTTPPORT GRPCPORT [KEY=VALUE...]
# Runs `dotnet DLLPATH` in the background (cwd = the dll's folder); log $STATE/logs/NAME.log,
# pid $STATE/pids/NAME.pid. A host whose pid file points at a live process is left alone.
# GRPCPORT may be empty: the host then listens on its HTTP port only (the portal).
start_host() {
    local name="$1" dll="$2" http="$3" grpc="$4"
    shift 4
    ensure_state_dirs
    local pidfile="$STATE/pids/$name.pid" logfile="$STATE/logs/$name.log"
    if host_running "$name"; then
        say "$name already running (pid $(host_pid "$name"))"
        return 0
    fi
    [ -f "$dll" ] || die "$name: $dll not found (build first)"
    [ -n "$http" ] || die "$name: no HTTP port"
    local p ports=("Ports__Address=127.0.0.1" "Ports__Http=$http")
    [ -n "$grpc" ] && ports+=("Ports__Grpc=$grpc")
    for p in "$http" "$grpc"; do
        [ -n "$p" ] || continue
        port_in_use "$p" && die "$name: port $p is already in use by another process"
    done
    local envs=()
    mapfile -t envs < <(host_env "$name")
    rotate_log "$logfile"
    echo "=== $name started $(date -Is): dotnet $dll" >"$logfile"
    (
        cd "$(dirname "$dll")" &&
            spawn "$pidfile" env ASPNETCORE_ENVIRONMENT=Development \
                "${ports[@]}" "${envs[@]}" "$@" dotnet "$dll"
    ) >>"$logfile" 2>&1 || die "could not start $name"
    say "started $name (pid $(read_pid "$pidfile"), http $http${grpc:+, grpc $grpc})"
}

start_service() { # NAME  (units|tasks|reporting|notifications|portal|gateway)
    local name="$1"
    if [ "$name" = gateway ] && [ -n "${DUBAN_GATEWAY_TENANT_RATE:-}" ] && ! [[ "$DUBAN_GATEWAY_TENANT_RATE" =~ ^[1-9][0-9]{0,6}$ ]]; then
        die "DUBAN_GATEWAY_TENANT_RATE must be a number of requests per second, not '$DUBAN_GATEWAY_TENANT_RATE'"
    fi
    [ "$name" = units ] && ensure_signing_key
    [ "$name" = portal ] && ensure_portal_keys
    start_host "$name" "$(host_dll "$name")" "$(host_port "$name" http)" "$(host_port "$name" grpc)"
}

# Stops a host by its pid file: SIGTERM, up to 10 s, then SIGKILL.
stop_host() { # NAME
    local name="$1" pid
    if pid="$(host_pid "$name")"; then
        say "stopping $name (pid $pid)"
        stop_pid "$pid" TERM 10 || warn "$name (pid $pid) still alive"
    fi
    rm -f "$STATE/pids/$name.pid"
}

# Stops every running host: SIGTERM to all at once, then waits (up to 10 s each, then SIGKILL).
stop_hosts() {
    local i name pid names=() pids=()
    for ((i = ${#HOSTS[@]} - 1; i >= 0; i--)); do
        name="${HOSTS[i]}"
        if pid="$(host_pid "$name")"; then
            say "stopping $name (pid $pid)"
            kill -TERM "$pid" 2>/dev/null || true
            names+=("$name")
            pids+=("$pid")
        else
            rm -f "$STATE/pids/$name.pid"
        fi
    done
    for i in "${!pids[@]}"; do
        stop_pid "${pids[i]}" TERM 10 || warn "${names[i]} (pid ${pids[i]}) still alive"
        rm -f "$STATE/pids/${names[i]}.pid"
    done
}

host_log_tail() { # NAME [LINES]
    local f="$STATE/logs/$1.log"
    [ -s "$f" ] || return 0
    echo "----- last ${2:-40} lines of $f -----" >&2
    tail -n "${2:-40}" "$f" >&2
    echo "-----" >&2
}

# wait_healthy URL [NAME]: polls URL/health for up to $DUBAN_HEALTH_TIMEOUT (120) s.
# On timeout, or when NAME's process exits meanwhile, prints NAME's log tail and exits 1.
wait_healthy() {
    local url="$1" name="${2:-}" deadline=$((SECONDS + HEALTH_TIMEOUT))
    while true; do
        if curl -fsS -m 5 -o /dev/null "$url/health" 2>/dev/null; then
            say "healthy: $url${name:+ ($name)}"
            return 0
        fi
        if [ -n "$name" ] && ! host_running "$name"; then
            host_log_tail "$name" 60
            echo "ERROR: $name exited before $url/health answered (log: $STATE/logs/$name.log)" >&2
            exit 1
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            [ -n "$name" ] && host_log_tail "$name" 60
            echo "ERROR: $url/health did not answer within ${HEALTH_TIMEOUT}s" >&2
            exit 1
        fi
        sleep 0.5
    done
}
