// Entry point: serves the built wall. Ingest, state and broadcast join here as they land.
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { createHttpApp } from './http/app.ts';
import { log } from './log.ts';

const wallDir = fileURLToPath(new URL('../dist/wall', import.meta.url));
const port = parsePort(process.env.PORT ?? '8080');

if (!existsSync(wallDir)) fail(`the wall is not built: ${wallDir} is missing (run npm run build)`);

const server = createHttpApp({ wallDir }).listen(port, () => {
  log.info({ port }, 'listening');
  // One human line even when logs are quiet, so `npm start` says where to look.
  console.log(`石泉 wall: http://localhost:${port}`);
});
server.on('error', (err) => fail(`cannot listen on port ${port}: ${err.message}`));

function parsePort(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 65535) fail(`PORT must be an integer 1–65535, got "${text}"`);
  return n;
}

function fail(message: string): never {
  console.error(`relay: ${message}`);
  process.exit(2);
}
