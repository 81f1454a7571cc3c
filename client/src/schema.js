// Schema sync: the hash that tells whether the schema loaded into the
// database (prisma_compile.loaded_schema) is the one a Prisma Client was
// generated from. The hash covers the models and enums only: comments,
// whitespace and the generator and datasource blocks (whose `output` or
// `url` differ between copies of one schema) are left out.
import { createHash } from 'node:crypto';

// The text without comments, with strings kept as they are.
function stripComments(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else out += c;
  }
  return out;
}

// The schema's models and enums, one space between tokens.
export function normalizeSchema(text) {
  return stripComments(text)
    .replace(/^\s*(generator|datasource)\s+\w+\s*\{[^}]*\}/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function schemaHash(text) {
  return createHash('sha256').update(normalizeSchema(text)).digest('hex');
}

export const PUSH_COMMAND = 'npx prisma-compile push';

// An error of the schema check, with the command that fixes it.
export class SchemaMismatchError extends Error {
  constructor(message) {
    super(`prisma-compile: ${message}; run \`${PUSH_COMMAND}\` to load the schema this client was generated from`);
    this.name = 'SchemaMismatchError';
  }
}

// Compares the database's loaded schema with `clientSchema`; `run(sql)`
// returns the rows of a query outside any transaction.
export async function checkLoadedSchema(run, clientSchema) {
  let rows;
  try {
    rows = await run('SELECT source, version FROM prisma_compile.loaded_schema');
  } catch (e) {
    throw new SchemaMismatchError(`cannot read prisma_compile.loaded_schema (is the extension installed? CREATE EXTENSION prisma_compile): ${e.meta?.driverAdapterError?.cause?.originalMessage ?? e.message}`);
  }
  if (rows.length === 0) throw new SchemaMismatchError('no schema is loaded into the database');
  const want = schemaHash(clientSchema);
  const have = schemaHash(rows[0].source);
  if (want !== have) {
    throw new SchemaMismatchError(`the schema loaded into the database (version ${rows[0].version}, hash ${have.slice(0, 12)}) is not the one this Prisma Client was generated from (hash ${want.slice(0, 12)})`);
  }
}
