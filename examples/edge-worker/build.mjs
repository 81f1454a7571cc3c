// Bundles src/worker.js for workerd (esbuild): the Prisma Client generated
// for runtime "workerd" (generated/client, see run.sh), its query compiler's
// WebAssembly as a module of its own, and the extension from the repository's
// client/ directory when that directory exists (else driver prisma-compile
// answers 501 and the build says so). PRISMA_COMPILE_CLIENT names another
// client/ directory. dist/build.json says which.
//   node build.mjs   -> dist/worker.js, dist/query_compiler_fast_bg.wasm, dist/build.json
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinModules } from 'node:module';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const clientDir = path.resolve(here, process.env.PRISMA_COMPILE_CLIENT || '../../client');
const hasClient = fs.existsSync(path.join(clientDir, 'package.json'));

// the import `./query_compiler_fast_bg.wasm?module` (Cloudflare's form) stays
// an import, of the module workerd is given under that file's name
const wasmModule = {
  name: 'wasm-module',
  setup(build) {
    build.onResolve({ filter: /\.wasm\?module$/ }, (args) => ({
      path: './' + path.basename(args.path.replace(/\?module$/, '')), external: true,
    }));
  },
};

// `prisma-compile`: the client/ package (its entry point), or a module saying
// it is absent. Its @prisma/client is the Worker's, and its runtime the one
// the generated client uses (runtime/client is Node's: node:fs, __dirname),
// so that the bundle has one runtime and its error classes
function clientEntry() {
  const pkg = JSON.parse(fs.readFileSync(path.join(clientDir, 'package.json'), 'utf8'));
  return path.join(clientDir, pkg.exports?.['.']?.default ?? pkg.main ?? 'index.js');
}
const extension = {
  name: 'prisma-compile',
  setup(build) {
    build.onResolve({ filter: /^prisma-compile$/ }, () =>
      hasClient ? { path: clientEntry() } : { path: 'absent', namespace: 'prisma-compile' });
    build.onLoad({ filter: /.*/, namespace: 'prisma-compile' }, () => ({ contents: 'export const prismaCompile = null;', loader: 'js' }));
    build.onResolve({ filter: /^@prisma\/client/ }, (args) =>
      args.importer.startsWith(clientDir + path.sep) && args.pluginData !== 'here'
        ? build.resolve(args.path.replace(/^@prisma\/client\/runtime\/client$/, '@prisma/client/runtime/wasm-compiler-edge'),
          { kind: args.kind, resolveDir: here, pluginData: 'here' })
        : undefined);
  },
};

fs.rmSync(path.join(here, 'dist'), { recursive: true, force: true });
await esbuild.build({
  entryPoints: [path.join(here, 'src/worker.js')],
  outfile: path.join(here, 'dist/worker.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['workerd', 'worker', 'browser'],
  external: ['cloudflare:*', 'node:*', ...builtinModules],
  plugins: [wasmModule, extension],
  // the CommonJS packages (pg) require() Node's modules: nodejs_compat has them
  banner: { js: 'import { createRequire } from "node:module"; const require = createRequire("/");' },
  nodePaths: [path.join(here, 'node_modules')],
  logLevel: 'warning',
});
fs.copyFileSync(path.join(here, 'generated/client/internal/query_compiler_fast_bg.wasm'), path.join(here, 'dist/query_compiler_fast_bg.wasm'));
fs.writeFileSync(path.join(here, 'dist/build.json'), JSON.stringify({ client: hasClient ? clientDir : null }) + '\n');
console.log(hasClient ? `edge-worker: built with ${clientDir} (driver prisma-compile)` : 'edge-worker: client/ absent: built without driver prisma-compile');
