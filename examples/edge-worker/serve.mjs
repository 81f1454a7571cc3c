// Starts the example Worker in workerd with what it needs (docs/edge.md):
// the counting WebSocket/TCP proxy (proxy.mjs) in front of the PostgreSQL of
// PGHOST/PGPORT/PGUSER/PGPASSWORD, optionally behind the delaying proxy of
// the benchmark (bench/proxy.mjs, a round trip costs 2 x delay more).
// Needs setup.sh done (node_modules, generated client, dist/).
//   node serve.mjs [database] [delay ms]   -> prints the Worker's URL, runs until killed
// As a module: startEdge({ database, delayMs }) -> { url, stats(), stop() }.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// a child process and the first line it prints on stdout
function startChild(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], ...options });
  const firstLine = new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    child.on('exit', (code) => reject(new Error(`${path.basename(args[0] ?? command)} exited (${code})`)));
  });
  return { child, firstLine };
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

export async function startEdge({ database = process.env.PGDATABASE || 'postgres', delayMs = 0 } = {}) {
  const children = [];
  const stop = () => { for (const c of children.reverse()) c.kill(); };
  try {
    let upstream = [process.env.PGHOST || '127.0.0.1', process.env.PGPORT || '5432'];
    if (delayMs > 0) {
      const delay = startChild(process.execPath, [path.join(here, '../../bench/proxy.mjs'), ...upstream, String(delayMs)]);
      children.push(delay.child);
      upstream = ['127.0.0.1', (await delay.firstLine).trim()];
    }
    const proxy = startChild(process.execPath, [path.join(here, 'proxy.mjs'), ...upstream]);
    children.push(proxy.child);
    const ports = JSON.parse(await proxy.firstLine);

    const user = encodeURIComponent(process.env.PGUSER || 'postgres');
    const password = encodeURIComponent(process.env.PGPASSWORD || 'unused');
    const port = await freePort();
    const worker = spawn(path.join(here, 'node_modules/.bin/workerd'),
      ['serve', path.join(here, 'worker.capnp'), '--socket-addr', `http=127.0.0.1:${port}`], {
        cwd: here,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
          ...process.env,
          // the neon drivers name the database's host to the proxy, which goes to its one upstream
          DATABASE_URL: `postgresql://${user}:${password}@localhost:5432/${database}`,
          WS_PROXY: `127.0.0.1:${ports.ws}`,
          PG_URL: `postgresql://${user}:${password}@127.0.0.1:${ports.tcp}/${database}`,
        },
      });
    children.push(worker);
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try { await fetch(url); break; } catch (e) {
        if (i > 300 || worker.exitCode !== null) throw new Error(`workerd did not start: ${e.message}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const statsUrl = `http://127.0.0.1:${ports.ws}/stats`;
    return { url, ports, stats: async () => (await fetch(statsUrl)).json(), stop };
  } catch (e) {
    stop();
    throw e;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const edge = await startEdge({ database: process.argv[2], delayMs: Number(process.argv[3] || 0) });
  console.log(`${edge.url}/query  (statements: http://127.0.0.1:${edge.ports.ws}/stats)`);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { edge.stop(); process.exit(0); });
}
