// Pinning the order of lists whose order Prisma leaves to the database.
// Prisma returns nested to-many lists without orderBy, and rows tied under
// an orderBy, in whatever order PostgreSQL produces them; prisma_query
// returns primary-key order. So that both sides have one right answer, every
// nested to-many list gets orderBy on the primary key when it has none, and
// every orderBy (top level and nested) gets the primary key appended as a
// tie-breaker. Top-level lists without orderBy get it too: their order is
// the database's on both sides, and the two statements differ.
// (README: deliberate differences.)

function pkOrder(model) {
  return model.id.map((f) => ({ [f]: 'asc' }));
}

function orderList(orderBy) {
  if (orderBy === undefined) return [];
  return Array.isArray(orderBy) ? orderBy : [orderBy];
}

// orderBy with the primary key appended, unless it already ends in a unique key.
function withTieBreak(model, orderBy) {
  const list = orderList(orderBy);
  const plain = new Set(list.filter((o) => o && typeof o === 'object')
    .flatMap((o) => Object.entries(o))
    .filter(([k, v]) => typeof v === 'string' || (v && typeof v === 'object' && 'sort' in v))
    .map(([k]) => k));
  const unique = model.id.every((f) => plain.has(f))
    || model.fields.some((f) => f.isUnique && f.isRequired && plain.has(f.name));
  if (unique) return orderBy;
  return [...list, ...pkOrder(model).filter((o) => !plain.has(Object.keys(o)[0]))];
}

// Pin nested to-many lists (and ties) in one level of select/include.
function pinSelection(schema, model, sel) {
  if (!sel || typeof sel !== 'object') return sel;
  const out = { ...sel };
  for (const [name, value] of Object.entries(sel)) {
    const f = model.fields.find((x) => x.name === name);
    if (!f || f.kind !== 'object' || !value) continue;
    const target = schema.models[f.type];
    const args = value === true ? {} : { ...value };
    if (f.isList) args.orderBy = withTieBreak(target, args.orderBy);
    if (args.include) args.include = pinSelection(schema, target, args.include);
    if (args.select) args.select = pinSelection(schema, target, args.select);
    out[name] = args;
  }
  return out;
}

// The query's args with every list order pinned.
export function pinArgs(schema, modelName, op, args) {
  const model = schema.models[modelName];
  if (!args || typeof args !== 'object' || !model) return args;
  if (!['findMany', 'findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow'].includes(op)) {
    return args;
  }
  const out = { ...args };
  if (out.orderBy !== undefined || op !== 'findUnique' && op !== 'findUniqueOrThrow') {
    out.orderBy = withTieBreak(model, out.orderBy);
  }
  if (out.include) out.include = pinSelection(schema, model, out.include);
  if (out.select) out.select = pinSelection(schema, model, out.select);
  return out;
}
