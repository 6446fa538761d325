import { createHash } from 'node:crypto';

/** The built widget's versioned URL path (its bytes never change) and its Subresource Integrity value. */
export interface WidgetPin {
  path: string;
  integrity: string;
}

export function widgetPinOf(bytes: Uint8Array): WidgetPin {
  const version = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  return {
    path: `/widget/chatpoint-register-${version}.js`,
    integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
  };
}

// The widget is built once per deployment and loaded with the server's assets; snippets read it here.
let loaded: WidgetPin | null = null;

export function recordWidgetPin(pin: WidgetPin | null): void {
  loaded = pin;
}

/**
 * The snippet for pages with a strict security review: the versioned, immutable script URL with
 * `integrity` and `crossorigin`, so the page runs only these exact bytes. Null when the widget is not built.
 */
export const embedPinnedSnippet = (publicUrl: string, linkId: string) =>
  loaded
    ? `<script type="module" src="${publicUrl}${loaded.path}" integrity="${loaded.integrity}" crossorigin="anonymous"></script>\n` +
      `<chatpoint-register link="${linkId}"></chatpoint-register>`
    : null;
