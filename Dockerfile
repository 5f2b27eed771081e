# syntax=docker/dockerfile:1
# Video Window: one image for every role (ROLES=api, ROLES=worker, or both).
#   docker build -t video-window .
#   docker run -p 8080:8080 --env-file .env -e ROLES=api video-window
# The image runs the compiled server (apps/server/dist/main.js) with production dependencies only:
# no TypeScript loader, no development tools, no embedded PostgreSQL (DATABASE_URL is required).

# --- build: all dependencies, then the web app's bundle and the server's bundle -----------------
FROM node:24-slim AS build
WORKDIR /app
# Manifests first so the dependency layer is cached until the lockfile changes.
COPY package.json package-lock.json ./
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY packages/api-client/package.json packages/api-client/
COPY packages/domain/package.json packages/domain/
RUN npm ci --no-audit --no-fund --loglevel=error
COPY . .
# The same step as `npm start`: builds the web app when it has a build script, skips it otherwise.
RUN bash scripts/build-web.sh && mkdir -p apps/web/dist
RUN node --import tsx scripts/build-server.ts

# --- the server's production dependencies, nothing else ---------------------------------------
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY packages/api-client/package.json packages/api-client/
COPY packages/domain/package.json packages/domain/
RUN npm ci --omit=dev --workspace @vw/server --no-audit --no-fund --loglevel=error

# --- runtime ----------------------------------------------------------------------------------
FROM node:24-slim AS runtime
# ffmpeg/ffprobe transcode and probe videos; DejaVu is the font of generated poster text.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ffmpeg fonts-dejavu-core ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0 \
    ROLES=api,worker \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps --chown=node:node /app/package.json ./
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
# The server's package.json marks dist/main.js as an ES module.
COPY --from=build --chown=node:node /app/apps/server/package.json ./apps/server/
COPY --from=build --chown=node:node /app/apps/server/dist ./apps/server/dist
COPY --from=build --chown=node:node /app/apps/web/dist ./apps/web/dist
RUN mkdir -p /data && chown node:node /data
# The unprivileged user of the base image (uid 1000).
USER node
VOLUME ["/data"]
EXPOSE 8080
# Worker-only processes serve no HTTP: for them the container is healthy while the process runs.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "if (!(process.env.ROLES || 'api,worker').includes('api')) process.exit(0); fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "apps/server/dist/main.js"]
