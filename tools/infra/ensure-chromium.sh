#!/usr/bin/env bash
# Makes a headless-capable Chromium available for the dashboard's browser flows (playwright-core drives it;
# it downloads no browser of its own). Like ensure-infra.sh for PostgreSQL: use what is there, else install
# Debian's `chromium` package as root, else print the command and fail. Never a silent skip.
#
# Environment:
#   CHROMIUM_PATH  the browser to use (default /usr/bin/chromium); the e2e flows read the same variable
set -euo pipefail

CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
die() {
  printf 'ensure-chromium: error: %s\n' "$*" >&2
  exit 1
}

if [ -x "$CHROMIUM_PATH" ]; then
  printf 'chromium: %s\n' "$CHROMIUM_PATH"
  exit 0
fi
[ "$CHROMIUM_PATH" = /usr/bin/chromium ] || die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"
cmd="apt-get update && apt-get install -y --no-install-recommends chromium"
command -v apt-get >/dev/null 2>&1 || die "no Chromium at $CHROMIUM_PATH; install one with your system's package manager, or set CHROMIUM_PATH"
[ "$(id -u)" = 0 ] || die "no Chromium at $CHROMIUM_PATH; install it, then re-run:
  sudo sh -c '$cmd'"
printf 'ensure-chromium: installing chromium with apt-get\n' >&2
apt-get update -qq >&2 || die "apt-get update failed"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2 || die "apt-get install chromium failed; run it yourself: $cmd"
[ -x "$CHROMIUM_PATH" ] || die "the chromium package installed no $CHROMIUM_PATH"
printf 'chromium: %s (installed)\n' "$CHROMIUM_PATH"
