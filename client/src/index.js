// prismaCompile(): a Prisma Client extension that answers the reads of
// every model (findMany, findFirst(OrThrow), findUnique(OrThrow), count,
// aggregate, groupBy) with one `SELECT prisma_query($1::json)` each and
// returns what Prisma Client returns. The statement runs through the
// client's own raw-query path, so it uses the client's driver adapter and,
// inside $transaction (interactive or batch), the transaction's connection
// and place in the batch. Writes, raw queries and shapes prisma_query does
// not support (SQLSTATE 0A000) run through Prisma. Outside transactions the
// statement goes straight to the adapter's pool when it can be reached
// (src/driver.js). Design: docs/client.md.
import {
  Extensions,
  PrismaClientKnownRequestError,
  PrismaClientValidationError,
} from '@prisma/client/runtime/client';
import { buildModels, reviveResult } from './revive.js';
import { NotRoutable, queryArgs, relationMap } from './args.js';
import { checkLoadedSchema } from './schema.js';
import { adapterPool } from './driver.js';

export { normalizeSchema, schemaHash, SchemaMismatchError, PUSH_COMMAND } from './schema.js';

const ROUTED = new Set(['findMany', 'findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow', 'count', 'aggregate', 'groupBy']);
const SQL = 'SELECT prisma_query($1::json)::text AS r';

// SQLSTATEs of prisma_query for arguments it rejects (README, "Errors").
const INVALID = new Set(['42P01', '42703', '42883', '22023', '22007', '22003', '22004', '54000']);

// An error that prisma_query raises for the call itself: no row (P0002),
// not supported, invalid arguments.
const ownError = (pe) => pe !== null && (pe.code === 'P0002' || pe.code === '0A000' || INVALID.has(pe.code));

// The PostgreSQL error behind a failed raw query (Prisma's error of the
// driver adapter's) or a failed statement of the pool (node-postgres'
// DatabaseError), if any.
function pgError(e) {
  const cause = e?.meta?.driverAdapterError?.cause;
  if (cause && cause.originalCode) return { code: cause.originalCode, message: cause.originalMessage ?? cause.message };
  if (typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string') return { code: e.code, message: e.message };
  return null;
}

// `prisma.user.findUnique(…).posts()`: the part of the result the fluent
// call asked for (dataPath is select/include, field, …).
function unpack(result, dataPath) {
  let v = result;
  for (let i = 1; i < dataPath.length; i += 2) {
    if (v === null || v === undefined) return null;
    v = v[dataPath[i]];
  }
  return v === undefined ? null : v;
}

// The extended client, whose $extends (and that of the clients it makes)
// notes in `later` an extension that may have result extensions: a
// function, or an object with `result`.
function watchExtends(client, later) {
  return new Proxy(client, {
    get(target, key) {
      const v = Reflect.get(target, key);
      if (key !== '$extends') return v;
      return (...exts) => {
        if (exts.some((e) => typeof e === 'function' || e?.result)) later.result = true;
        return watchExtends(v.apply(target, exts), later);
      };
    },
  });
}

// A document with its values replaced by their types: one key per shape.
function shapeKey(doc) {
  return JSON.stringify(JSON.parse(doc), (k, v) => (v !== null && typeof v === 'object' ? v : typeof v));
}

/**
 * The extension. Options: `fallback: 'prisma'` (default; unsupported
 * shapes run through Prisma) or `'error'` (they throw), `checkSchema`
 * (default true), `direct` (default true: reads outside transactions go
 * straight to the adapter's pool; false: through Prisma's raw-query path).
 * `stats` counts routed calls (`direct` of them through the pool) and
 * fallbacks.
 */
export function prismaCompile(options = {}) {
  const fallbackMode = options.fallback ?? 'prisma';
  if (fallbackMode !== 'prisma' && fallbackMode !== 'error') throw new TypeError(`prismaCompile: fallback must be 'prisma' or 'error', not ${fallbackMode}`);
  const stats = { routed: 0, direct: 0, fallbacks: 0, reasons: {} };

  const extension = Extensions.defineExtension((client) => {
    const dm = client._runtimeDataModel;
    const models = buildModels(dm);
    const ctx = {
      models: relationMap(dm),
      globalOmit: client._globalOmit,
      computed: (model) => client._extensions?.getAllComputedFields?.(model[0].toLowerCase() + model.slice(1)),
    };
    const clientVersion = client._clientVersion ?? client._engineConfig?.clientVersion;
    const pool = options.direct === false ? () => null : adapterPool(client._engineConfig?.adapter);
    const later = { result: false };
    let schemaOk = options.checkSchema === false ? Promise.resolve() : null;

    // the schema check, once per client (retried after a failure)
    const ensureSchema = () => {
      schemaOk ??= checkLoadedSchema((sql) => client.$queryRawUnsafe(sql), client._engineConfig.inlineSchema)
        .catch((e) => { schemaOk = null; throw e; });
      return schemaOk;
    };

    const invalidArgument = (call, pe) => {
      const err = new PrismaClientValidationError(`\nInvalid \`${call}\` invocation:\n\n${pe.message}`, { clientVersion });
      err.sqlState = pe.code;
      return err;
    };

    // prisma_compile() of a document outside any transaction: null when it
    // compiles, else the error; remembered per shape (values as types)
    const shapes = new Map();
    const precheck = async (doc) => {
      const key = shapeKey(doc);
      if (shapes.has(key)) return shapes.get(key);
      let bad = null;
      try {
        await client.$queryRawUnsafe('SELECT prisma_compile($1::json) IS NULL AS r', doc);
      } catch (e) {
        bad = pgError(e);
        if (!bad) throw e;
      }
      if (shapes.size >= 1000) shapes.clear();
      shapes.set(key, bad);
      return bad;
    };

    const fallBack = (reason, call, query, args, always = false) => {
      if (fallbackMode === 'error' && !always) {
        throw new PrismaClientValidationError(`prisma-compile: ${call} cannot run through prisma_query (${reason}) and fallback is 'error'`, { clientVersion });
      }
      stats.fallbacks++;
      stats.reasons[reason] = (stats.reasons[reason] ?? 0) + 1;
      return query(args);
    };

    const computedFields = Object.keys(dm.models).some((m) => ctx.computed(m));
    return watchExtends(client.$extends({
      name: 'prisma-compile',
      query: {
        $allModels: {
          async $allOperations({ model, operation, args, query, __internalParams: ip }) {
            if (!ROUTED.has(operation)) return query(args);
            const call = `prisma.${model[0].toLowerCase()}${model.slice(1)}.${operation}()`;
            // without the request's parameters (another Prisma runtime) the
            // transaction is unknown: never read outside it
            if (!ip || !('transaction' in ip)) return fallBack('the Prisma runtime does not pass __internalParams', call, query, args);
            const tx = ip.transaction;
            if (tx !== undefined && tx.kind !== 'itx' && tx.kind !== 'batch') return fallBack(`transaction of kind ${tx.kind}`, call, query, args);
            let jsonArgs;
            try {
              jsonArgs = queryArgs(ctx, model, operation, args);
            } catch (e) {
              if (e instanceof NotRoutable) return fallBack(e.message, call, query, args);
              throw e;
            }
            const doc = JSON.stringify({ model, operation, args: jsonArgs });
            await ensureSchema();
            // inside a transaction a failed statement would abort it: a shape
            // is first compiled outside it (once per shape)
            if (tx) {
              const bad = await precheck(doc);
              if (bad) {
                if (bad.code === '0A000') return fallBack(bad.message, call, query, args);
                throw invalidArgument(call, bad);
              }
            }
            // outside a transaction, straight to the adapter's pool
            const direct = tx ? null : pool();
            let text;
            try {
              if (direct) {
                text = (await direct.query({ text: SQL, values: [doc] })).rows[0]?.r;
              } else {
                const p = client.$queryRawUnsafe(SQL, doc);
                text = (await (tx ? p.requestTransaction(tx) : p))[0]?.r;
              }
            } catch (e) {
              const pe = pgError(e);
              // the connection failed, the statement timed out, …: Prisma
              // runs the call and gives its own result or error
              if (direct && !ownError(pe)) {
                return fallBack(`error of the pool: ${pe ? pe.code : e.code ?? e.name}`, call, query, args, true);
              }
              if (!pe) throw e;
              if (pe.code !== '0A000') stats.routed++;
              if (pe.code === 'P0002') {
                throw new PrismaClientKnownRequestError(
                  `\nInvalid \`${call}\` invocation:\n\nAn operation failed because it depends on one or more records that were required but not found. No record was found for a query.`,
                  { code: 'P2025', clientVersion, meta: { modelName: model, operation: 'a query' } });
              }
              if (pe.code === '0A000' && !tx) return fallBack(pe.message, call, query, args);
              if (INVALID.has(pe.code)) throw invalidArgument(call, pe);
              throw e;
            }
            stats.routed++;
            if (direct) stats.direct++;
            const result = reviveResult(models, model, operation, jsonArgs, JSON.parse(text));
            // Prisma walks every record of an extended client's result for
            // computed fields; with none anywhere it is skipped (the model
            // is only read for that after the callback returns)
            if (!computedFields && !later.result) ip.model = undefined;
            return ip.dataPath?.length ? unpack(result, ip.dataPath) : result;
          },
        },
      },
    }), later);
  });
  extension.stats = stats;
  return extension;
}

export default prismaCompile;
