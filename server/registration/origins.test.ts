import { describe, expect, it } from 'vitest';
import { arrivedVia } from './origins.ts';

describe('arrivedVia', () => {
  const publicUrl = 'https://register.example.com/';
  it('is the registration page for the service’s own origin or none, else the business’s site', () => {
    expect(arrivedVia('https://register.example.com', publicUrl)).toBe('page');
    expect(arrivedVia(null, publicUrl)).toBe('page');
    expect(arrivedVia('https://shop.example', publicUrl)).toBe('site');
    expect(arrivedVia('null', publicUrl)).toBe('site');
    expect(arrivedVia('http://register.example.com', publicUrl)).toBe('site');
  });
});
