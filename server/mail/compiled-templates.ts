import type { RenderedEmail } from './catalog.ts';
import { compileTemplate } from './compile.tsx';

// Running from source, React renders each template on its first mail. The production build
// (scripts/build-server.ts) replaces this whole module with the templates it rendered, so
// dist/server.js neither imports React nor renders anything.
const compiled = new Map<string, Promise<RenderedEmail | undefined>>();

export function compiledTemplate(key: string): Promise<RenderedEmail | undefined> {
  let template = compiled.get(key);
  if (!template) {
    template = compileTemplate(key);
    compiled.set(key, template);
  }
  return template;
}
