#!/usr/bin/env bash
# One command from a fresh clone to the whole platform running locally:
# install, infrastructure, build, every app (migrating its schema on start), a seeded demo tenant.
#
#   npm start              run in the foreground; Ctrl-C stops every app
#   npm start -- --detach  leave the apps running in the background; stop them with `npm run stop`
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

DETACH=false
[ "${1:-}" = "--detach" ] && DETACH=true

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

bash tools/infra/ensure-infra.sh

RUN_DIR=$ROOT/.local/run
mkdir -p "$RUN_DIR/logs" "$RUN_DIR/pids"

# A JWT secret of this checkout's own, made once and kept out of git (.local is ignored).
if [ ! -f "$RUN_DIR/secrets.env" ]; then
  printf 'JWT_SECRET=%s\n' "$(node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('hex'))")" >"$RUN_DIR/secrets.env"
  chmod 600 "$RUN_DIR/secrets.env"
fi
set -a
# shellcheck disable=SC1091
. "$RUN_DIR/secrets.env"
NODE_ENV=${NODE_ENV:-development}
LOG_LEVEL=${LOG_LEVEL:-log}
NATS_URL=${NATS_URL:-nats://127.0.0.1:4222}
GATEWAY_PORT=${GATEWAY_PORT:-3000}
SIM_PORT=${SIM_PORT:-4010}
SMS_API_BASE_URL=${SMS_API_BASE_URL:-http://127.0.0.1:$SIM_PORT/africastalking}
SMS_SANDBOX_API_BASE_URL=${SMS_SANDBOX_API_BASE_URL:-http://127.0.0.1:$SIM_PORT/africastalking-sandbox}
# Development only: webhook receivers on this machine (production refuses this setting).
WEBHOOK_ALLOW_PRIVATE_TARGETS=${WEBHOOK_ALLOW_PRIVATE_TARGETS:-true}
DATABASE_URL=${DATABASE_URL:-$(bash tools/infra/create-database.sh "${DATABASE_NAME:-airtime}")}
set +a

export NX_DAEMON=false NX_TUI=false NX_NO_CLOUD=true
# Development only: the dashboard's sign-up and PIN screens link to the simulator's SMS inbox. Vite bakes
# it into the build (and nx keys the build's cache on it), so a production build without it has no link.
export VITE_SMS_INBOX_URL=${VITE_SMS_INBOX_URL:-http://localhost:$SIM_PORT/sim/sms}
npx nx run-many -t build --projects=tag:type:app --output-style=static

bash tools/stop.sh --quiet
APPS=(provider-sim identity wallet orders provider-adapters notifications gateway)
# Each app's internal metrics port (/metrics, /livez, /readyz): METRICS_PORT_BASE, +1, ... in the order above.
METRICS_PORT_BASE=${METRICS_PORT_BASE:-9464}
metrics_port=$METRICS_PORT_BASE
for app in "${APPS[@]}"; do
  port=
  [ "$app" = gateway ] && port=$GATEWAY_PORT
  [ "$app" = provider-sim ] && port=$SIM_PORT
  METRICS_PORT=$metrics_port METRICS_HOST=127.0.0.1 PORT=$port nohup node "dist/apps/$app/main.js" >"$RUN_DIR/logs/$app.log" 2>&1 &
  metrics_port=$((metrics_port + 1))
  echo $! >"$RUN_DIR/pids/$app.pid"
done

# The dashboard: its built files served by vite preview, forwarding /graphql and /api to the gateway.
# `--outDir dist/apps/…` is on its command line so that stop.sh knows the process for one of ours.
DASHBOARD_PORT=${DASHBOARD_PORT:-4200}
DASHBOARD_PORT=$DASHBOARD_PORT DASHBOARD_GATEWAY_URL=http://127.0.0.1:$GATEWAY_PORT nohup node node_modules/vite/bin/vite.js preview \
  --config apps/dashboard/vite.config.ts --outDir "$ROOT/dist/apps/dashboard" >"$RUN_DIR/logs/dashboard.log" 2>&1 &
echo $! >"$RUN_DIR/pids/dashboard.pid"

stop_all() { bash tools/stop.sh; }
if [ "$DETACH" = false ]; then trap stop_all INT TERM EXIT; fi

printf 'Waiting for the platform to report healthy'
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$GATEWAY_PORT/health" >/dev/null 2>&1; then break; fi
  printf '.'
  sleep 0.5
done
echo
if ! curl -fsS "http://127.0.0.1:$GATEWAY_PORT/health" >/dev/null 2>&1; then
  echo "The platform did not become healthy. Health says:" >&2
  curl -sS "http://127.0.0.1:$GATEWAY_PORT/health" >&2 || true
  echo >&2
  echo "Logs are in $RUN_DIR/logs/" >&2
  exit 1
fi

GATEWAY_URL=http://127.0.0.1:$GATEWAY_PORT SIM_URL=http://127.0.0.1:$SIM_PORT node tools/seed-demo.mjs

cat <<EOT
Gateway (REST and GraphQL):  http://localhost:$GATEWAY_PORT   (GraphQL at /graphql, health at /health)
Simulators and SMS inbox:    http://localhost:$SIM_PORT       (SMS inbox at /sim/sms)
Dashboard:                   http://localhost:$DASHBOARD_PORT       (log in with the demo tenant's phone and PIN above)
Metrics (Prometheus):        http://127.0.0.1:$((METRICS_PORT_BASE + 1))/metrics … $((METRICS_PORT_BASE + 6))/metrics   (identity, wallet, orders, provider-adapters, notifications, gateway)
Logs:                        $RUN_DIR/logs/<app>.log
EOT

if [ "$DETACH" = true ]; then
  echo "Running in the background; stop with: npm run stop"
else
  echo "Press Ctrl-C to stop."
  wait
fi
