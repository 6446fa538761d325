import { css, unsafeCSS } from 'lit';
import { themeCss, themeTokens } from './theme-tokens.ts';

/**
 * The one theme of the hosted pages (app, admin, reset): the palette as `--_*` custom properties,
 * light and dark, the font and the box model. Each page's own rules build on these.
 */
export const theme = css`
  ${unsafeCSS(themeCss(':host'))}
  :host {
    display: block;
    font: 1rem/1.5 ${unsafeCSS(themeTokens.font)};
    color: CanvasText;
    color-scheme: light dark;
  }
  * { box-sizing: border-box; }
`;
