# syntax=docker/dockerfile:1
# One image per app, from this single file: docker build --build-arg APP=gateway -t airtime/gateway .
# APP is one of: gateway, identity, wallet, orders, provider-adapters, notifications, provider-sim.

ARG NODE_IMAGE=node:20-bookworm-slim

# Stage 1: all dependencies, then build the app (its compiled libraries land beside it in dist/apps/$APP).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_SKIP_NX_CACHE=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG APP
RUN test -n "${APP}" || { echo "build with --build-arg APP=<app>" >&2; exit 1; } \
 && npx nx run "${APP}:build" \
 && test -f "dist/apps/${APP}/main.js"

# Stage 2: production dependencies only.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# Final stage: production node_modules, the built app and package.json ("type": "module"), run as `node`.
FROM ${NODE_IMAGE} AS runtime
ARG APP
ENV APP=${APP} \
    NODE_ENV=production
WORKDIR /app
COPY --chown=node:node package.json ./
COPY --from=prod-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist/apps/${APP} ./dist/apps/${APP}
USER node
# A shell, so that APP (an ENV set from the build arg) expands when the container starts; exec keeps node as PID 1's
# only process so it receives SIGTERM directly.
CMD ["sh", "-c", "exec node \"dist/apps/${APP}/main.js\""]
