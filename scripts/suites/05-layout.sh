#!/usr/bin/env bash
# Layout (docs/design.md, "File map"): the call graph of the built objects
# has no cycle, neither among the compiler's files (src/compile_*.o; its
# recursion goes through the SelectListFn pointer, which names no symbol)
# nor among all of the library's.  scripts/callgraph.sh draws the graph
# from nm; that it sees a cycle is checked on two small objects that call
# each other.  Needs the library built (make).
set -uo pipefail
cd "$(dirname "$0")/../.."
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; }

check_graph() { # name, objects...: callgraph.sh finds no cycle
  local name=$1; shift
  if out=$(bash scripts/callgraph.sh "$@" 2>&1); then
    ok "$name: $(echo "$out" | tail -1)"
  else
    not_ok "$name"; echo "$out" | sed -n '/^cycles:/,$p' | head -20
  fi
}

if ! ls src/*.o >/dev/null 2>&1; then
  echo "no objects in src/ (run make first)"; echo "layout: 0 passed, 1 failed"; exit 0
fi
check_graph "compiler call graph (src/compile_*.o)" src/compile_*.o
check_graph "library call graph (src/*.o)" src/*.o

# the check itself: a.o calls b.o and b.o calls a.o must be reported
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'void b(void);\nvoid a(void) { b(); }\n' >"$tmp/a.c"
printf 'void a(void);\nvoid b(void) { a(); }\n' >"$tmp/b.c"
if ! cc -c -o "$tmp/a.o" "$tmp/a.c" || ! cc -c -o "$tmp/b.o" "$tmp/b.c"; then
  not_ok "callgraph.sh reports a cycle (cc failed)"
elif out=$(bash scripts/callgraph.sh "$tmp/a.o" "$tmp/b.o" 2>&1); then
  not_ok "callgraph.sh reports a cycle: it printed none"; echo "$out"
elif echo "$out" | grep -q '^cycles:' && echo "$out" | grep -q 'a -> b: b'; then
  ok "callgraph.sh reports a cycle (a <-> b)"
else
  not_ok "callgraph.sh reports a cycle: unexpected output"; echo "$out"
fi
echo "layout: $passed passed, $failed failed"
