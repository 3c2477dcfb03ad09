#!/usr/bin/env bash
# Installs, builds the page and runs the app (on the sandbox unless credentials are configured).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/pnpm.sh
pnpm install --frozen-lockfile
pnpm --filter @app/web build
exec pnpm --filter @app/server start
