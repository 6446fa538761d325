import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, guardedLookup, isPublicAddress, parseWebhookUrl } from './ssrf.ts';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '169.254.0.1',
    '100.64.0.1',
    '100.127.255.254',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '240.0.0.1',
    '::',
    '::1',
    'fe80::1',
    'fc00::1',
    'fd00:ec2::254',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::127.0.0.1',
    '::7f00:1',
    '64:ff9b::7f00:1',
    '2002:7f00:1::',
    'ff02::1',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e'])(
    'accepts %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('webhook URL rules', () => {
  const strict = { allowPrivate: false };

  it.each([
    ['http://example.com/hook', /https/],
    ['ftp://example.com/hook', /https/],
    ['https://user:pw@example.com/hook', /user name or password/],
    ['nonsense', /not a valid/],
  ])('refuses the form of %s', (url, reason) => {
    expect(() => parseWebhookUrl(url, strict)).toThrow(reason);
  });

  it.each([
    'https://127.0.0.1/hook',
    'https://2130706433/hook',
    'https://0x7f.1/hook',
    'https://10.0.0.1/hook',
    'https://169.254.169.254/latest/meta-data/',
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://[::ffff:7f00:1]/hook',
    'https://[fd00:ec2::254]/hook',
    'https://localhost/hook',
  ])('refuses %s, which is or resolves to a non-public address', async (url) => {
    await expect(checkWebhookUrl(url, strict)).rejects.toThrow(/non-public/);
  });

  it('allows loopback and http only with WEBHOOK_ALLOW_PRIVATE', async () => {
    const url = await checkWebhookUrl('http://127.0.0.1:9/hook', { allowPrivate: true });
    expect(url.toString()).toBe('http://127.0.0.1:9/hook');
  });
});

describe('the lookup the socket connects with', () => {
  const lookupAll = (rules: { allowPrivate: boolean }, host: string) =>
    new Promise<{ error: Error | null; addresses: unknown }>((resolve) =>
      guardedLookup(rules)(host, { all: true }, (error, addresses) => resolve({ error, addresses })),
    );

  it('fails for a name that resolves to loopback, so no socket opens', async () => {
    const { error } = await lookupAll({ allowPrivate: false }, 'localhost');
    expect(error?.message).toMatch(/non-public/);
  });

  it('hands over exactly the addresses it checked', async () => {
    const { error, addresses } = await lookupAll({ allowPrivate: true }, 'localhost');
    expect(error).toBeNull();
    expect(addresses).toEqual(
      expect.arrayContaining([expect.objectContaining({ address: expect.any(String) })]),
    );
    for (const { address } of addresses as { address: string }[]) {
      expect(['127.0.0.1', '::1']).toContain(address);
    }
  });
});
