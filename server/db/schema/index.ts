export * from './auth.ts';
export * from './chat.ts';
export * from './registrations.ts';
export * from './system.ts';
export * from './users.ts';
export * from './workdomains.ts';
