#!/usr/bin/env bash
# Every test: type checks, unit and HTTP tests (shared, server, web), Redis store and multi-instance tests, browser
# tests in Chromium, a short load test and a quick benchmark run (which fails only if the bench itself breaks).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/pnpm.sh
source .ci/system-deps.sh
pnpm install --frozen-lockfile

# A private Redis on loopback for the store tests, stopped on exit.
REDIS_PORT="${TEST_REDIS_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"
REDIS_DIR="$(mktemp -d)"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$REDIS_DIR" --daemonize yes --pidfile "$REDIS_DIR/redis.pid" >/dev/null
trap 'kill "$(cat "$REDIS_DIR/redis.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$REDIS_DIR"' EXIT
export TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"

echo "› lint"
pnpm lint
echo "› type check"
pnpm -r typecheck
echo "› build the page"
pnpm --filter @app/web build
echo "› unit, HTTP, Redis and multi-instance tests"
pnpm vitest run
echo "› browser tests (Chromium, 375x667, zh-CN)"
pnpm --filter @app/web test:e2e
echo "› load test (short)"
pnpm test:load --duration 5
echo "› benchmarks (quick: fails only if the bench breaks, not on a missed budget)"
pnpm bench --quick
