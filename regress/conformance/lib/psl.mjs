// A small reader of Prisma schema files: just enough of PSL (models, enums,
// and views, fields, ids, uniques, relations) for the harness to pin nested ordering and
// for the random generator to build valid queries. Not a validator: the
// schemas it reads are already accepted by `prisma generate`.

const SCALARS = new Set(['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean',
  'DateTime', 'Json', 'Bytes']);

// Parse schema text into { models: {Name: model}, enums: {Name: [values]} }.
export function parseSchema(text) {
  const src = text.replace(/\/\/[^\n]*/g, '');
  const models = {};
  const enums = {};
  const blockRe = /\b(model|view|enum)\s+(\w+)\s*\{([^}]*)\}/g;
  let m;
  while ((m = blockRe.exec(src))) {
    const [, kind, name, body] = m;
    const lines = body.split('\n').map((l) => l.trim()).filter(Boolean);
    if (kind === 'enum') {
      enums[name] = lines.filter((l) => !l.startsWith('@')).map((l) => l.split(/\s+/)[0]);
      continue;
    }
    models[name] = { name, fields: [], id: null, uniques: [] };
    for (const line of lines) {
      if (line.startsWith('@@')) {
        const am = /^@@(id|unique)\(\s*\[([^\]]*)\](?:\s*,\s*name:\s*"(\w+)")?/.exec(line);
        if (am) {
          const cols = am[2].split(',').map((s) => s.trim()).filter(Boolean);
          if (am[1] === 'id') models[name].id = cols;
          else models[name].uniques.push({ fields: cols, name: am[3] || cols.join('_') });
        }
        continue;
      }
      const fm = /^(\w+)\s+(\w+)(\[\]|\?)?\s*(.*)$/.exec(line);
      if (!fm) continue;
      const [, fname, type, mod, attrs] = fm;
      const f = {
        name: fname, type,
        isList: mod === '[]', isRequired: mod !== '?',
        isId: /@id\b/.test(attrs), isUnique: /@unique\b/.test(attrs),
        native: (/@db\.(\w+(?:\([^)]*\))?)/.exec(attrs) || [])[1] || null,
      };
      const rel = /@relation\(([^)]*)\)/.exec(attrs);
      f.relationFields = rel && /fields:\s*\[([^\]]*)\]/.test(rel[1])
        ? /fields:\s*\[([^\]]*)\]/.exec(rel[1])[1].split(',').map((s) => s.trim()) : null;
      models[name].fields.push(f);
    }
  }
  for (const model of Object.values(models)) {
    for (const f of model.fields) {
      if (SCALARS.has(f.type)) f.kind = 'scalar';
      else if (enums[f.type]) f.kind = 'enum';
      else if (models[f.type]) f.kind = 'object';
      else throw new Error(`unknown type ${f.type} of ${model.name}.${f.name}`);
    }
    if (!model.id) model.id = model.fields.filter((f) => f.isId).map((f) => f.name);
    // a view has no id: its first required unique field stands in for it
    if (!model.id.length) model.id = model.fields.filter((f) => f.isUnique).slice(0, 1).map((f) => f.name);
  }
  // previewFeatures = ["fullTextSearchPostgres"]: search and _relevance
  const fullTextSearch = /previewFeatures\s*=\s*\[[^\]]*"fullTextSearchPostgres"/.test(src);
  return { models, enums, fullTextSearch };
}

// The scalar and enum fields of a model.
export function scalarFields(model) {
  return model.fields.filter((f) => f.kind !== 'object');
}

// The relation fields of a model.
export function relationFields(model) {
  return model.fields.filter((f) => f.kind === 'object');
}

// The delegate name of a model on the client: Movie -> movie.
export function delegateName(modelName) {
  return modelName[0].toLowerCase() + modelName.slice(1);
}
