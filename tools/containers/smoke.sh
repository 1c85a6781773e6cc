#!/usr/bin/env bash
# The container smoke test: builds every app image from the Dockerfile, starts docker-compose.yml's stack on ports
# of its own with orders and provider-adapters at two replicas each, sends orders through the gateway, stops one
# orders replica in the middle of the run, and checks that every order still reaches its final state and that the
# ledger adds up. It prints each image's size and tears the stack down.
#
#   bash tools/containers/smoke.sh
#
# What it needs and does:
#   - a Docker engine: one that answers is used as it is; otherwise, as root, it installs Debian's docker.io,
#     docker-compose and debootstrap (apt-get) and starts dockerd, niced, and stops it at the end. Where it cannot
#     (not root, no Debian registry, an engine that will not start), it prints why and exits 75 (skipped).
#   - base images: the real ones (node:20-bookworm-slim, debian:bookworm-slim, postgres:16-alpine, nats:2.11-alpine,
#     redis:7-alpine) when present or pullable (SMOKE_PULL=1); otherwise local stand-ins made from Debian's packages
#     (a debootstrap bookworm minbase root imported into Docker, trimmed as debian:bookworm-slim is; PostgreSQL 15,
#     nats-server and Redis from bookworm; the host's Node 20 copied in for node:20-bookworm-slim). They are kept,
#     labelled with what they were made from, so a second run skips them; SMOKE_REBUILD_STANDINS=1 remakes them.
#   - npm inside the build: the host's /usr/local/share/ca-certificates/*.crt are copied to tools/containers/ca/
#     (ignored by git) and trusted in the build stages only.
#
# Environment (all optional):
#   SMOKE_ORDERS          orders to send (default 60)
#   SMOKE_CONCURRENCY     orders in flight at once (default 6)
#   SMOKE_PORT_BASE       host ports used: base+3000 gateway, +4010 provider-sim, +5432 postgres, +4222 nats,
#                         +6379 redis (default 20000: 23000, 24010, 25432, 24222, 26379), on 127.0.0.1 only
#   SMOKE_PROJECT         compose project name (default airtime-smoke)
#   SMOKE_KEEP=1          leave the stack running at the end (for a look); `docker-compose -p <project> down -v` later
#   SMOKE_PULL=1          try `docker pull` for the real base images before making stand-ins
#   SMOKE_NICE            niceness of a dockerd this script starts, hence of builds and containers (default 10)
#   DEBIAN_MIRROR         for debootstrap (default: the host's first Debian URI, else http://deb.debian.org/debian)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/tools/containers
STATE=${SMOKE_STATE_DIR:-$ROOT/.local/containers}
PROJECT=${SMOKE_PROJECT:-airtime-smoke}
ORDERS=${SMOKE_ORDERS:-60}
CONCURRENCY=${SMOKE_CONCURRENCY:-6}
PORT_BASE=${SMOKE_PORT_BASE:-20000}
SMOKE_NICE=${SMOKE_NICE:-10}
APPS=(provider-sim identity wallet orders provider-adapters notifications gateway)
SKIPPED=75
STARTED=$SECONDS

say() { printf 'smoke: %s\n' "$*"; }
die() {
  printf 'smoke: FAILED: %s\n' "$*" >&2
  exit 1
}
skip() {
  printf 'smoke: SKIPPED: %s\n' "$*"
  exit "$SKIPPED"
}
elapsed() { printf '%ss' "$((SECONDS - STARTED))"; }

mkdir -p "$STATE"
# The state of the container files this run tests; recorded for tools/test.sh when it passes.
TESTED_DIGEST=$(bash "$HERE/smoke-state.sh")

# ---------------------------------------------------------------------------------------------- engine

ENGINE_PID=''
DOCKER=docker
engine_answers() { timeout 10 "$DOCKER" info >/dev/null 2>&1; }

start_engine() {
  if command -v docker >/dev/null 2>&1 && engine_answers; then
    say "using the Docker engine that already runs ($("$DOCKER" version --format '{{.Server.Version}}' 2>/dev/null))"
    return
  fi
  [[ $(id -u) == 0 ]] || skip "no Docker engine answers and this is not root, so none can be installed or started here"
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v docker-compose >/dev/null 2>&1 || docker compose version >/dev/null 2>&1 || missing+=(docker-compose)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  if ((${#missing[@]} > 0)); then
    command -v apt-get >/dev/null 2>&1 || skip "no Docker engine, and no apt-get to install ${missing[*]}"
    say "installing ${missing[*]} (apt-get)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
      >"$STATE/apt.log" 2>&1 || skip "apt-get could not install ${missing[*]} (no Debian registry?); see $STATE/apt.log"
  fi
  # The engine's own client, when the PATH's first is another (newer) one.
  [[ -x /usr/bin/docker ]] && DOCKER=/usr/bin/docker
  say "starting dockerd (nice $SMOKE_NICE; log $STATE/dockerd.log)"
  nice -n "$SMOKE_NICE" dockerd --pidfile "$STATE/dockerd.pid" >"$STATE/dockerd.log" 2>&1 &
  ENGINE_PID=$!
  for _ in $(seq 1 60); do
    engine_answers && break
    kill -0 "$ENGINE_PID" 2>/dev/null || break
    sleep 1
  done
  if ! engine_answers; then
    tail -n 15 "$STATE/dockerd.log" >&2 || true
    stop_engine
    skip "dockerd does not start on this machine (see $STATE/dockerd.log)"
  fi
}

stop_engine() {
  [[ -n $ENGINE_PID ]] || return 0
  kill -TERM "$ENGINE_PID" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$ENGINE_PID" 2>/dev/null || break; sleep 1; done
  kill -KILL "$ENGINE_PID" 2>/dev/null || true
  say "stopped the dockerd this run started (pid $ENGINE_PID)"
  ENGINE_PID=''
}

COMPOSE=()
pick_compose() {
  if "$DOCKER" compose version >/dev/null 2>&1; then
    COMPOSE=("$DOCKER" compose)
  elif command -v docker-compose >/dev/null 2>&1; then
    COMPOSE=(docker-compose)
  elif [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1 &&
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose; } >"$STATE/apt.log" 2>&1; then
    COMPOSE=(docker-compose)
  else
    skip "neither 'docker compose' nor docker-compose is installed, and docker-compose cannot be installed here"
  fi
}
compose() { "${COMPOSE[@]}" -f "$ROOT/docker-compose.yml" --project-directory "$ROOT" -p "$PROJECT" "$@"; }

STACK_UP=0
cleanup() {
  local status=$?
  set +e
  if ((STACK_UP == 1)); then
    if ((status != 0)); then
      say "logs of the stack's last minute (before tearing down):"
      compose logs --no-color --tail=40 >"$STATE/stack.log" 2>&1
      tail -n 80 "$STATE/stack.log"
      say "(whole logs: $STATE/stack.log)"
    fi
    if [[ ${SMOKE_KEEP:-0} == 1 ]]; then
      say "SMOKE_KEEP=1: the stack is left running (project $PROJECT); ${COMPOSE[*]} -p $PROJECT down -v"
    else
      compose down -v --remove-orphans >"$STATE/down.log" 2>&1 && say "stack torn down (containers, network, volumes)"
    fi
  fi
  [[ ${SMOKE_KEEP:-0} == 1 && $STACK_UP == 1 ]] || stop_engine
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------- base images

# Stand-ins are labelled with a digest of what made them; a changed recipe or another host Node remakes them.
recipe_digest() { { cat "$HERE/standins/$1/"*; [[ $1 == node ]] && node --version; echo "$BASE_IMAGE"; } | sha256sum | cut -c1-16; }
image_label() { "$DOCKER" image inspect --format "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null || true; }
have_image() { "$DOCKER" image inspect "$1" >/dev/null 2>&1; }

debian_mirror() {
  local uri
  uri=$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
    grep -v security | head -n 1 | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }')
  printf '%s' "${DEBIAN_MIRROR:-${uri:-http://deb.debian.org/debian}}"
}

BASE_IMAGE=airtime-standin/bookworm:minbase
make_base() {
  if have_image "$BASE_IMAGE" && [[ ${SMOKE_REBUILD_STANDINS:-0} != 1 ]]; then return; fi
  local root=$STATE/rootfs mirror
  mirror=$(debian_mirror)
  say "making $BASE_IMAGE: debootstrap --variant=minbase bookworm from $mirror (about 1.5 minutes, once)"
  rm -rf "$root"
  command -v debootstrap >/dev/null 2>&1 || skip "no base images can be pulled or made: debootstrap is not installed (run as root to install it)"
  debootstrap --variant=minbase bookworm "$root" "$mirror" >"$STATE/debootstrap.log" 2>&1 ||
    skip "no base images can be pulled or made: debootstrap from $mirror failed (no Debian registry?); see $STATE/debootstrap.log"
  # What debian:bookworm-slim leaves out too.
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* \
    "$root"/usr/share/info/* "$root"/usr/share/locale/*
  tar -C "$root" -c . | "$DOCKER" import -c 'CMD ["bash"]' - "$BASE_IMAGE" >/dev/null
  rm -rf "$root"
}

# use_or_stand_in <name> <official image> <stand-in tag>: prints the image to use.
use_or_stand_in() {
  local name=$1 official=$2 tag=$3 digest context
  if have_image "$official"; then printf '%s' "$official"; return; fi
  if [[ ${SMOKE_PULL:-0} == 1 ]] && timeout 120 "$DOCKER" pull -q "$official" >/dev/null 2>&1; then printf '%s' "$official"; return; fi
  make_base >&2
  # debian:bookworm-slim's stand-in is the trimmed minbase root itself.
  if [[ $name == debian ]]; then printf '%s' "$BASE_IMAGE"; return; fi
  digest=$(recipe_digest "$name")
  if [[ $(image_label "$tag" airtime.standin.recipe) == "$digest" && ${SMOKE_REBUILD_STANDINS:-0} != 1 ]]; then
    printf '%s' "$tag"
    return
  fi
  say "making stand-in $tag for $official" >&2
  context=$HERE/standins/$name
  if [[ $name == node ]]; then
    # The host's Node, laid out as the official image has it.
    local node_bin npm_dir include_dir
    node_bin=$(command -v node) || die "no node on this host to copy into the node stand-in"
    node_bin=$(readlink -f "$node_bin")
    npm_dir=$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/.." && pwd)
    include_dir=$(dirname "$node_bin")/../include/node
    [[ -f $include_dir/node_api.h ]] || die "no Node headers at $include_dir (argon2 builds against them)"
    context=$STATE/node-standin
    rm -rf "$context"
    mkdir -p "$context"
    cp "$HERE/standins/node/Dockerfile" "$context/"
    cp "$node_bin" "$context/node"
    cp -r "$npm_dir" "$context/npm"
    cp -rL "$include_dir" "$context/include"
  fi
  DOCKER_BUILDKIT=0 "$DOCKER" build -q --build-arg BASE="$BASE_IMAGE" --label airtime.standin.recipe="$digest" -t "$tag" "$context" \
    >"$STATE/standin-$name.log" 2>&1 || { tail -n 30 "$STATE/standin-$name.log" >&2; die "building the $name stand-in failed"; }
  [[ $name == node ]] && rm -rf "$STATE/node-standin"
  printf '%s' "$tag"
}

# ---------------------------------------------------------------------------------------------- run

start_engine
pick_compose
say "compose: $("${COMPOSE[@]}" version --short 2>/dev/null || "${COMPOSE[@]}" version | head -n 1)"

# The legacy builder works on every engine; BuildKit, where present, builds the same file (no frontend is pulled).
export DOCKER_BUILDKIT=${DOCKER_BUILDKIT:-0} COMPOSE_DOCKER_CLI_BUILD=${COMPOSE_DOCKER_CLI_BUILD:-0}

NODE_IMAGE=$(use_or_stand_in node node:20-bookworm-slim airtime-standin/node:20-bookworm-slim)
RUNTIME_IMAGE=$(use_or_stand_in debian debian:bookworm-slim "$BASE_IMAGE")
POSTGRES_IMAGE=$(use_or_stand_in postgres postgres:16-alpine airtime-standin/postgres:15-bookworm)
NATS_IMAGE=$(use_or_stand_in nats nats:2.11-alpine airtime-standin/nats:bookworm)
REDIS_IMAGE=$(use_or_stand_in redis redis:7-alpine airtime-standin/redis:7-bookworm)
export NODE_IMAGE RUNTIME_IMAGE POSTGRES_IMAGE NATS_IMAGE REDIS_IMAGE
say "base images: $NODE_IMAGE, $RUNTIME_IMAGE, $POSTGRES_IMAGE, $NATS_IMAGE, $REDIS_IMAGE ($(elapsed))"

# npm behind a TLS-intercepting proxy: the host's extra CAs, for the build stages only.
rm -f "$HERE"/ca/*.crt
for crt in /usr/local/share/ca-certificates/*.crt; do [[ -f $crt ]] && cp "$crt" "$HERE/ca/"; done

# Settings: development mode (the simulators stand in for every upstream), but every secret set here and passed
# through the environment, as production must do.
export AIRTIME_TAG=smoke NODE_ENV=development LOG_LEVEL=warn
export GATEWAY_PORT=$((PORT_BASE + 3000)) PROVIDER_SIM_PORT=$((PORT_BASE + 4010)) POSTGRES_PORT=$((PORT_BASE + 5432)) \
  NATS_PORT=$((PORT_BASE + 4222)) REDIS_PORT=$((PORT_BASE + 6379))
for port in $GATEWAY_PORT $PROVIDER_SIM_PORT $POSTGRES_PORT $NATS_PORT $REDIS_PORT; do
  if timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null; then
    die "port $port is taken on this host; choose another SMOKE_PORT_BASE"
  fi
done
secret() { node -e "process.stdout.write(require('node:crypto').randomBytes($1).toString('hex'))"; }
OPERATOR_PHONE=0779990001
OPERATOR_TOTP=$(node -e "const a='ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',b=require('node:crypto').randomBytes(32);process.stdout.write([...b].map((x)=>a[x%32]).join(''))")
export JWT_SECRET=$(secret 32) WEBHOOK_SECRET_KEY=$(secret 32) CAMPAIGN_SECRET_KEY=$(secret 32) \
  OPERATOR_PHONES=$OPERATOR_PHONE OPERATOR_TOTP_SECRETS="$OPERATOR_PHONE=$OPERATOR_TOTP" \
  RECONCILE_INTERVAL_SECONDS=5 RECONCILE_GRACE_SECONDS=10

say "building the app images (compose build; the first run takes a few minutes, later ones reuse the layers)"
build_started=$SECONDS
compose build >"$STATE/build.log" 2>&1 || { tail -n 40 "$STATE/build.log" >&2; die "image build failed (see $STATE/build.log)"; }
say "images built in $((SECONDS - build_started))s ($(elapsed))"

compose down -v --remove-orphans >/dev/null 2>&1 || true
STACK_UP=1
up_started=$SECONDS
compose up -d --scale orders=2 --scale provider-adapters=2 >"$STATE/up.log" 2>&1 ||
  { tail -n 30 "$STATE/up.log" >&2; die "compose up failed (see $STATE/up.log)"; }
GATEWAY_URL=http://127.0.0.1:$GATEWAY_PORT
for _ in $(seq 1 180); do
  curl -fsS "$GATEWAY_URL/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS "$GATEWAY_URL/health" >/dev/null 2>&1 || die "the gateway did not report healthy within 3 minutes: $(curl -sS "$GATEWAY_URL/health" 2>&1)"
say "stack healthy in $((SECONDS - up_started))s: $(compose ps -q | wc -l) containers ($(elapsed))"

# Every container's own HEALTHCHECK, once they have had time to run it.
for _ in $(seq 1 60); do
  states=$("$DOCKER" inspect --format '{{.Name}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' $(compose ps -q))
  grep -q starting <<<"$states" || break
  sleep 1
done
grep -Eq ' (unhealthy|starting)$' <<<"$states" && die "containers not healthy: $(grep -E ' (unhealthy|starting)$' <<<"$states" | tr '\n' ' ')"
say "every container healthy by its own health check: $(awk '{print $1}' <<<"$states" | sed 's#^/##' | sort | tr '\n' ' ')"

orders_replicas=$(compose ps -q orders)
[[ $(wc -l <<<"$orders_replicas") == 2 ]] || die "expected 2 orders replicas, found: $orders_replicas"
[[ $(compose ps -q provider-adapters | wc -l) == 2 ]] || die "expected 2 provider-adapters replicas"

GATEWAY_URL=$GATEWAY_URL SIM_URL=http://127.0.0.1:$PROVIDER_SIM_PORT OPERATOR_PHONE=$OPERATOR_PHONE OPERATOR_TOTP=$OPERATOR_TOTP \
  SMOKE_ORDERS=$ORDERS SMOKE_CONCURRENCY=$CONCURRENCY SMOKE_DOCKER=$DOCKER SMOKE_STOP_CONTAINER=$(head -n 1 <<<"$orders_replicas") \
  node "$HERE/smoke-orders.mjs" || die "orders through the stack"

say "image sizes:"
size() { "$DOCKER" image inspect --format '{{.Size}}' "$1" | awk '{ printf "%.0f MB", $1 / 1e6 }'; }
for app in "${APPS[@]}"; do printf '  %-34s %s\n' "airtime/$app:smoke" "$(size "airtime/$app:smoke")"; done
printf '  %-34s %s\n' "(runtime base: $RUNTIME_IMAGE)" "$(size "$RUNTIME_IMAGE")"
say "what one image holds (gateway's layers):"
"$DOCKER" history --format '{{.Size}}\t{{.CreatedBy}}' "airtime/gateway:smoke" | awk -F'\t' '$1 != "0B"' | cut -c1-110 | sed 's/^/  /'
say "PASSED in $(elapsed)"
if [[ $(bash "$HERE/smoke-state.sh") == "$TESTED_DIGEST" ]]; then
  printf '%s\n' "$TESTED_DIGEST" >"$HERE/smoke-tested.sha256"
  say "recorded the smoke-tested state in tools/containers/smoke-tested.sha256 ($TESTED_DIGEST); commit it with the change"
else
  say "the container files changed during the run: the smoke-tested state is not recorded"
fi
