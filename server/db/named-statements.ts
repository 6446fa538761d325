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
  const wrapScope =
    (open: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      const callback = args.pop() as Callback;
      return open(...args, (scoped: postgres.Sql) => callback(named(scoped)));
    };
  return new Proxy(sql, {
    get(target, key, receiver) {
      if (key === 'unsafe')
        return (query: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, params as postgres.ParameterOrJSON<never>[], { ...options, prepare: true });
      if (key === 'begin' || key === 'savepoint') {
        const open = Reflect.get(target, key, receiver) as (...args: unknown[]) => unknown;
        return wrapScope(open.bind(target));
      }
      return Reflect.get(target, key, receiver);
    },
  });
}
