import type postgres from 'postgres';

type Callback = (sql: postgres.Sql) => unknown;

/**
 * drizzle sends each query as an unnamed statement, so PostgreSQL parses and plans it on every call
 * and postgres.js needs two round trips to learn its parameter types. This hands drizzle a client
 * whose queries are named statements, cached per connection by their text: one round trip, one
 * parse. `?prepare=false` in DATABASE_URL (a pooler in transaction mode) leaves queries unnamed.
 */
export function withNamedStatements(sql: postgres.Sql): postgres.Sql {
  return sql.options.prepare ? named(sql) : sql;
}

function named(sql: postgres.Sql): postgres.Sql {
  const unsafe = (query: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
    sql.unsafe(query, params as postgres.ParameterOrJSON<never>[], { ...options, prepare: true });
  // A transaction or savepoint hands its callback a client of its own; that one is named too.
  const scope =
    (key: 'begin' | 'savepoint') =>
    (...args: unknown[]) => {
      const callback = args.pop() as Callback;
      const open = Reflect.get(sql, key) as (...args: unknown[]) => unknown;
      return open.call(sql, ...args, (scoped: postgres.Sql) => callback(named(scoped)));
    };
  const begin = scope('begin');
  const savepoint = scope('savepoint');
  return new Proxy(sql, {
    get(target, key, receiver) {
      if (key === 'unsafe') return unsafe;
      if (key === 'begin') return begin;
      if (key === 'savepoint') return savepoint;
      return Reflect.get(target, key, receiver);
    },
  });
}
