// Delaying TCP proxy on loopback: every chunk, in either direction, is held
// for DELAY_MS (default 2.5 ms) before it is forwarded, so a round trip
// between client and server costs about 5 ms more, as at the edge.
// Run as a child process (its timers must not share the client's event loop):
//   node proxy.mjs <upstream host or socket dir> <upstream port> [delay ms]
// It listens on 127.0.0.1, an ephemeral port, and reports the port on stdout
// (and through process.send when forked).
import net from "node:net";

const [upHost, upPortArg, delayArg] = process.argv.slice(2);
const upPort = Number(upPortArg || 5432);
const delayNs = BigInt(Math.round(Number(delayArg || 2.5) * 1e6));

// one direction of a connection: chunks in arrival order, each with its due time
function delayedPipe(from, to) {
  const queue = [];
  let scheduled = false;

  // forward every chunk that is due; wait for the next one with a timer, then spin
  function pump() {
    scheduled = false;
    const now = process.hrtime.bigint();
    while (queue.length && queue[0].due <= now) to.write(queue.shift().chunk);
    if (!queue.length) return;
    const waitMs = Number(queue[0].due - now) / 1e6;
    scheduled = true;
    if (waitMs > 1.5) setTimeout(pump, Math.floor(waitMs - 0.5));
    else setImmediate(pump);
  }

  from.on("data", (chunk) => {
    queue.push({ chunk, due: process.hrtime.bigint() + delayNs });
    if (!scheduled) { scheduled = true; setImmediate(pump); }
  });
  from.on("end", () => {
    const finish = () => (queue.length ? setTimeout(finish, 1) : to.end());
    finish();
  });
}

const server = net.createServer({ noDelay: true }, (client) => {
  const upstream = upHost && upHost.startsWith("/")
    ? net.connect({ path: `${upHost}/.s.PGSQL.${upPort}` })
    : net.connect({ host: upHost || "127.0.0.1", port: upPort, noDelay: true });
  client.setNoDelay(true);
  delayedPipe(client, upstream);
  delayedPipe(upstream, client);
  const close = () => { client.destroy(); upstream.destroy(); };
  client.on("error", close);
  upstream.on("error", close);
  client.on("close", close);
  upstream.on("close", close);
});

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address();
  if (process.send) process.send({ port });
  else console.log(port);
});
