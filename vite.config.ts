import { defineConfig, type Plugin } from 'vite';

/**
 * Lit ships a css`` template as written; in the widget its indentation and spaces around
 * punctuation cost bytes of the size budget. The styles hold no interpolations or comments.
 */
/**
 * After minification the only line breaks left are inside template literals: the indentation of
 * Lit's html`` templates, which HTML collapses anyway. A break followed by spaces becomes one space.
 */
const collapseTemplateIndentation: Plugin = {
  name: 'collapse-template-indentation',
  renderChunk: (code) => ({ code: code.replace(/\n +/g, ' '), map: null }),
};

/**
 * What minification leaves that the widget's budget can spare: the bundlers' `@__PURE__` notes, and
 * Lit's long advice in two errors its css`` tag throws only when misused (the widget's styles are
 * static), shortened to name the tag.
 */
const dropMinifierLeftovers: Plugin = {
  name: 'drop-minifier-leftovers',
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      chunk.code = chunk.code
        .replace(/\/\* @__PURE__ \*\/ /g, '')
        .replace(/Error\("CSSResult is not constructable[^"]*"\)/, 'Error(`css`)')
        .replace('Error(`invalid template strings array`)', 'Error(`html`)')
        .replace(/Error\(`Value passed to 'css' function[^`]*`\+(\w+)\+`[^`]*`\)/, 'Error(`css: `+$1)');
    }
  },
};

const compactWidgetStyles: Plugin = {
  name: 'compact-widget-styles',
  transform(code, id) {
    if (!id.endsWith('.styles.ts')) return;
    return code.replace(
      /css`([^`]*)`/g,
      (_, text: string) =>
        `css\`${text
          .replace(/\s+/g, ' ')
          .replace(/ ?([{};,>]) ?|(:) /g, '$1$2')
          .replace(/='([\w-]+)'\]/g, '=$1]')
          .replace(/([\s:(,])0\.(\d)/g, '$1.$2')
          .replace(/;}/g, '}')
          .trim()}\``,
    );
  },
};

// Two builds from one config: the embeddable widget is one ES module plus a file per non-English
// language (`vite build`); the web app, admin panel and reset page share chunks (`vite build --mode pages`).
export default defineConfig(({ mode }) =>
  mode === 'pages'
    ? {
        base: '/static/',
        build: {
          outDir: 'dist/pages',
          emptyOutDir: true,
          target: 'es2022',
          rollupOptions: {
            input: {
              app: 'pages/app/main.ts',
              admin: 'pages/admin/main.ts',
              reset: 'pages/reset/main.ts',
            },
            output: {
              entryFileNames: '[name]-[hash].js',
              chunkFileNames: 'chunks/[name]-[hash].js',
              assetFileNames: 'assets/[name]-[hash][extname]',
            },
          },
          manifest: true,
        },
      }
    : {
        plugins: [compactWidgetStyles, collapseTemplateIndentation, dropMinifierLeftovers],
        build: {
          outDir: 'dist/widget',
          emptyOutDir: true,
          target: 'es2022',
          lib: {
            entry: 'widget/chatpoint-register.ts',
            formats: ['es'],
            fileName: () => 'chatpoint-register.js',
          },
          minify: true,
          // Library mode leaves whitespace in; the widget's size budget needs the real minifier.
          // Each non-English catalogue is its own file beside the module, fetched on first use.
          rolldownOptions: {
            output: { minify: true, chunkFileNames: 'chatpoint-register-[name]-[hash].js' },
          },
        },
      },
);
