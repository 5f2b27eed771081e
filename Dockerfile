# syntax=docker/dockerfile:1
# Video Window: one image for every role (ROLES=api, ROLES=worker, or both).
#   docker build -t video-window .
#   docker run -p 8080:8080 --env-file .env -e ROLES=api video-window

# --- build: all dependencies, the web app's bundle, then production dependencies only ----------
FROM node:24-bookworm-slim AS build
WORKDIR /app
# Manifests first so the dependency layer is cached until the lockfile changes.
COPY package.json package-lock.json ./
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY packages/api-client/package.json packages/api-client/
RUN npm ci --no-audit --no-fund --loglevel=error
COPY . .
# The same step as `npm start`: builds the web app when it has a build script, skips it otherwise.
RUN bash scripts/build-web.sh
# The start command loads TypeScript through tsx (a development dependency): keep it, drop the rest.
RUN cp -a node_modules/tsx /tmp/tsx \
 && npm prune --omit=dev --no-audit --no-fund --loglevel=error \
 && rm -rf node_modules/tsx && mv /tmp/tsx node_modules/tsx

# --- runtime ----------------------------------------------------------------------------------
FROM node:24-bookworm-slim AS runtime
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
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/apps/server ./apps/server
COPY --from=build --chown=node:node /app/apps/web ./apps/web
COPY --from=build --chown=node:node /app/packages ./packages
COPY --from=build --chown=node:node /app/scripts ./scripts
RUN mkdir -p /data && chown node:node /data
# The unprivileged user of the base image (uid 1000).
USER node
VOLUME ["/data"]
EXPOSE 8080
# Worker-only processes serve no HTTP: for them the container is healthy while the process runs.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "if (!(process.env.ROLES || 'api,worker').includes('api')) process.exit(0); fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "--import", "tsx", "apps/server/src/main.ts"]
