import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';

/** Paths the mobile app opens itself: the join page, the app hand-off and password reset. */
export const APP_LINK_PATHS = ['/join/*', '/app/open', '/app/open/*', '/reset-password', '/reset-password/*'];

export function wellKnownRoutes(deps: AppDeps) {
  const app = new Hono();
  const { config } = deps;
  app.get('/.well-known/apple-app-site-association', (c) =>
    c.json({
      applinks: {
        details: config.iosAppIds.map((appId) => ({
          appIDs: [appId],
          components: APP_LINK_PATHS.map((path) => ({ '/': path })),
        })),
      },
      webcredentials: { apps: config.iosAppIds },
    }),
  );
  app.get('/.well-known/assetlinks.json', (c) =>
    c.json(
      config.androidApps.map((android) => ({
        relation: ['delegate_permission/common.handle_all_urls'],
        target: {
          namespace: 'android_app',
          package_name: android.packageName,
          sha256_cert_fingerprints: [android.fingerprint],
        },
      })),
    ),
  );
  app.get('/.well-known/jwks.json', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(deps.keys.jwks);
  });
  return app;
}
