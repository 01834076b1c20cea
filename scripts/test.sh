#!/usr/bin/env bash
# The whole test suite, on both stores: sets up .venv, starts the local Neo4j (Maven Central),
# installs headless Chromium when it can (root + apt), runs pytest, stops Neo4j.
# CHAINKG_REQUIRE_NEO4J=1 (set by .ci/run) makes Neo4j and the browser required: tests fail
# instead of skipping when either is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export CHAINKG_STATE_DIR="${CHAINKG_STATE_DIR:-$PWD/.state}"

need_cjk_font() { ! (command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]); }
if { ! command -v chromium >/dev/null 2>&1 || need_cjk_font; } && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian chromium + fonts-noto-cjk (browser tests, PDF reports)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) \
    || echo "warning: could not install chromium" >&2
fi

started_neo4j=0
if [ -z "${CHAINKG_NEO4J_URL:-}" ]; then
  if url=$(.venv/bin/chainkg neo4j start); then
    export CHAINKG_NEO4J_URL="$url"
    started_neo4j=1
  else
    echo "warning: local Neo4j did not start; Neo4j tests will skip (or fail when required)" >&2
  fi
fi
cleanup() { if [ "$started_neo4j" = 1 ]; then .venv/bin/chainkg neo4j stop >/dev/null || true; fi; }
trap cleanup EXIT

.venv/bin/python -m pytest "$@"
