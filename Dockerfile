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
# The final image is Debian's slim image with Node's binary only: npm, yarn and Node's headers (about 75 MB of
# node:20-bookworm-slim) are for building, not running.
ARG RUNTIME_IMAGE=debian:bookworm-slim

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

# Stage 2: production dependencies only, argon2 compiled here and checked to load, then pruned of what never runs:
# TypeScript sources and declarations, source maps and docs (about half of the tree), TypeScript itself (a
# dependency of @nestjs/graphql's and @nestjs/swagger's compiler plugins only) and TypeORM's browser build.
FROM toolchain AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && cd node_modules/argon2 \
 && node /usr/local/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js rebuild \
 && rm -rf prebuilds build/Release/obj.target build/Release/.deps \
 && cd /app \
 && node -e "require('argon2').hash('probe').then(() => console.log('argon2 loads'))" \
 && rm -rf node_modules/typescript node_modules/typeorm/browser \
 && find node_modules -type f \( -name '*.ts' -o -name '*.mts' -o -name '*.cts' -o -name '*.map' -o -name '*.md' \) -delete \
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
# BUILD_APPS (space-separated; docker-compose.yml passes every app) compiles them all in one layer that every image
# then shares, two at a time: seven images for little more than the price of one build each. Without it only APP
# is compiled.
ARG BUILD_APPS=
RUN if [ -n "${BUILD_APPS}" ]; then \
      npx nx run-many -t build --projects="$(echo ${BUILD_APPS} | tr ' ' ',')" --parallel=2 --output-style=static; \
    fi
ARG APP
RUN test -n "${APP}" || { echo "build with --build-arg APP=<app>" >&2; exit 1; } \
 && { test -f "dist/apps/${APP}/main.js" || npx nx run "${APP}:build" --output-style=static; } \
 && test -f "dist/apps/${APP}/main.js"

FROM ${NODE_IMAGE} AS node

# Final stage: Node's binary, production node_modules, the built app, package.json ("type": "module") and the health
# check, run as an unprivileged user (uid 1000, as the node image's `node`).
FROM ${RUNTIME_IMAGE} AS runtime
ARG APP
ENV APP=${APP} \
    NODE_ENV=production
COPY --from=node /usr/local/bin/node /usr/local/bin/node
RUN groupadd --gid 1000 node \
 && useradd --uid 1000 --gid node --shell /bin/sh --create-home node \
 && node --version
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
