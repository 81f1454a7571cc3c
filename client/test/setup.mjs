// Shared setup of the client tests: the package as installed into
// regress/conformance/node_modules (client/install-local.sh), the generated
// kitchen-sink and movies clients of the conformance test, and databases
// made by regress/conformance/run.sh (conform_kitchen, conform_movies).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const conformance = path.join(repo, 'regress/conformance');
export const pc = await import(path.join(conformance, 'node_modules/prisma-compile/src/index.js'));
export const kitchen = await import(path.join(conformance, 'generated/kitchen/client/client.ts'));
export const movies = await import(path.join(conformance, 'generated/movies/client/client.ts'));
export const { Prisma } = kitchen;
export const { PrismaPg } = await import(path.join(conformance, 'node_modules/@prisma/adapter-pg/dist/index.mjs'));
export const pg = (await import(path.join(conformance, 'node_modules/pg/lib/index.js'))).default;

export const adapter = (database = 'conform_kitchen') => new PrismaPg({ database });

// A plain client and an extended one on `database`, with the extension's stats.
export function clients(options = {}, { database = 'conform_kitchen', module = kitchen, clientOptions = {} } = {}) {
  const extension = pc.prismaCompile(options);
  const plain = new module.PrismaClient({ adapter: adapter(database), ...clientOptions });
  const ext = new module.PrismaClient({ adapter: adapter(database), ...clientOptions }).$extends(extension);
  return { plain, ext, stats: extension.stats, close: () => Promise.all([plain.$disconnect(), ext.$disconnect()]) };
}

// Runs f and returns the number of calls the extension routed (`direct`:
// of them, straight to the adapter's pool) and fell back.
export async function counted(stats, f) {
  const r0 = stats.routed;
  const d0 = stats.direct;
  const f0 = stats.fallbacks;
  const value = await f();
  return { value, routed: stats.routed - r0, direct: stats.direct - d0, fellBack: stats.fallbacks - f0 };
}
