/**
 * The hosted pages' one palette and type, as plain values: the Lit styles of the app, admin and
 * reset pages and the server-rendered join page all read them from here. No imports, so the
 * server may use it too.
 */
export const themeTokens = {
  light: {
    accent: '#0b57d0',
    onAccent: '#ffffff',
    error: '#b3261e',
    ok: '#146c2e',
    warningBg: '#fff4e5',
    warningBorder: '#b45309',
    border: '#767f8c',
  },
  dark: {
    accent: '#8ab4f8',
    onAccent: '#062e6f',
    error: '#ffb4ab',
    ok: '#7fd79a',
    warningBg: '#3a2a12',
    warningBorder: '#f0b35a',
    border: '#8e98a5',
  },
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  radius: '0.5rem',
} as const;

type Palette = Record<keyof (typeof themeTokens)['light'], string>;

/** Declarations of the custom properties `--_accent`, `--_on-accent`, … for one palette. */
export function paletteDeclarations(palette: Palette): string {
  return Object.entries(palette)
    .map(([name, value]) => `--_${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${value};`)
    .join(' ');
}

/** The custom properties for `selector`, light and dark, as CSS text. */
export function themeCss(selector: string): string {
  return `${selector} { ${paletteDeclarations(themeTokens.light)} --_radius: ${themeTokens.radius}; --_muted: color-mix(in srgb, CanvasText 72%, Canvas); --_line: color-mix(in srgb, CanvasText 18%, transparent); --_surface: color-mix(in srgb, CanvasText 4%, Canvas); }
@media (prefers-color-scheme: dark) { ${selector} { ${paletteDeclarations(themeTokens.dark)} } }`;
}
