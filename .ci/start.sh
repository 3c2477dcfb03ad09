#!/usr/bin/env bash
# Installs, builds the page and runs the app (on the sandbox unless credentials are configured).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/pnpm.sh
pnpm install --frozen-lockfile
pnpm --filter @app/web build
# The server runs as built JavaScript (no TypeScript compile at start-up).
pnpm --filter @app/server build
exec pnpm --filter @app/server start
