/**
 * Copies `text` to the clipboard. Where the browser refuses, selects `field` for a manual copy and
 * answers false, so the caller can say how to copy by hand.
 */
export async function copyText(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement | null | undefined,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.focus();
    field?.select();
    return false;
  }
}
