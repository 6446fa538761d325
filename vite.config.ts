import { defineConfig } from 'vite';

// Two builds from one config: the embeddable widget is a single self-contained ES module
// (`vite build`); the web app, admin panel and reset page share chunks (`vite build --mode pages`).
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
          rolldownOptions: { output: { minify: true } },
        },
      },
);
