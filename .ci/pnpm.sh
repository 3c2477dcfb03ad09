# Sourced by the other scripts: makes `pnpm` the pinned version, installing it with npm when missing.
# (corepack fails on these machines; see the README.)
PNPM_VERSION=10.34.9
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "› installing pnpm@$PNPM_VERSION with npm"
  if ! npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1; then
    # No permission for a global install: use a project-local prefix instead.
    npm install --prefix "$PWD/.tmp/pnpm" "pnpm@$PNPM_VERSION" >/dev/null
    export PATH="$PWD/.tmp/pnpm/node_modules/.bin:$PATH"
  fi
fi
