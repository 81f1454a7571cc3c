# workerd configuration of the example Worker (docs/edge.md). run.sh serves it:
#   workerd serve worker.capnp --socket-addr http=127.0.0.1:PORT
# with DATABASE_URL, WS_PROXY, PG_URL (optional) and DRIVER (optional) in the
# environment. Outbound connections (the WebSocket and the TCP sockets) go to
# loopback through the "internet" service, allowed to reach local addresses.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:8787", http = (), service = "main") ],
);

const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "dist/worker.js"),
    (name = "query_compiler_fast_bg.wasm", wasm = embed "dist/query_compiler_fast_bg.wasm"),
  ],
  compatibilityDate = "2025-09-01",
  compatibilityFlags = ["nodejs_compat"],
  bindings = [
    (name = "DATABASE_URL", fromEnvironment = "DATABASE_URL"),
    (name = "WS_PROXY", fromEnvironment = "WS_PROXY"),
    (name = "PG_URL", fromEnvironment = "PG_URL"),
    (name = "DRIVER", fromEnvironment = "DRIVER"),
  ],
);
