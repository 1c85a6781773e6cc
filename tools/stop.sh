#!/usr/bin/env bash
# Stops the apps tools/start.sh started (and only those). The infrastructure keeps running; stop what
# ensure-infra started itself with: bash tools/infra/ensure-infra.sh --stop
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PID_DIR=.local/run/pids
[ -d "$PID_DIR" ] || exit 0
for file in "$PID_DIR"/*.pid; do
  [ -e "$file" ] || continue
  pid=$(cat "$file")
  # Only a node process running one of our built apps is ours to stop.
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "dist/apps/"; then
    kill "$pid" 2>/dev/null || true
    [ "${1:-}" = "--quiet" ] || echo "stopped $(basename "$file" .pid)"
  fi
  rm -f "$file"
done
