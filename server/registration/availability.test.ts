import { describe, expect, it } from 'vitest';
import { isOpen, isPicAvailable, openRefusal, reasonToClose } from './availability.ts';

const workdomainId = 'w1';
const pic = { status: 'active', kind: 'internal', workdomainId } as const;

describe('isPicAvailable', () => {
  it('holds for an active internal user of the same workdomain only', () => {
    expect(isPicAvailable(pic, workdomainId)).toBe(true);
    expect(isPicAvailable({ ...pic, status: 'inactive' }, workdomainId)).toBe(false);
    expect(isPicAvailable({ ...pic, kind: 'external' }, workdomainId)).toBe(false);
    expect(isPicAvailable({ ...pic, workdomainId: 'w2' }, workdomainId)).toBe(false);
    expect(isPicAvailable(null, workdomainId)).toBe(false);
    expect(isPicAvailable(undefined, workdomainId)).toBe(false);
  });
});

describe('isOpen', () => {
  it('needs the switch on and a plan that allows registration', () => {
    expect(isOpen({ open: true }, { plan: 'pro' })).toBe(true);
    expect(isOpen({ open: true }, { plan: 'enterprise' })).toBe(true);
    expect(isOpen({ open: true }, { plan: 'standard' })).toBe(false);
    expect(isOpen({ open: false }, { plan: 'pro' })).toBe(false);
    expect(isOpen(undefined, { plan: 'pro' })).toBe(false);
  });
});

describe('reasonToClose', () => {
  const facts = { workdomainId, pic, seatsUsed: 3, externalUserLimit: 4 };
  it('keeps registration open with an available PIC and a free seat', () => {
    expect(reasonToClose(facts)).toBeNull();
  });
  it('closes for the PIC first, then for the seats', () => {
    expect(reasonToClose({ ...facts, pic: { ...pic, kind: 'external' } })).toBe('pic_unavailable');
    expect(reasonToClose({ ...facts, pic: null, seatsUsed: 4 })).toBe('pic_unavailable');
    expect(reasonToClose({ ...facts, seatsUsed: 4 })).toBe('capacity_reached');
  });
});

describe('openRefusal', () => {
  const facts = {
    workdomainId,
    plan: 'pro',
    picUserId: 'p1',
    pic,
    seatsUsed: 0,
    externalUserLimit: 1,
  } as const;
  it('answers in the order an admin fixes things', () => {
    expect(openRefusal(facts)).toBeNull();
    expect(openRefusal({ ...facts, plan: 'free', picUserId: null })).toBe('plan_ineligible');
    expect(openRefusal({ ...facts, picUserId: null, pic: null })).toBe('pic_required');
    expect(openRefusal({ ...facts, pic: { ...pic, workdomainId: 'w2' } })).toBe('pic_unavailable');
    expect(openRefusal({ ...facts, seatsUsed: 1 })).toBe('capacity_reached');
  });
});
