import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger.ts';
import { loadStaticAsset, type StaticAsset } from './static-asset.ts';

const WIDGET_FILE = /^chatpoint-register-[\w.-]+\.js$/;

/**
 * Earlier builds' widget files, kept in DATA_DIR/widget-versions so that a page pinned to a version
 * (the integrity-pinned snippet) keeps loading it, with its language files, after an update. Each
 * start adds the running build's files; every name carries a content hash, so nothing is replaced.
 * Returns the lookup of a kept file by name.
 */
export function keepWidgetVersions(
  dataDir: string,
  distWidgetDir: string,
  pinnedPath: string | null,
  logger: Logger,
): (file: string) => StaticAsset | undefined {
  const dir = path.join(dataDir, 'widget-versions');
  if (pinnedPath) {
    try {
      mkdirSync(dir, { recursive: true });
      const keep = (from: string, name: string) => {
        if (!existsSync(path.join(dir, name)))
          copyFileSync(path.join(distWidgetDir, from), path.join(dir, name));
      };
      keep('chatpoint-register.js', path.basename(pinnedPath));
      for (const name of readdirSync(distWidgetDir)) if (WIDGET_FILE.test(name)) keep(name, name);
    } catch (error) {
      logger.warn('cannot keep this widget version in DATA_DIR/widget-versions', { error: String(error) });
    }
  }
  const loaded = new Map<string, StaticAsset>();
  return (file) => {
    if (!WIDGET_FILE.test(file)) return undefined;
    const cached = loaded.get(file);
    if (cached) return cached;
    const full = path.join(dir, file);
    if (!existsSync(full)) return undefined;
    const asset = loadStaticAsset(full, 'text/javascript; charset=utf-8');
    loaded.set(file, asset);
    return asset;
  };
}
