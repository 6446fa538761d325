/** Every key path of a message catalogue, e.g. `verificationCode.subject`, sorted. */
export function keyPaths(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue)
    .flatMap(([key, value]) =>
      typeof value === 'object' && value !== null ? keyPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
    )
    .sort();
}

/** The text at a key path, or undefined. */
export function textAt(catalogue: object, path: string): unknown {
  return path.split('.').reduce<any>((node, key) => node?.[key], catalogue);
}
