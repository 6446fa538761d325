// Small assertions for the browser tests; the project has no browser assertion library.

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
}

export function equal<T>(actual: T, expected: T, what = 'value'): void {
  if (actual !== expected) throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

export function deepEqual(actual: unknown, expected: unknown, what = 'value'): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

export function ok(value: unknown, what = 'condition'): asserts value {
  if (!value) throw new Error(`${what}: expected a truthy value, got ${show(value)}`);
}

export function includes(text: string | null | undefined, part: string, what = 'text'): void {
  if (!text?.includes(part)) throw new Error(`${what}: expected ${show(text)} to include ${show(part)}`);
}

export async function rejects(promise: Promise<unknown>, what = 'promise'): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`${what}: expected a rejection`);
}
