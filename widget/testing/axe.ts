import 'axe-core/axe.min.js';
import type axeCore from 'axe-core';

const axe = (window as unknown as { axe: typeof axeCore }).axe;

/** axe-core violations of impact serious or critical inside `element` (its shadow content included). */
export async function seriousViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element, { resultTypes: ['violations'] });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

/** The accessible name as assistive technology computes it (labels, aria-*, text). */
export function accessibleName(node: Element): string {
  const commons = (axe as unknown as { commons: any }).commons;
  const utils = (axe as unknown as { utils: any }).utils;
  axe.setup(document);
  try {
    return commons.text.accessibleTextVirtual(utils.getNodeFromTree(node));
  } finally {
    axe.teardown();
  }
}
