# One image per app, from this single file: docker build --build-arg APP=gateway -t airtime/gateway .
# APP is one of: gateway, identity, wallet, orders, provider-adapters, notifications, provider-sim.
#
# It builds on any Docker engine, with or without BuildKit (DOCKER_BUILDKIT=0 included): no `# syntax=` line (that
# would pull a frontend image) and no BuildKit-only instruction. NODE_IMAGE may name a local stand-in where no
# registry is reachable (tools/containers/smoke.sh makes one). Nothing secret is built in: every setting comes from
# the environment when the container starts.
#
# Extra CA certificates for npm (a TLS-intercepting proxy between the build and the npm registry) can be dropped into
# tools/containers/ca/*.crt before building; they reach the build stages only, never the final image.

ARG NODE_IMAGE=node:20-bookworm-slim

# Stage 1: a compiler for argon2. Its prebuilt binary needs Node-API 10 and Node 20 has 9, so it is built from
# source against the image's own Node headers (/usr/local/include/node): node-gyp would otherwise download them.
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
COPY tools/containers/ca/ /usr/local/share/extra-ca/
# NODE_EXTRA_CA_CERTS must name a readable file, so an empty bundle when no certificate was given.
RUN cat /usr/local/share/extra-ca/*.crt > /usr/local/share/extra-ca.pem 2>/dev/null || true
ENV NODE_EXTRA_CA_CERTS=/usr/local/share/extra-ca.pem

# Stage 2: production dependencies only, argon2 compiled here and checked to load.
FROM toolchain AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm_config_build_from_source=true npm rebuild argon2 \
 && rm -rf node_modules/argon2/prebuilds node_modules/argon2/build/Release/obj.target node_modules/argon2/build/Release/.deps \
 && node -e "require('argon2').hash('probe').then(() => console.log('argon2 loads'))" \
 && npm cache clean --force

# Stage 3: every dependency, then build the app (its compiled libraries land beside it in dist/apps/$APP).
# Everything before ARG APP is the same for every app, so seven builds share these layers.
FROM toolchain AS build
WORKDIR /app
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false \
    NX_SKIP_NX_CACHE=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund && npm cache clean --force
COPY . .
ARG APP
RUN test -n "${APP}" || { echo "build with --build-arg APP=<app>" >&2; exit 1; } \
 && npx nx run "${APP}:build" --output-style=static \
 && test -f "dist/apps/${APP}/main.js"

# Final stage: production node_modules, the built app, package.json ("type": "module") and the health check, run
# as the image's unprivileged `node` user (uid 1000).
FROM ${NODE_IMAGE} AS runtime
ARG APP
ENV APP=${APP} \
    NODE_ENV=production
WORKDIR /app
# Owned by root and read-only to the app: it writes nothing here.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY tools/containers/healthcheck.mjs ./healthcheck.mjs
COPY --from=build /app/dist/apps/${APP} ./dist/apps/${APP}
USER node
# ready: the gateway's /health is 200, provider-sim answers, a NATS service holds its NATS connection and reaches
# PostgreSQL (see healthcheck.mjs).
HEALTHCHECK --interval=10s --timeout=6s --start-period=30s --retries=3 CMD ["node", "/app/healthcheck.mjs", "ready"]
# A shell, so that APP (an ENV set from the build arg) expands when the container starts; exec keeps node as PID 1's
# only process so it receives SIGTERM directly (and drains its NATS subscriptions within SHUTDOWN_GRACE_MS).
CMD ["sh", "-c", "exec node \"dist/apps/${APP}/main.js\""]
