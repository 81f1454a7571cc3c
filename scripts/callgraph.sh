#!/bin/bash
# scripts/callgraph.sh: the file-level call graph of the built objects.
#
#   make -s && bash scripts/callgraph.sh              the compiler (src/compile_*.o)
#   bash scripts/callgraph.sh src/*.o                 any objects
#
# For each object, nm gives the symbols it defines and the ones it uses
# (undefined); an edge A -> B means A calls a function B defines (the
# functions are listed; variables, such as the settings, are not edges). Calls through a function pointer (the SelectListFn recursion
# of compile_rows) name no symbol and so are not edges. Then tsort looks for
# cycles: the script prints them and exits 1 if there is one.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then set -- src/compile_*.o; fi
for o in "$@"; do
	[ -f "$o" ] || { echo "callgraph.sh: $o not built (run make first)" >&2; exit 2; }
done

defs=$(mktemp) uses=$(mktemp) edges=$(mktemp)
trap 'rm -f "$defs" "$uses" "$edges"' EXIT
for o in "$@"; do
	f=$(basename "$o" .o)
	# functions only (T): the settings, variables of prisma_compile.c, are not calls
	nm --defined-only -g "$o" | awk -v f="$f" 'NF == 3 && $2 == "T" { print $3, f }' >>"$defs"
	nm -u "$o" | awk -v f="$f" '{ print $NF, f }' >>"$uses"
done

# edges: "from to symbol", one per used symbol defined in another object
awk 'NR == FNR { def[$1] = $2; next }
	 ($1 in def) && def[$1] != $2 { print $2, def[$1], $1 }' "$defs" "$uses" |
	sort -u >"$edges"

echo "objects: $(for o in "$@"; do basename "$o" .o; done | tr '\n' ' ')"
echo "edges (caller -> callee: symbols):"
awk '{ k = $1 " -> " $2; if (k in s) s[k] = s[k] ", " $3; else s[k] = $3 }
	 END { for (k in s) print "  " k ": " s[k] }' "$edges" | sort

# tsort reports each loop it has to break on stderr
loops=$( (awk '{ print $1, $2 }' "$edges" | sort -u | tsort >/dev/null) 2>&1 || true)
if [ -n "$loops" ]; then
	echo "cycles:"
	echo "$loops" | sed 's/^tsort: /  /'
	exit 1
fi
echo "cycles: none"
