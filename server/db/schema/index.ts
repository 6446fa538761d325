export * from './auth.ts';
export * from './chat.ts';
export * from './links.ts';
export * from './registrations.ts';
export * from './system.ts';
export * from './users.ts';
export * from './webhooks.ts';
export * from './workdomains.ts';
