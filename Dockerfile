# syntax=docker/dockerfile:1
# The follow-up app in one small image: the Express server (built once to JavaScript) serving the built page.
# docker build -t followup . && docker run -p 3000:3000 --env-file server/.env followup   (see docs/deploy.md)

FROM node:20-bookworm-slim AS base
RUN npm install -g pnpm@10.34.9 && npm cache clean --force
WORKDIR /app
# Manifests first, so dependency layers are reused while only sources change.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY web/package.json web/
COPY bench/package.json bench/

# Builds the page into web/dist and the server into server/dist with every dependency (Vite, esbuild).
FROM base AS build
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter @app/web build && pnpm --filter @app/server build

# Only the server's production dependencies (and @app/shared's): no Vite, Vitest or TypeScript compiler.
FROM base AS prod-deps
RUN pnpm install --frozen-lockfile --prod --filter "@app/server..."

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/shared/node_modules ./shared/node_modules
COPY --from=prod-deps /app/server/node_modules ./server/node_modules
COPY package.json pnpm-workspace.yaml ./
COPY server/package.json ./server/
COPY --from=build /app/server/dist ./server/dist
COPY --from=build /app/web/dist ./web/dist
# Files are root-owned and read-only to the app; it runs as the image's unprivileged "node" user.
USER node
WORKDIR /app/server
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--enable-source-maps", "--max-semi-space-size=64", "dist/index.js"]
