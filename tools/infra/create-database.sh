#!/usr/bin/env bash
# Creates a database on the PostgreSQL server of PG_ADMIN_URL unless it exists already (idempotent, safe to run
# concurrently). Prints the new database's URL on stdout, e.g.
#   export DATABASE_URL=$(tools/infra/create-database.sh airtime)
# Uses psql when installed; otherwise node with the `pg` package from the repo's node_modules.
#
# Usage: tools/infra/create-database.sh <name>
# Environment:
#   PG_ADMIN_URL      postgres URL of an administrative database (default postgres://postgres@127.0.0.1:5432/postgres)
#   CREATE_DB_CLIENT  auto (default), psql or node: which client to use
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
CREATE_DB_CLIENT=${CREATE_DB_CLIENT:-auto}
export PGCONNECT_TIMEOUT=${PGCONNECT_TIMEOUT:-10}

info() { printf 'create-database: %s\n' "$*" >&2; }
die() {
  printf 'create-database: error: %s\n' "$*" >&2
  exit 1
}
redact() { sed -E 's#(://[^:/@]*):[^@/]*@#\1:***@#' <<<"$1"; }

(($# == 1)) || die "usage: $0 <database name>"
NAME=$1
# A plain identifier keeps the name safe in URLs and in every client; it is quoted in SQL all the same.
[[ $NAME =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]] ||
  die "'$NAME' is not a valid database name here (letters, digits and _, not starting with a digit, at most 63)"
[[ $PG_ADMIN_URL =~ ^(postgres(ql)?://[^/?#]*)(/[^?#]*)?(\?[^#]*)?$ ]] ||
  die "PG_ADMIN_URL must be a postgres:// URL, not '$(redact "$PG_ADMIN_URL")'"
DATABASE_URL="${BASH_REMATCH[1]}/$NAME${BASH_REMATCH[4]}"
ADMIN_SHOWN=$(redact "$PG_ADMIN_URL")

case $CREATE_DB_CLIENT in
  auto) if command -v psql >/dev/null 2>&1; then CREATE_DB_CLIENT=psql; else CREATE_DB_CLIENT=node; fi ;;
  psql | node) ;;
  *) die "CREATE_DB_CLIENT must be auto, psql or node, not '$CREATE_DB_CLIENT'" ;;
esac

# Prints "exists" or "created".
with_psql() {
  command -v psql >/dev/null 2>&1 || die "psql is not installed"
  local psql=(psql "$PG_ADMIN_URL" -X -q -t -A -v ON_ERROR_STOP=1 -v "name=$NAME")
  local found out
  # psql variables are only interpolated in scripts read from stdin or a file, not in -c commands.
  found=$("${psql[@]}" <<<"SELECT 1 FROM pg_database WHERE datname = :'name';") ||
    die "cannot query $ADMIN_SHOWN"
  if [[ $found == 1 ]]; then
    echo exists
    return
  fi
  if out=$("${psql[@]}" 2>&1 <<<'CREATE DATABASE :"name";'); then
    echo created
    return
  fi
  # Another run may have created it in the meantime.
  found=$("${psql[@]}" <<<"SELECT 1 FROM pg_database WHERE datname = :'name';" 2>/dev/null || true)
  if [[ $found == 1 ]]; then
    echo exists
    return
  fi
  printf '%s\n' "$out" >&2
  die "could not create database $NAME on $ADMIN_SHOWN"
}

with_node() {
  command -v node >/dev/null 2>&1 || die "neither psql nor node is installed"
  [[ -f $REPO_ROOT/node_modules/pg/package.json ]] ||
    die "psql is not installed and the pg package is missing from node_modules; run 'npm ci' in $REPO_ROOT (or install psql)"
  # Run from the repo root so that require('pg') resolves to its node_modules; values come in through the environment.
  # shellcheck disable=SC2016 # the single-quoted text is JavaScript
  (cd "$REPO_ROOT" && PG_ADMIN_URL=$PG_ADMIN_URL DB_NAME=$NAME node --input-type=commonjs -e '
const pg = require("pg");
const name = process.env.DB_NAME;
(async () => {
  const client = new pg.Client({ connectionString: process.env.PG_ADMIN_URL, connectionTimeoutMillis: 10000 });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount > 0) return console.log("exists");
    try {
      await client.query("CREATE DATABASE " + client.escapeIdentifier(name));
      console.log("created");
    } catch (e) {
      // 42P04 duplicate_database: another run created it in the meantime.
      if (e.code === "42P04") return console.log("exists");
      throw e;
    }
  } finally {
    await client.end();
  }
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});') || die "could not create database $NAME on $ADMIN_SHOWN"
}

result=$("with_$CREATE_DB_CLIENT")
case $result in
  created) info "database $NAME: created on $ADMIN_SHOWN (with $CREATE_DB_CLIENT)" ;;
  exists) info "database $NAME: already exists on $ADMIN_SHOWN" ;;
  *) die "unexpected result '$result'" ;;
esac
printf '%s\n' "$DATABASE_URL"
