#!/usr/bin/env bash
# The main job: set up, load the bundled Taizhou data into the embedded store, serve API + UI.
#   API http://127.0.0.1:8000/docs   UI http://127.0.0.1:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/chainkg serve "$@"
