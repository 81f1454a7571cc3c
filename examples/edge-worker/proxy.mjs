// WebSocket-to-TCP proxy in front of PostgreSQL, for the example Worker
// (docs/edge.md): what Neon's proxy does for @neondatabase/serverless, on
// loopback, without TLS. It also takes plain TCP (for the pg driver) and
// counts the statements clients send: it reads the frontend messages of the
// PostgreSQL protocol and counts Query ('Q') and Parse ('P') messages.
//   node proxy.mjs [upstream host, or socket directory] [upstream port]
// (default PGHOST, PGPORT). Listens on 127.0.0.1, ephemeral ports, and prints
// {"ws": port, "tcp": port} on one line. The WebSocket endpoint is /v2
// (Neon's path; the ?address= it is given is not followed: every connection
// goes to the one upstream). GET /stats answers the counts so far:
// {"connections", "statements", "queries", "parses", "bytesUp", "bytesDown",
// "texts"}, texts: the statements received since the previous GET /stats.
import http from 'node:http';
import net from 'node:net';
import { WebSocketServer } from 'ws';

const upHost = process.argv[2] || process.env.PGHOST || '127.0.0.1';
const upPort = Number(process.argv[3] || process.env.PGPORT || 5432);
const stats = { connections: 0, statements: 0, queries: 0, parses: 0, bytesUp: 0, bytesDown: 0 };
let texts = [];

// the first NUL-terminated string of buf at offset
function cstring(buf, offset) {
  const end = buf.indexOf(0, offset);
  return buf.toString('utf8', offset, end < 0 ? buf.length : end);
}

function connectUpstream() {
  return upHost.startsWith('/')
    ? net.connect({ path: `${upHost}/.s.PGSQL.${upPort}` })
    : net.connect({ host: upHost, port: upPort, noDelay: true });
}

// Reads the client-to-server byte stream message by message. The first
// messages have no type byte (SSLRequest, GSSENCRequest, then the startup
// message); after the startup message every message is a type byte and a
// length that counts itself.
function frontendCounter() {
  let buf = Buffer.alloc(0);
  let startup = true;
  return (chunk) => {
    stats.bytesUp += chunk.length;
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    for (;;) {
      if (startup) {
        if (buf.length < 8) return;
        const len = buf.readInt32BE(0);
        if (buf.length < len) return;
        const code = buf.readInt32BE(4);
        // 80877103 SSLRequest, 80877104 GSSENCRequest: the startup message follows
        if (code !== 80877103 && code !== 80877104) startup = false;
        buf = buf.subarray(len);
      } else {
        if (buf.length < 5) return;
        const len = buf.readInt32BE(1);
        if (buf.length < 1 + len) return;
        const type = String.fromCharCode(buf[0]);
        // Query: the text; Parse: the statement's name, then its text
        if (type === 'Q') { stats.queries++; stats.statements++; texts.push(cstring(buf, 5)); }
        if (type === 'P') {
          stats.parses++; stats.statements++;
          texts.push(cstring(buf, buf.indexOf(0, 5) + 1));
        }
        buf = buf.subarray(1 + len);
      }
    }
  };
}

// a client (WebSocket or socket) joined to a new upstream connection
function join(send, close, onData) {
  stats.connections++;
  const count = frontendCounter();
  const upstream = connectUpstream();
  upstream.on('data', (chunk) => { stats.bytesDown += chunk.length; send(chunk); });
  upstream.on('close', close);
  upstream.on('error', close);
  onData((chunk) => { count(chunk); upstream.write(chunk); });
  return upstream;
}

const httpServer = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ...stats, texts }));
    texts = [];
  } else {
    res.writeHead(404);
    res.end();
  }
});
const wss = new WebSocketServer({ noServer: true });
httpServer.on('upgrade', (req, socket, head) => {
  if (!req.url.startsWith('/v2')) { socket.destroy(); return; }
  wss.handleUpgrade(req, socket, head, (ws) => {
    const upstream = join(
      (chunk) => ws.send(chunk),
      () => ws.close(),
      (fn) => ws.on('message', (data) => fn(Buffer.isBuffer(data) ? data : Buffer.from(data))));
    ws.on('close', () => upstream.destroy());
    ws.on('error', () => upstream.destroy());
  });
});

const tcpServer = net.createServer({ noDelay: true }, (client) => {
  const upstream = join((chunk) => client.write(chunk), () => client.destroy(), (fn) => client.on('data', fn));
  client.on('close', () => upstream.destroy());
  client.on('error', () => upstream.destroy());
});

httpServer.listen(0, '127.0.0.1', () => {
  tcpServer.listen(0, '127.0.0.1', () => {
    console.log(JSON.stringify({ ws: httpServer.address().port, tcp: tcpServer.address().port }));
  });
});
