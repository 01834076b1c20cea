#!/usr/bin/env bash
# The main job: set up, load the bundled Taizhou data into the embedded store, serve API + UI.
#   API http://127.0.0.1:8000/docs   UI http://127.0.0.1:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# one person on this machine: the UI may import and correct (loopback only; settings refuse dev mode
# on another host). Set CHAINKG_API_TOKEN (≥ 16 characters) instead to require a token for writes.
if [ -z "${CHAINKG_API_TOKEN:-}" ]; then export CHAINKG_DEV_MODE="${CHAINKG_DEV_MODE:-1}"; fi
exec .venv/bin/chainkg serve "$@"
