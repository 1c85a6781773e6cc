#!/usr/bin/env bash
# Whether the container files changed since the last smoke-tested state, so that `npm test` (tools/test.sh) runs the
# slow container smoke test only when they did.
#
#   tools/containers/smoke-state.sh            print the current digest of the container files
#   tools/containers/smoke-state.sh --record   write it to tools/containers/smoke-tested.sha256 (smoke.sh does this
#                                               after a passing run; commit the file with the change)
#   tools/containers/smoke-state.sh --ci       run tools/containers/smoke.sh if the digest differs from the recorded
#                                               one, else say why not; a skipped smoke test (no root, no Debian
#                                               registry, no engine) is not a failure. AIRTIME_SMOKE=always|never
#                                               overrides the comparison.
#
# The container files: Dockerfile, .dockerignore, docker-compose.yml, deploy/ and tools/containers/ (git-tracked
# ones, as they are in the work tree), less the record itself.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RECORD=$ROOT/tools/containers/smoke-tested.sha256
PATHS=(Dockerfile .dockerignore docker-compose.yml deploy tools/containers)

digest() {
  cd "$ROOT"
  local files
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    files=$(git ls-files -- "${PATHS[@]}")
  else
    files=$(find "${PATHS[@]}" -type f 2>/dev/null)
  fi
  grep -v -e '^tools/containers/smoke-tested.sha256$' -e '^tools/containers/ca/.*\.crt$' <<<"$files" | LC_ALL=C sort |
    while IFS= read -r f; do [[ -f $f ]] && printf '%s  %s\n' "$(sha256sum <"$f" | cut -c1-64)" "$f"; done |
    sha256sum | cut -c1-64
}

case ${1:-} in
  '') digest ;;
  --record)
    digest >"$RECORD"
    echo "container smoke test: recorded $(cat "$RECORD") in ${RECORD#"$ROOT"/}"
    ;;
  --ci)
    current=$(digest)
    recorded=$(cat "$RECORD" 2>/dev/null || true)
    case ${AIRTIME_SMOKE:-auto} in
      never)
        echo "container smoke test: skipped (AIRTIME_SMOKE=never)"
        exit 0
        ;;
      always) ;;
      *)
        if [[ $current == "$recorded" ]]; then
          echo "container smoke test: skipped, the container files are unchanged since the smoke-tested state ($current)"
          exit 0
        fi
        echo "container smoke test: the container files changed since the smoke-tested state (${recorded:-none recorded}), running it"
        ;;
    esac
    status=0
    bash "$ROOT/tools/containers/smoke.sh" || status=$?
    if ((status == 75)); then
      echo "container smoke test: skipped where it cannot run (see the reason above); not a failure"
      exit 0
    fi
    exit "$status"
    ;;
  *)
    echo "usage: $0 [--record | --ci]" >&2
    exit 2
    ;;
esac
