#!/usr/bin/env bash
# Makes the platform's infrastructure, PostgreSQL, NATS with JetStream and Redis, answer at the configured
# URLs. It tries these in order:
#   a. they already answer: use them;
#   b. a Docker engine answers: `docker compose up -d` the missing ones from the repo's docker-compose.yml;
#   c. local binaries: install the Debian packages `postgresql` / `nats-server` / `redis-server` if missing (as
#      root; otherwise it prints the command and fails), then run a private PostgreSQL cluster in .local/postgres,
#      a nats-server with its JetStream store in .local/nats and a redis-server (nothing kept on disk).
# It only ever creates, starts and stops what lives under its own .local directory (or the compose services it
# started itself); it never initialises, changes or deletes a cluster or a store it did not create.
#
# Usage: tools/infra/ensure-infra.sh          make them available
#        tools/infra/ensure-infra.sh --stop   stop only what an earlier run started (data is kept)
#
# Environment:
#   PG_ADMIN_URL     postgres URL of an administrative database (default postgres://postgres@127.0.0.1:5432/postgres)
#   NATS_URL         nats://host:port (default nats://127.0.0.1:4222; of a comma-separated list the first is used)
#   REDIS_URL        redis://host:port (default redis://127.0.0.1:6379)
#   INFRA_TIMEOUT    seconds to wait for each service to become ready (default 60)
#   INFRA_DOCKER     auto (default) or never: whether step b may use Docker
#   INFRA_LOCAL_DIR  where local clusters, pid and log files live (default <repo>/.local)
#   INFRA_PG_USER    system user owning a new private cluster when run as root (default postgres)
#
# Decisions go to stdout ("postgres: already running at ..."); progress and errors go to stderr.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
NATS_URL=${NATS_URL:-nats://127.0.0.1:4222}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
INFRA_TIMEOUT=${INFRA_TIMEOUT:-60}
INFRA_DOCKER=${INFRA_DOCKER:-auto}
INFRA_PG_USER=${INFRA_PG_USER:-postgres}
LOCAL_DIR=${INFRA_LOCAL_DIR:-$REPO_ROOT/.local}
case $LOCAL_DIR in /*) ;; *) LOCAL_DIR=$PWD/$LOCAL_DIR ;; esac
COMPOSE_FILE=$REPO_ROOT/docker-compose.yml

# Everything below LOCAL_DIR is this script's own.
PG_DIR=$LOCAL_DIR/postgres
PG_DATA=$PG_DIR/data
PG_LOG=$PG_DIR/postgres.log
PG_PID_FILE=$LOCAL_DIR/postgres.pid
NATS_STORE=$LOCAL_DIR/nats
NATS_LOG=$LOCAL_DIR/nats.log
NATS_PID_FILE=$LOCAL_DIR/nats.pid
REDIS_LOG=$LOCAL_DIR/redis.log
REDIS_PID_FILE=$LOCAL_DIR/redis.pid
COMPOSE_RECORD=$LOCAL_DIR/compose-services

say() { printf '%s\n' "$*"; }
info() { printf 'ensure-infra: %s\n' "$*" >&2; }
die() {
  printf 'ensure-infra: error: %s\n' "$*" >&2
  exit 1
}
# A URL with its password, if any, hidden.
redact() { sed -E 's#(://[^:/@]*):[^@/]*@#\1:***@#' <<<"$1"; }
# A path relative to the repository when it lies inside it.
rel() { if [[ $1 == "$REPO_ROOT"/* ]]; then printf '%s' "${1#"$REPO_ROOT"/}"; else printf '%s' "$1"; fi; }

[[ $INFRA_TIMEOUT =~ ^[1-9][0-9]*$ ]] || die "INFRA_TIMEOUT must be a positive number of seconds, not '$INFRA_TIMEOUT'"
[[ $INFRA_DOCKER == auto || $INFRA_DOCKER == never ]] || die "INFRA_DOCKER must be 'auto' or 'never', not '$INFRA_DOCKER'"

# ---------------------------------------------------------------------------------------------- URLs

# parse_url <url> <default port>: sets URL_USER, URL_HOST and URL_PORT.
parse_url() {
  local url=$1 rest authority userinfo='' hostport
  [[ $url == *://* ]] || die "not a URL: $(redact "$url")"
  rest=${url#*://}
  authority=${rest%%[/?#]*}
  hostport=$authority
  if [[ $authority == *@* ]]; then
    userinfo=${authority%@*}
    hostport=${authority##*@}
  fi
  URL_USER=${userinfo%%:*}
  if [[ $hostport =~ ^\[([0-9A-Fa-f:.]+)\](:([0-9]+))?$ ]]; then
    URL_HOST=${BASH_REMATCH[1]}
    URL_PORT=${BASH_REMATCH[3]:-$2}
  elif [[ $hostport =~ ^([^:]*)(:([0-9]+))?$ ]]; then
    URL_HOST=${BASH_REMATCH[1]:-127.0.0.1}
    URL_PORT=${BASH_REMATCH[3]:-$2}
  else
    die "cannot read host and port from $(redact "$url")"
  fi
}

[[ $PG_ADMIN_URL =~ ^postgres(ql)?:// ]] || die "PG_ADMIN_URL must be a postgres:// URL, not '$(redact "$PG_ADMIN_URL")'"
parse_url "$PG_ADMIN_URL" 5432
PG_HOST=$URL_HOST PG_PORT=$URL_PORT PG_USER=${URL_USER:-postgres}
NATS_FIRST_URL=${NATS_URL%%,*}
NATS_FIRST_URL=${NATS_FIRST_URL// /}
[[ $NATS_FIRST_URL =~ ^nats:// ]] || die "NATS_URL must look like nats://host:port, not '$(redact "$NATS_URL")'"
parse_url "$NATS_FIRST_URL" 4222
NATS_HOST=$URL_HOST NATS_PORT=$URL_PORT
[[ $REDIS_URL =~ ^rediss?:// ]] || die "REDIS_URL must look like redis://host:port, not '$(redact "$REDIS_URL")'"
parse_url "$REDIS_URL" 6379
REDIS_HOST=$URL_HOST REDIS_PORT=$URL_PORT
REDIS_SHOWN=$(redact "$REDIS_URL")
PG_SHOWN=$(redact "$PG_ADMIN_URL")
NATS_SHOWN=$(redact "$NATS_FIRST_URL")

is_local_host() { [[ $1 == 127.0.0.1 || $1 == localhost || $1 == ::1 ]]; }

# ---------------------------------------------------------------------------------------------- probes

# Whether something accepts TCP connections at <host> <port>.
# shellcheck disable=SC2016 # $1 and $2 are the inner shell's arguments
tcp_open() { timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" >/dev/null 2>&1; }

# pg_probe: 0 = usable, 1 = not answering (yet), 2 = answers but refuses us. Details in PG_PROBE_DETAIL.
pg_probe() {
  PG_PROBE_DETAIL=''
  if command -v psql >/dev/null 2>&1; then
    local out
    if out=$(PGCONNECT_TIMEOUT=3 psql "$PG_ADMIN_URL" -XtAq -c 'select 1' 2>&1 </dev/null); then
      return 0
    fi
    PG_PROBE_DETAIL=$(head -n 3 <<<"$out")
    if command -v pg_isready >/dev/null 2>&1; then
      # pg_isready: 0 accepting connections, 1 rejecting (starting up), 2 no response.
      if pg_isready -q -d "$PG_ADMIN_URL" -t 3 </dev/null; then return 2; fi
      return 1
    fi
    # psql alone: a refusal at connection level means nothing listens; any other failure means it refuses us.
    if [[ $out == *"Connection refused"* || $out == *"timeout expired"* || $out == *"could not connect"* || $out == *"starting up"* ]]; then
      return 1
    fi
    return 2
  fi
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -d "$PG_ADMIN_URL" -t 3 </dev/null && return 0
    return 1
  fi
  tcp_open "$PG_HOST" "$PG_PORT" && return 0
  return 1
}

# nats_probe: 0 = NATS with JetStream, 1 = not answering, 2 = NATS without JetStream, 3 = not NATS.
# Reads the INFO line every NATS server sends on connect; NATS_VERSION is its version.
nats_probe() {
  local line
  NATS_VERSION=''
  # shellcheck disable=SC2016 # $1, $2 and $line belong to the inner shell
  line=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/$1/$2" && IFS= read -r -t 3 line <&3 && printf "%s" "$line"' \
    _ "$NATS_HOST" "$NATS_PORT" 2>/dev/null) || {
    tcp_open "$NATS_HOST" "$NATS_PORT" && return 3
    return 1
  }
  line=${line%$'\r'}
  [[ $line == INFO\ * ]] || return 3
  [[ $line =~ \"version\":\"([^\"]*)\" ]] && NATS_VERSION=${BASH_REMATCH[1]}
  [[ $line == *'"jetstream":true'* ]] || return 2
  return 0
}

# redis_probe: 0 = Redis answers PING, 1 = not answering, 3 = something else (or a Redis wanting a password).
redis_probe() {
  local line
  # shellcheck disable=SC2016 # $1 and $2 belong to the inner shell
  line=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/$1/$2" && printf "PING\r\n" >&3 && IFS= read -r -t 3 line <&3 && printf "%s" "$line"' \
    _ "$REDIS_HOST" "$REDIS_PORT" 2>/dev/null) || {
    tcp_open "$REDIS_HOST" "$REDIS_PORT" && return 3
    return 1
  }
  [[ ${line%$'\r'} == +PONG ]] && return 0
  return 3
}

# wait_until <seconds> <description> <command...>: polls until the command succeeds.
wait_until() {
  local seconds=$1 what=$2 deadline
  shift 2
  deadline=$((SECONDS + seconds))
  info "waiting up to ${seconds}s for $what"
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 1
  done
}

pg_ready() { pg_probe; }
redis_ready() { redis_probe; }
nats_ready() { nats_probe; }

# Why an answering PostgreSQL can't be used, and what to do.
pg_refuses() {
  die "postgres: something answers at $PG_SHOWN but refuses the connection:
  ${PG_PROBE_DETAIL:-no detail}
This script only uses or starts servers; it won't change one it did not create. Either set PG_ADMIN_URL (and the
apps' DATABASE_URL) to credentials that work, or to another port, e.g. PG_ADMIN_URL=postgres://postgres@127.0.0.1:5433/postgres,
so that a private cluster is started there."
}

nats_refuses() {
  case $1 in
    2) die "nats: a NATS server ${NATS_VERSION:+$NATS_VERSION }answers at $NATS_SHOWN but without JetStream, which the platform needs.
Restart it with JetStream (nats-server -js ..., or 'jetstream: enabled' in its config; for the Debian service:
systemctl disable --now nats-server), or set NATS_URL to another port, e.g. nats://127.0.0.1:4223, to start a private one." ;;
    *) die "nats: something that is not a NATS server listens at $NATS_SHOWN; set NATS_URL to a free port, e.g. nats://127.0.0.1:4223." ;;
  esac
}

pid_alive() { [[ $1 =~ ^[0-9]+$ ]] && kill -0 "$1" 2>/dev/null; }
pid_is() { pid_alive "$1" && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q -- "$2"; }
# The pid recorded in <file> if that process still runs and is <name>; empty otherwise.
owned_pid() {
  local pid
  [[ -f $1 ]] || return 0
  pid=$(head -n 1 "$1" 2>/dev/null || true)
  if pid_is "$pid" "$2"; then printf '%s' "$pid"; fi
}

# ---------------------------------------------------------------------------------------------- .local

prepare_local_dir() {
  if [[ ! -d $LOCAL_DIR ]]; then
    mkdir -p "$LOCAL_DIR"
    # Keep the private clusters, logs and pid files out of version control.
    printf '*\n' >"$LOCAL_DIR/.gitignore"
  fi
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$LOCAL_DIR/.ensure-infra.lock"
    flock -w "$((INFRA_TIMEOUT * 2))" 9 || die "another ensure-infra run holds $(rel "$LOCAL_DIR")/.ensure-infra.lock"
  fi
}

# ---------------------------------------------------------------------------------------------- Docker

compose() {
  if docker compose version >/dev/null 2>&1; then
    docker compose -f "$COMPOSE_FILE" --project-directory "$REPO_ROOT" "$@"
  elif command -v docker-compose >/dev/null 2>&1; then
    docker-compose -f "$COMPOSE_FILE" --project-directory "$REPO_ROOT" "$@"
  else
    return 127
  fi
}

docker_usable() {
  [[ $INFRA_DOCKER == auto && -f $COMPOSE_FILE ]] || return 1
  command -v docker >/dev/null 2>&1 || return 1
  timeout 15 docker info >/dev/null 2>&1 || return 1
  docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1
}

start_with_compose() { # services...
  local services=("$@") svc
  prepare_local_dir
  info "starting docker compose services: ${services[*]}"
  POSTGRES_PORT=$PG_PORT NATS_PORT=$NATS_PORT REDIS_PORT=$REDIS_PORT compose up -d "${services[@]}" >&2 ||
    die "docker compose up -d ${services[*]} failed"
  for svc in "${services[@]}"; do
    grep -qx "$svc" "$COMPOSE_RECORD" 2>/dev/null || printf '%s\n' "$svc" >>"$COMPOSE_RECORD"
  done
  for svc in "${services[@]}"; do
    case $svc in
      postgres)
        wait_until "$INFRA_TIMEOUT" "postgres at $PG_SHOWN" pg_ready ||
          die "postgres: the compose service did not become ready at $PG_SHOWN in ${INFRA_TIMEOUT}s${PG_PROBE_DETAIL:+: $PG_PROBE_DETAIL} (see: docker compose logs postgres)"
        say "postgres: started docker compose service 'postgres' at $PG_SHOWN"
        ;;
      nats)
        wait_until "$INFRA_TIMEOUT" "nats at $NATS_SHOWN" nats_ready ||
          die "nats: the compose service did not become ready at $NATS_SHOWN in ${INFRA_TIMEOUT}s (see: docker compose logs nats)"
        say "nats: started docker compose service 'nats' at $NATS_SHOWN"
        ;;
      redis)
        wait_until "$INFRA_TIMEOUT" "redis at $REDIS_SHOWN" redis_ready ||
          die "redis: the compose service did not become ready at $REDIS_SHOWN in ${INFRA_TIMEOUT}s (see: docker compose logs redis)"
        say "redis: started docker compose service 'redis' at $REDIS_SHOWN"
        ;;
    esac
  done
}

# ---------------------------------------------------------------------------------------------- packages

APT_UPDATED=0
# install_packages <package...>: as root with apt-get, otherwise prints the command and fails.
install_packages() {
  local cmd="apt-get update && apt-get install -y --no-install-recommends $*"
  if ! command -v apt-get >/dev/null 2>&1; then
    die "missing $*; install them with your system's package manager (no apt-get here) and re-run"
  fi
  if ((EUID != 0)); then
    die "missing Debian package(s) $*; install, then re-run this script:
  sudo sh -c '$cmd'"
  fi
  info "installing $* with apt-get"
  if ((APT_UPDATED == 0)); then
    apt-get update -qq >&2 || die "apt-get update failed"
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2 ||
    die "apt-get install $* failed; run it yourself: $cmd"
}

# The directory holding initdb, pg_ctl and postgres, of major version $1 if given; empty if none.
find_pg_bindir() {
  local want=${1:-} dir candidates=() version
  if command -v pg_ctl >/dev/null 2>&1; then candidates+=("$(dirname "$(command -v pg_ctl)")"); fi
  while IFS= read -r dir; do candidates+=("$dir"); done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV)
  candidates+=(/usr/local/pgsql/bin)
  for dir in "${candidates[@]}"; do
    [[ -x $dir/initdb && -x $dir/pg_ctl ]] || continue
    if [[ -n $want ]]; then
      version=$("$dir/pg_ctl" --version 2>/dev/null | grep -oE '[0-9]+' | head -n 1)
      [[ $version == "$want" ]] || continue
    fi
    printf '%s' "$dir"
    return 0
  done
}

find_redis_server() {
  local candidate
  for candidate in "$(command -v redis-server 2>/dev/null || true)" /usr/bin/redis-server /usr/local/bin/redis-server; do
    if [[ -n $candidate && -x $candidate ]]; then
      printf '%s' "$candidate"
      return 0
    fi
  done
}

find_nats_server() {
  local candidate
  for candidate in "$(command -v nats-server 2>/dev/null || true)" /usr/sbin/nats-server /usr/local/sbin/nats-server /usr/local/bin/nats-server; do
    if [[ -n $candidate && -x $candidate ]]; then
      printf '%s' "$candidate"
      return 0
    fi
  done
}

# ---------------------------------------------------------------------------------------------- local PostgreSQL

PG_OWNER=''
# Runs a command as the private cluster's owner, from / (the owner may not be able to enter the current dir).
as_pg_owner() {
  if [[ $PG_OWNER == "$(id -un)" ]]; then
    (cd / && "$@")
  else
    (cd / && runuser -u "$PG_OWNER" -- "$@")
  fi
}

choose_pg_owner() {
  local me
  me=$(id -un)
  if [[ -e $PG_DATA ]]; then
    PG_OWNER=$(stat -c %U "$PG_DATA")
  elif ((EUID == 0)); then
    PG_OWNER=$INFRA_PG_USER
    id -u "$PG_OWNER" >/dev/null 2>&1 ||
      die "postgres: running as root, a private cluster needs a non-root owner, but user '$PG_OWNER' does not exist (set INFRA_PG_USER)"
  else
    PG_OWNER=$me
  fi
  [[ $PG_OWNER != root ]] || die "postgres: $(rel "$PG_DATA") belongs to root; PostgreSQL refuses to run as root"
  if [[ $PG_OWNER != "$me" ]]; then
    ((EUID == 0)) || die "postgres: $(rel "$PG_DATA") belongs to '$PG_OWNER'; run this script as '$PG_OWNER' or as root"
    command -v runuser >/dev/null 2>&1 || die "postgres: runuser is needed to run the cluster as '$PG_OWNER'"
  fi
}

start_local_postgres() {
  is_local_host "$PG_HOST" || die "postgres: $PG_SHOWN is not on this machine and does not answer; not starting anything"
  local bindir version listen pid running_port
  if [[ -f $PG_DATA/PG_VERSION ]]; then
    version=$(<"$PG_DATA/PG_VERSION")
    bindir=$(find_pg_bindir "$version")
    [[ -n $bindir ]] || die "postgres: $(rel "$PG_DATA") is a PostgreSQL $version cluster but no PostgreSQL $version binaries are installed
(install postgresql-$version; this script won't upgrade or replace the cluster)"
  elif [[ -d $PG_DATA && -n $(ls -A "$PG_DATA" 2>/dev/null) ]]; then
    die "postgres: $(rel "$PG_DATA") is not empty and not a PostgreSQL cluster; refusing to touch it"
  else
    bindir=$(find_pg_bindir)
    [[ -n $bindir ]] || die "postgres: no PostgreSQL binaries found after installation"
  fi
  choose_pg_owner
  listen=$PG_HOST
  [[ $listen == ::1 ]] || [[ $listen == localhost ]] || listen=127.0.0.1

  if [[ ! -f $PG_DATA/PG_VERSION ]]; then
    if [[ ! -d $PG_DIR ]]; then
      mkdir -p "$PG_DIR"
      if [[ $PG_OWNER != "$(id -un)" ]]; then chown "$PG_OWNER:" "$PG_DIR"; fi
      chmod 700 "$PG_DIR"
    fi
    as_pg_owner test -w "$PG_DIR" ||
      die "postgres: user '$PG_OWNER' cannot write $PG_DIR (a parent directory may not be accessible to it); set INFRA_LOCAL_DIR to a directory it can reach, e.g. /var/tmp/airtime-infra"
    info "creating a private PostgreSQL cluster in $(rel "$PG_DATA") (owner $PG_OWNER, superuser $PG_USER, trust auth)"
    local out
    if ! out=$(as_pg_owner "$bindir/initdb" -D "$PG_DATA" -U "$PG_USER" --auth-local=trust --auth-host=trust -E UTF8 --locale=C 2>&1); then
      printf '%s\n' "$out" >&2
      die "postgres: initdb failed"
    fi
    # No Unix socket (the system's socket directory may belong to another cluster); TCP only.
    # shellcheck disable=SC2016 # $1 belongs to the inner shell
    as_pg_owner sh -c 'printf "%s\n" "" "# added by tools/infra/ensure-infra.sh" "unix_socket_directories = '"''"'" >>"$1"' _ "$PG_DATA/postgresql.conf"
  fi

  if as_pg_owner "$bindir/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1; then
    running_port=$(sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null || true)
    die "postgres: the private cluster in $(rel "$PG_DATA") is running (port ${running_port:-?}) but does not answer at $PG_SHOWN${PG_PROBE_DETAIL:+: $PG_PROBE_DETAIL}
Stop it with '$0 --stop' (or pg_ctl -D $PG_DATA stop) and re-run, or point PG_ADMIN_URL at its port."
  fi

  info "starting PostgreSQL from $(rel "$PG_DATA") on $listen:$PG_PORT (log: $(rel "$PG_LOG"))"
  if ! as_pg_owner "$bindir/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$INFRA_TIMEOUT" \
    -o "-p $PG_PORT -c listen_addresses=$listen" start >&2; then
    tail -n 20 "$PG_LOG" >&2 2>/dev/null || true
    die "postgres: pg_ctl start failed (log: $PG_LOG)"
  fi
  pid=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
  [[ -n $pid ]] && printf '%s\n' "$pid" >"$PG_PID_FILE"
  wait_until "$INFRA_TIMEOUT" "postgres at $PG_SHOWN" pg_ready ||
    die "postgres: started (pid ${pid:-?}) but not usable at $PG_SHOWN${PG_PROBE_DETAIL:+: $PG_PROBE_DETAIL} (log: $PG_LOG)"
  say "postgres: started local cluster $(rel "$PG_DATA") (PostgreSQL $(<"$PG_DATA/PG_VERSION"), pid ${pid:-?}, log $(rel "$PG_LOG")) at $PG_SHOWN"
}

# ---------------------------------------------------------------------------------------------- local NATS

start_local_nats() {
  is_local_host "$NATS_HOST" || die "nats: $NATS_SHOWN is not on this machine and does not answer; not starting anything"
  local bin pid launcher='' state deadline
  bin=$(find_nats_server)
  [[ -n $bin ]] || die "nats: no nats-server binary found after installation"
  pid=$(owned_pid "$NATS_PID_FILE" nats-server)
  if [[ -n $pid ]]; then
    info "the local nats-server (pid $pid) runs but did not answer yet"
  else
    rm -f "$NATS_PID_FILE"
    mkdir -p "$NATS_STORE"
    info "starting nats-server with JetStream on $NATS_HOST:$NATS_PORT (store: $(rel "$NATS_STORE"), log: $(rel "$NATS_LOG"))"
    local cmd=("$bin" -js -a "$NATS_HOST" -p "$NATS_PORT" -sd "$NATS_STORE" -P "$NATS_PID_FILE")
    # setsid: out of this script's process group, so that a later Ctrl-C in this terminal doesn't reach it.
    if command -v setsid >/dev/null 2>&1; then cmd=(setsid "${cmd[@]}"); fi
    nohup "${cmd[@]}" </dev/null >>"$NATS_LOG" 2>&1 &
    launcher=$!
  fi
  deadline=$((SECONDS + INFRA_TIMEOUT))
  info "waiting up to ${INFRA_TIMEOUT}s for nats at $NATS_SHOWN"
  while :; do
    state=0
    nats_probe || state=$?
    ((state == 0)) && break
    # nats-server writes its pid file (-P) itself once it runs.
    [[ -n $pid ]] || pid=$(owned_pid "$NATS_PID_FILE" nats-server)
    if ! pid_alive "$pid" && ! pid_alive "$launcher"; then
      tail -n 20 "$NATS_LOG" >&2 2>/dev/null || true
      rm -f "$NATS_PID_FILE"
      die "nats: nats-server exited (log: $NATS_LOG)"
    fi
    ((state == 1)) || nats_refuses "$state"
    ((SECONDS < deadline)) || die "nats: nats-server ${pid:+(pid $pid) }did not answer at $NATS_SHOWN in ${INFRA_TIMEOUT}s (log: $NATS_LOG)"
    sleep 1
  done
  [[ -n $pid ]] || pid=$(owned_pid "$NATS_PID_FILE" nats-server)
  [[ -n $pid ]] || die "nats: $NATS_SHOWN answers, but $(rel "$NATS_PID_FILE") names no running nats-server"
  say "nats: started local nats-server ${NATS_VERSION:+$NATS_VERSION }(pid $pid, JetStream store $(rel "$NATS_STORE"), log $(rel "$NATS_LOG")) at $NATS_SHOWN"
}

# ---------------------------------------------------------------------------------------------- local Redis

start_local_redis() {
  is_local_host "$REDIS_HOST" || die "redis: $REDIS_SHOWN is not on this machine and does not answer; not starting anything"
  local bin pid
  bin=$(find_redis_server)
  [[ -n $bin ]] || die "redis: no redis-server binary found after installation"
  rm -f "$REDIS_PID_FILE"
  info "starting redis-server on $REDIS_HOST:$REDIS_PORT (log: $(rel "$REDIS_LOG"))"
  # Rate-limit counters only: nothing is worth keeping on disk.
  "$bin" --daemonize yes --bind "$REDIS_HOST" --port "$REDIS_PORT" --save '' --appendonly no --dir "$LOCAL_DIR" \
    --pidfile "$REDIS_PID_FILE" --logfile "$REDIS_LOG" >&2 || die "redis: redis-server failed to start (log: $REDIS_LOG)"
  wait_until "$INFRA_TIMEOUT" "redis at $REDIS_SHOWN" redis_ready ||
    die "redis: redis-server did not answer at $REDIS_SHOWN in ${INFRA_TIMEOUT}s (log: $REDIS_LOG)"
  pid=$(owned_pid "$REDIS_PID_FILE" redis-server)
  say "redis: started local redis-server (pid ${pid:-?}, log $(rel "$REDIS_LOG")) at $REDIS_SHOWN"
}

# ---------------------------------------------------------------------------------------------- --stop

stop_all() {
  local stopped=0 pid recorded svc services=() bindir
  if [[ -f $NATS_PID_FILE ]]; then
    pid=$(owned_pid "$NATS_PID_FILE" nats-server)
    if [[ -n $pid ]]; then
      kill -TERM "$pid"
      for _ in $(seq 1 30); do pid_alive "$pid" || break; sleep 0.5; done
      if pid_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
      say "nats: stopped local nats-server (pid $pid); its store $(rel "$NATS_STORE") is kept"
      stopped=1
    else
      info "nats: $(rel "$NATS_PID_FILE") names no running nats-server; removing it"
    fi
    rm -f "$NATS_PID_FILE"
  fi
  if [[ -f $REDIS_PID_FILE ]]; then
    pid=$(owned_pid "$REDIS_PID_FILE" redis-server)
    if [[ -n $pid ]]; then
      kill -TERM "$pid"
      for _ in $(seq 1 30); do pid_alive "$pid" || break; sleep 0.5; done
      say "redis: stopped local redis-server (pid $pid)"
      stopped=1
    fi
    rm -f "$REDIS_PID_FILE"
  fi
  if [[ -f $PG_PID_FILE ]]; then
    recorded=$(head -n 1 "$PG_PID_FILE" 2>/dev/null || true)
    pid=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
    if [[ -n $pid && $pid == "$recorded" ]] && pid_alive "$pid"; then
      bindir=$(find_pg_bindir "$(<"$PG_DATA/PG_VERSION")")
      [[ -n $bindir ]] || die "postgres: no pg_ctl for $(rel "$PG_DATA") found"
      PG_OWNER=$(stat -c %U "$PG_DATA")
      as_pg_owner "$bindir/pg_ctl" -D "$PG_DATA" -m fast -w -t "$INFRA_TIMEOUT" stop >&2 ||
        die "postgres: pg_ctl stop failed for $(rel "$PG_DATA")"
      say "postgres: stopped local cluster $(rel "$PG_DATA") (pid $pid); its data is kept"
      stopped=1
    else
      info "postgres: $(rel "$PG_PID_FILE") names no running cluster of ours; removing it"
    fi
    rm -f "$PG_PID_FILE"
  fi
  if [[ -s $COMPOSE_RECORD ]]; then
    while IFS= read -r svc; do [[ -n $svc ]] && services+=("$svc"); done <"$COMPOSE_RECORD"
    if ((${#services[@]} > 0)); then
      compose stop "${services[@]}" >&2 || die "docker compose stop ${services[*]} failed"
      say "docker compose: stopped ${services[*]}; their volumes are kept"
      stopped=1
    fi
    rm -f "$COMPOSE_RECORD"
  fi
  ((stopped == 1)) || say "nothing to stop: no service started by this script is running"
}

# ---------------------------------------------------------------------------------------------- main

ensure() {
  local pg_state=0 nats_state=0 redis_state=0 need=() pid svc
  pg_probe || pg_state=$?
  nats_probe || nats_state=$?
  redis_probe || redis_state=$?

  case $pg_state in
    0)
      pid=$(owned_pid "$PG_PID_FILE" postgres)
      say "postgres: already running at $PG_SHOWN${pid:+ (local cluster $(rel "$PG_DATA"), pid $pid)}"
      ;;
    2) pg_refuses ;;
    *) need+=(postgres) ;;
  esac
  case $nats_state in
    0)
      pid=$(owned_pid "$NATS_PID_FILE" nats-server)
      say "nats: already running at $NATS_SHOWN (JetStream enabled${NATS_VERSION:+, server $NATS_VERSION}${pid:+, local nats-server pid $pid})"
      ;;
    1) need+=(nats) ;;
    *) nats_refuses "$nats_state" ;;
  esac
  case $redis_state in
    0)
      pid=$(owned_pid "$REDIS_PID_FILE" redis-server)
      say "redis: already running at $REDIS_SHOWN${pid:+ (local redis-server pid $pid)}"
      ;;
    1) need+=(redis) ;;
    *) die "redis: something answers at $REDIS_SHOWN but not as a Redis we can use (a password?); set REDIS_URL to one that works, or to a free port" ;;
  esac
  ((${#need[@]} > 0)) || return 0
  for svc in "${need[@]}"; do
    case $svc in
      postgres) is_local_host "$PG_HOST" || die "postgres: nothing answers at $PG_SHOWN, which is not on this machine; not starting anything" ;;
      nats) is_local_host "$NATS_HOST" || die "nats: nothing answers at $NATS_SHOWN, which is not on this machine; not starting anything" ;;
      redis) is_local_host "$REDIS_HOST" || die "redis: nothing answers at $REDIS_SHOWN, which is not on this machine; not starting anything" ;;
    esac
  done

  if docker_usable; then
    start_with_compose "${need[@]}"
    return 0
  fi
  [[ $INFRA_DOCKER == never ]] || info "no usable Docker engine; using local binaries for: ${need[*]}"

  local missing=()
  for svc in "${need[@]}"; do
    case $svc in
      postgres) [[ -n $(find_pg_bindir) ]] || missing+=(postgresql) ;;
      nats) [[ -n $(find_nats_server) ]] || missing+=(nats-server) ;;
      redis) [[ -n $(find_redis_server) ]] || missing+=(redis-server) ;;
    esac
  done
  if ((${#missing[@]} > 0)); then
    install_packages "${missing[@]}"
    # A package may have started its own service on the configured port; use it if it fits, else explain.
    local remaining=()
    for svc in "${need[@]}"; do
      case $svc in
        postgres)
          pg_state=0
          pg_probe || pg_state=$?
          case $pg_state in
            0) say "postgres: already running at $PG_SHOWN (started by the postgresql package)" ;;
            2) pg_refuses ;;
            *) remaining+=(postgres) ;;
          esac
          ;;
        nats)
          nats_state=0
          nats_probe || nats_state=$?
          case $nats_state in
            0) say "nats: already running at $NATS_SHOWN (started by the nats-server package)" ;;
            1) remaining+=(nats) ;;
            *) nats_refuses "$nats_state" ;;
          esac
          ;;
        redis)
          redis_state=0
          redis_probe || redis_state=$?
          if ((redis_state == 0)); then say "redis: already running at $REDIS_SHOWN (started by the redis-server package)"; else remaining+=(redis); fi
          ;;
      esac
    done
    ((${#remaining[@]} > 0)) || return 0
    need=("${remaining[@]}")
  fi

  prepare_local_dir
  for svc in "${need[@]}"; do
    case $svc in
      postgres) start_local_postgres ;;
      nats) start_local_nats ;;
      redis) start_local_redis ;;
    esac
  done
}

case ${1:-} in
  '') ensure ;;
  --stop) stop_all ;;
  -h | --help) sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}" ;;
  *) die "unknown argument '$1' (usage: $0 [--stop])" ;;
esac
