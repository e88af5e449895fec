import * as pg from 'pg';

/**
 * A pg module whose Pool is the given pool, for TypeORM's `driver` option: the event store and the
 * read models then share one pool (on the embedded database, its one connection). TypeORM ends "its"
 * pool on destroy; the pool's owner ends it last.
 */
export function sharedPoolDriver(pool: pg.Pool): typeof pg {
  const borrowed = new Proxy(pool, {
    get(target, property) {
      // TypeORM ends with a callback (pool.end(cb)); others await the promise.
      if (property === 'end') return (callback?: (error?: Error) => void) => (callback?.(), Promise.resolve());
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  function SharedPool(): pg.Pool {
    return borrowed;
  }
  return { ...pg, Pool: SharedPool as unknown as typeof pg.Pool };
}
