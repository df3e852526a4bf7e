# One image for api, worker and the CLI (migrations). Build: docker build -t yvc .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps apps
COPY libs libs
COPY migrations migrations
COPY data data
# npm run build builds the API and the web app (vite, into dist/web, served by the API)
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
USER node
EXPOSE 3000
# api by default; the worker and the CLI override the command (see docker-compose.yml)
# no --enable-source-maps: +115 MB of RSS under load (docs/performance.md, "Memory"); stack traces name
# dist/*.js lines (tsc output). NODE_OPTIONS=--enable-source-maps brings TypeScript positions back.
CMD ["node", "dist/apps/api/src/main.js"]
