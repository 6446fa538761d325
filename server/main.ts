import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirBusyError, lockDataDir } from './db/data-dir-lock.ts';
import { createLogger } from './logger.ts';
import { loadBuiltAssets } from './pages/routes.ts';
import { demoBanner } from './seed/demo.ts';
import { startServices } from './services.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = path.join(root, 'dist');

function buildIfMissing() {
  // dist/server.js is itself the build: it only serves what is there.
  if (
    !import.meta.url.endsWith('.ts') ||
    (existsSync(path.join(distDir, 'widget', 'chatpoint-register.js')) &&
      existsSync(path.join(distDir, 'pages')))
  )
    return;
  console.log('Building the widget and pages (first start)…');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}

async function main() {
  const config = loadConfig();
  const logger = createLogger(undefined, config.logLevel);
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir, 'server');
  buildIfMissing();
  const services = await startServices(config, logger);
  const demo = await demoBanner(services.deps);
  const app = createApp(services.deps, loadBuiltAssets(distDir));
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
    const lines = [
      '',
      `ChatPoint registration is running on ${config.publicUrl}`,
      `  database: ${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`}`,
      `  mail: ${config.devMailbox ? `dev mailbox at ${config.publicUrl}/dev/mailbox` : 'SMTP'}`,
      `  health: ${config.publicUrl}/healthz · API: ${config.publicUrl}/openapi.json`,
    ];
    lines.push(...demo);
    console.log(`${lines.join('\n')}\n`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    // Stop accepting, let in-flight requests finish, then close the worker and the database.
    server.close(async () => {
      await services.close();
      unlock();
      process.exit(0);
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirBusyError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
