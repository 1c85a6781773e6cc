#!/usr/bin/env bash
# Every check, from a fresh clone: install, infrastructure, lint, typecheck, unit and service tests,
# build, then the end-to-end flows against the whole platform, then (only when the container files changed since the
# last smoke-tested state) the container smoke test. This is what `npm test` and CI run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

bash tools/infra/ensure-infra.sh
# The dashboard's browser flows drive Debian's Chromium.
bash tools/infra/ensure-chromium.sh

export NX_DAEMON=false NX_TUI=false NX_NO_CLOUD=true
npx nx run-many -t lint typecheck test build --output-style=stream
npx nx run platform-e2e:e2e --output-style=stream
# Slow (minutes): only when Dockerfile, docker-compose.yml, deploy/ or tools/containers/ changed since the state
# recorded in tools/containers/smoke-tested.sha256, and only where a Docker engine can run (else it says why).
bash tools/containers/smoke-state.sh --ci
