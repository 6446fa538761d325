/** Defines each element once, so loading a module twice (or a section again) never throws. */
export function defineElements(elements: [string, CustomElementConstructor][]) {
  for (const [name, element] of elements) {
    if (!customElements.get(name)) customElements.define(name, element);
  }
}
