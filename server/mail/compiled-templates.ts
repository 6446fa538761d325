import type { CompiledTemplates } from './render.ts';

// Running from source, the templates are rendered with React on the first mail. The production
// build (scripts/build-server.ts) replaces this module with the templates it rendered, so
// dist/server.js neither imports React nor renders anything.
export async function loadCompiledTemplates(): Promise<CompiledTemplates> {
  const { compileTemplates } = await import('./compile.tsx');
  return compileTemplates();
}
