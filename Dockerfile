# Resettle: API + SPA on one port, for a PostgreSQL given by DATABASE_URL (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@12.21.0
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app /app
# Evidence files (证明材料) live here unless S3_BUCKET is set; docker-compose.yml mounts a volume on it.
RUN mkdir -p /var/lib/resettle/evidence && chown -R node:node /var/lib/resettle
ENV EVIDENCE_DIR=/var/lib/resettle/evidence
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "apps/api/dist/server.js"]
