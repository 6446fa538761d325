import { css } from 'lit';

/** The panel itself, and what its sections share: copy rows, QR codes, checkboxes. */
export const panelStyles = css`
dialog {
  margin: 0 0 0 auto;
  inline-size: min(44rem, 100vw);
  max-inline-size: 100vw;
  block-size: 100dvh;
  max-block-size: 100dvh;
  padding: 0;
  border: none;
  border-inline-start: 1px solid var(--_line);
  background: Canvas;
  color: CanvasText;
  overflow-y: auto;
}
dialog::backdrop { background: rgb(0 0 0 / 0.45) }
.panel { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1.5rem; padding: 0 1.25rem 2rem }
.panel-head {
  position: sticky;
  top: 0;
  z-index: 1;
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 1rem;
  padding-block: 0.75rem;
  border-bottom: 1px solid var(--_line);
  background: Canvas;
}
input[type='checkbox'] { inline-size: 1.25rem; block-size: 1.25rem; margin: 0; accent-color: var(--_accent) }
section + section { padding-block-start: 1.25rem; border-block-start: 1px solid var(--_line) }

.copy-row { display: flex; flex-wrap: wrap; gap: 0.5rem }
.copy-row input { flex: 1 1 14rem }
.qr { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem }
ul.refused { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem }
ul.refused li { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.75rem }
ul.refused code { overflow-wrap: anywhere }
.qr img { inline-size: 10rem; block-size: 10rem; padding: 0.5rem; border: 1px solid var(--_line); background: #fff }
`;
