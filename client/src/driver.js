// The driver's pool behind a Prisma Client's driver adapter, for reads
// outside transactions: `SELECT prisma_query($1::json)` sent straight to it
// costs a quarter of the client CPU time of the same statement through
// Prisma's raw-query path (request plumbing, query compiler, interpreter,
// raw result decoding). Prisma 7 keeps the connected adapter in a private
// field of its engine, so the adapter is caught when the engine makes it:
// the factory passed as `new PrismaClient({ adapter })` is wrapped so that
// its connect() notes the adapter it returns (and forgets it when the
// adapter is disposed). A factory made with an existing pg.Pool
// (`new PrismaPg(pool)`) gives that pool at once. Only a pool with
// node-postgres' API (`@prisma/adapter-pg`'s pg.Pool, `@prisma/adapter-neon`'s
// neon Pool, from the adapter's `underlyingDriver()`) is used; with another
// adapter, or before the engine has connected through the wrapped factory,
// there is none and the caller uses the raw-query path. Design:
// docs/client.md.

const CAUGHT = Symbol.for('prisma-compile.adapter');

// A pool with node-postgres' query API, or null.
function poolOf(driver) {
  return driver && typeof driver.query === 'function' && typeof driver.connect === 'function' ? driver : null;
}

// Makes `factory.connect()` note the adapter it returns on the factory.
function catchAdapters(factory) {
  if (Object.prototype.hasOwnProperty.call(factory, CAUGHT)) return;
  factory[CAUGHT] = null;
  const connect = factory.connect;
  factory.connect = async function connectCaught(...a) {
    const adapter = await connect.apply(this, a);
    if (adapter && typeof adapter.underlyingDriver === 'function') {
      factory[CAUGHT] = adapter;
      const dispose = adapter.dispose;
      if (typeof dispose === 'function') {
        adapter.dispose = function disposeCaught(...d) {
          if (factory[CAUGHT] === adapter) factory[CAUGHT] = null;
          return dispose.apply(this, d);
        };
      }
    }
    return adapter;
  };
}

/**
 * A function returning the pool the client's adapter queries (null while
 * there is none); `factory` is the adapter factory of the client's engine
 * config (`client._engineConfig.adapter`).
 */
export function adapterPool(factory) {
  if (!factory || factory.provider !== 'postgres' || typeof factory.connect !== 'function') return () => null;
  catchAdapters(factory);
  const pg = factory.adapterName === '@prisma/adapter-pg';
  return () => {
    const adapter = factory[CAUGHT];
    if (adapter) return poolOf(adapter.underlyingDriver());
    return pg ? poolOf(factory.externalPool) : null;
  };
}
