/*
 * schema_psl.c
 *		Parse Prisma schema language into the structures of schema.h.
 *
 * Three passes.  A tokenizer turns the text into tokens that remember their
 * line and column.  A recursive-descent parser builds raw blocks (models,
 * enums) whose attributes keep their arguments as a small value tree, so
 * that any argument expression (autoincrement(), dbgenerated("..."), lists)
 * is accepted without being understood; of the generator and datasource
 * blocks only previewFeatures and schemas are read.  The semantic pass
 * resolves types, @map names, ids and unique criteria, and pairs relation
 * fields with their opposite field to decide each relation's kind and join
 * columns.  Block names are looked up in a hash table (NameTable), so that
 * the passes take time linear in the schema's size.
 *
 * Syntax errors are raised as 42601, semantic errors as 42P17 naming the
 * model or field, both with line and column and, where Prisma rejects the
 * same schema, Prisma's message.  Everything is allocated in
 * CurrentMemoryContext: the caller owns the context and drops it on error.
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "common/hashfn.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "mb/pg_wchar.h"
#include "nodes/pg_list.h"

#include "format.h"
#include "pg_compat.h"
#include "schema.h"

typedef enum TokType
{
	TK_EOF,
	TK_IDENT,
	TK_STRING,
	TK_NUMBER,
	TK_AT,						/* @ */
	TK_ATAT,					/* @@ */
	TK_PUNCT					/* one of { } ( ) [ ] , : = ? . */
} TokType;

typedef struct Tok
{
	TokType		type;
	char	   *str;			/* identifier, string contents, number text,
								 * punctuation character */
	int			line;
	int			col;
	bool		newline_before; /* first token on its line */
} Tok;

/* an attribute argument value, kept as a tree */
typedef enum PslValueKind
{
	PV_STRING,
	PV_NUMBER,
	PV_IDENT,
	PV_CALL,					/* ident(args) */
	PV_LIST						/* [values] */
} PslValueKind;

typedef struct PslValue
{
	PslValueKind kind;
	char	   *str;			/* text, or the called function's name */
	List	   *items;			/* PslArg * for PV_CALL, PslValue * for
								 * PV_LIST */
	int			line;
	int			col;
} PslValue;

typedef struct PslArg
{
	char	   *name;			/* NULL for a positional argument */
	PslValue   *value;
} PslArg;

typedef struct PslAttr
{
	char	   *name;			/* "id", "db.VarChar", "relation", ... */
	List	   *args;			/* PslArg * */
	int			line;
	int			col;
} PslAttr;

typedef struct RawField
{
	char	   *name;
	char	   *type_name;
	bool		is_list;
	bool		is_optional;
	bool		unsupported;	/* Unsupported("...") */
	List	   *attrs;			/* PslAttr * */
	int			line;
	int			col;			/* of the name */
	int			type_col;		/* of the type */
} RawField;

typedef struct RawBlock
{
	char	   *name;
	bool		is_enum;
	bool		is_view;		/* a view block: read like a model */
	List	   *fields;			/* RawField * (models) */
	List	   *values;			/* char * (enums) */
	List	   *db_values;		/* char *, after @map (enums) */
	List	   *attrs;			/* block attributes, PslAttr * */
	int			line;			/* of the keyword (model, enum, view) */
	int			col;
	int			name_col;		/* of the name, on the same line */
	int			model;			/* index in PrismaSchema.models, or -1 */
} RawBlock;

typedef struct Parser
{
	Tok		   *toks;
	int			ntoks;
	int			pos;
} Parser;

/* the relation facts of one relation field, before pairing */
typedef struct RelInfo
{
	char	   *name;			/* @relation name, or NULL */
	List	   *fields;			/* char *, Prisma field names */
	List	   *references;
	bool		has_relation_attr;
	int			line;			/* of @relation, else of the field */
	int			col;
	PslValue   *fields_arg;		/* the lists as written, for error positions */
	PslValue   *references_arg;
} RelInfo;

/* A block name and its block, in a simplehash table */
typedef struct NameEntry
{
	const char *name;
	uint32		hash;
	char		status;
	RawBlock   *block;
} NameEntry;

#define SH_PREFIX name_table
#define SH_ELEMENT_TYPE NameEntry
#define SH_KEY_TYPE const char *
#define SH_KEY name
#define SH_HASH_KEY(tb, key) hash_bytes((const unsigned char *) (key), strlen(key))
#define SH_EQUAL(tb, a, b) (strcmp(a, b) == 0)
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) ((a)->hash)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

/* What the generator and datasource blocks say that matters here */
typedef struct ConfigInfo
{
	List	   *schemas;		/* the datasource's schemas, char * */
	List	   *preview_features;	/* the generator's previewFeatures */
} ConfigInfo;

static const char *const scalar_names[] = {
	"String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime",
	"Json", "Bytes"
};
static const PrismaType scalar_types[] = {
	PT_STRING, PT_INT, PT_BIGINT, PT_FLOAT, PT_DECIMAL, PT_BOOLEAN,
	PT_DATETIME, PT_JSON, PT_BYTES
};

/* Prisma's native types for PostgreSQL (its postgres connector). */
static const PrismaNativeType native_types[] = {
	{"Text", PT_STRING, 0, TEXTOID},
	{"Char", PT_STRING, 1, BPCHAROID},
	{"VarChar", PT_STRING, 1, VARCHAROID},
	{"Bit", PT_STRING, 1, BITOID},
	{"VarBit", PT_STRING, 1, VARBITOID},
	{"Uuid", PT_STRING, 0, UUIDOID},
	{"Xml", PT_STRING, 0, XMLOID},
	{"Inet", PT_STRING, 0, INETOID},
	{"Citext", PT_STRING, 0, InvalidOid},
	{"Boolean", PT_BOOLEAN, 0, BOOLOID},
	{"Integer", PT_INT, 0, INT4OID},
	{"SmallInt", PT_INT, 0, INT2OID},
	{"Oid", PT_INT, 0, OIDOID},
	{"BigInt", PT_BIGINT, 0, INT8OID},
	{"DoublePrecision", PT_FLOAT, 0, FLOAT8OID},
	{"Real", PT_FLOAT, 0, FLOAT4OID},
	{"Decimal", PT_DECIMAL, 2, NUMERICOID},
	{"Money", PT_DECIMAL, 0, CASHOID},
	{"Timestamp", PT_DATETIME, 1, TIMESTAMPOID},
	{"Timestamptz", PT_DATETIME, 1, TIMESTAMPTZOID},
	{"Date", PT_DATETIME, 0, DATEOID},
	{"Time", PT_DATETIME, 1, TIMEOID},
	{"Timetz", PT_DATETIME, 1, TIMETZOID},
	{"Json", PT_JSON, 0, JSONOID},
	{"JsonB", PT_JSON, 0, JSONBOID},
	{"ByteA", PT_BYTES, 0, BYTEAOID},
};

/* The native type of a name ("VarChar", or "VarChar(200)" as stored), or NULL. */
const PrismaNativeType *
native_type_lookup(const char *name)
{
	size_t		len = strcspn(name, "(");

	for (int i = 0; i < lengthof(native_types); i++)
		if (strlen(native_types[i].name) == len && strncmp(native_types[i].name, name, len) == 0)
			return &native_types[i];
	return NULL;
}

/* "String": the name of a scalar type. */
static const char *
scalar_type_name(PrismaType type)
{
	for (int i = 0; i < lengthof(scalar_types); i++)
		if (scalar_types[i] == type)
			return scalar_names[i];
	return "?";
}

/* Raise a syntax error at a line and column. */
pg_noreturn static void
syntax_error(int line, int col, const char *msg, const char *found)
{
	ereport(ERROR,
			(errcode(ERRCODE_SYNTAX_ERROR),
			 errmsg("syntax error at line %d, column %d: %s", line, col, msg),
			 found ? errdetail("Found %s.", found) : 0));
}

/* Raise a semantic error naming what is wrong, its line and column. */
pg_noreturn static void
pg_attribute_printf(4, 5)
semantic_error(const char *what, int line, int col, const char *fmt,...)
{
	StringInfoData buf;
	va_list		args;

	initStringInfo(&buf);
	va_start(args, fmt);
	append_vformat(&buf, fmt, args);
	va_end(args);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
			 errmsg("%s at line %d, column %d: %s", what, line, col, buf.data)));
}

/* ---------------------------------------------------------------- tokens */

/* The tokenizer's position in the text */
typedef struct Scanner
{
	const char *s;				/* the next character */
	int			line;
	bool		newline;		/* a new line began since the last token */
	const char *col_from;		/* col counts the characters up to here */
	int			col;
} Scanner;

/* Skip blanks, new lines and // comments. */
static void
skip_blank(Scanner *sc)
{
	while (*sc->s)
	{
		if (*sc->s == '\n')
		{
			sc->line++;
			sc->s++;
			sc->newline = true;
			sc->col_from = sc->s;
			sc->col = 1;
		}
		else if (strchr(" \t\r\f\v", *sc->s) != NULL)
			sc->s++;
		else if (sc->s[0] == '/' && sc->s[1] == '/')
		{
			while (*sc->s && *sc->s != '\n')
				sc->s++;
		}
		else
			break;
	}
}

/* The column of the next character: characters, not bytes, counted on
 * from the last token (so that long lines cost no more). */
static int
scan_column(Scanner *sc)
{
	sc->col += pg_mbstrlen_with_len(sc->col_from, sc->s - sc->col_from);
	sc->col_from = sc->s;
	return sc->col;
}

/* An identifier: [A-Za-z_][A-Za-z0-9_]*. */
static void
scan_ident(Scanner *sc, Tok *t)
{
	const char *start = sc->s;

	while (isalnum((unsigned char) *sc->s) || *sc->s == '_')
		sc->s++;
	t->type = TK_IDENT;
	t->str = pnstrdup(start, sc->s - start);
}

/* A number: -?digits[.digits][e[+-]digits]. */
static void
scan_number(Scanner *sc, Tok *t)
{
	const char *start = sc->s;
	const char *s = sc->s;

	if (*s == '-')
		s++;
	while (isdigit((unsigned char) *s))
		s++;
	if (*s == '.' && isdigit((unsigned char) s[1]))
	{
		s++;
		while (isdigit((unsigned char) *s))
			s++;
	}
	if ((*s == 'e' || *s == 'E') &&
		(isdigit((unsigned char) s[1]) ||
		 ((s[1] == '+' || s[1] == '-') && isdigit((unsigned char) s[2]))))
	{
		s += 2;
		while (isdigit((unsigned char) *s))
			s++;
	}
	sc->s = s;
	t->type = TK_NUMBER;
	t->str = pnstrdup(start, s - start);
}

/* A string "...", its escapes \n, \t, \r and \<char> resolved. */
static void
scan_string(Scanner *sc, Tok *t)
{
	const char *s = sc->s + 1;
	const char *end = s;
	char	   *out;

	/* find the end first: the copy is no longer than the text */
	while (*end != '"')
	{
		if (*end == '\0' || *end == '\n')
			syntax_error(t->line, t->col, "unterminated string", NULL);
		end += *end == '\\' && end[1] != '\0' ? 2 : 1;
	}
	t->type = TK_STRING;
	t->str = out = palloc(end - s + 1);
	while (s < end)
	{
		if (*s == '\\' && s + 1 < end)
		{
			s++;
			*out++ = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s == 'r' ? '\r' : *s;
			s++;
		}
		else
			*out++ = *s++;
	}
	*out = '\0';
	sc->s = end + 1;
}

/* "@", "@@" or one punctuation character. */
static void
scan_symbol(Scanner *sc, Tok *t)
{
	if (sc->s[0] == '@')
	{
		t->type = sc->s[1] == '@' ? TK_ATAT : TK_AT;
		sc->s += t->type == TK_ATAT ? 2 : 1;
	}
	else if (strchr("{}()[],:=?.", *sc->s) != NULL)
	{
		t->type = TK_PUNCT;
		t->str = pnstrdup(sc->s, 1);
		sc->s++;
	}
	else
	{
		char		found[16];

		snprintf(found, sizeof(found), "\"%.*s\"", pg_mblen(sc->s), sc->s);
		syntax_error(t->line, t->col, "unexpected character", found);
	}
}

/* Split the schema text into tokens; comments are dropped. */
static void
tokenize(Parser *p, const char *text)
{
	Scanner		sc = {.s = text, .line = 1, .newline = true, .col_from = text, .col = 1};
	int			cap = 256;

	p->toks = palloc(cap * sizeof(Tok));
	p->ntoks = 0;
	p->pos = 0;
	for (;;)
	{
		Tok			t = {0};

		CHECK_FOR_INTERRUPTS();
		skip_blank(&sc);
		t.line = sc.line;
		t.col = scan_column(&sc);
		t.newline_before = sc.newline;
		sc.newline = false;
		if (*sc.s == '\0')
			t.type = TK_EOF;
		else if (isalpha((unsigned char) *sc.s) || *sc.s == '_')
			scan_ident(&sc, &t);
		else if (isdigit((unsigned char) *sc.s) ||
				 (*sc.s == '-' && isdigit((unsigned char) sc.s[1])))
			scan_number(&sc, &t);
		else if (*sc.s == '"')
			scan_string(&sc, &t);
		else
			scan_symbol(&sc, &t);

		if (p->ntoks == cap)
		{
			cap *= 2;
			p->toks = repalloc(p->toks, cap * sizeof(Tok));
		}
		p->toks[p->ntoks++] = t;
		if (t.type == TK_EOF)
			break;
	}
}

/* The current token. */
static Tok *
peek(Parser *p)
{
	return &p->toks[p->pos];
}

/* The token after the current one. */
static Tok *
peek2(Parser *p)
{
	return &p->toks[p->pos + 1 < p->ntoks ? p->pos + 1 : p->pos];
}

/* Is the current token the punctuation character c? */
static bool
at_punct(Parser *p, char c)
{
	Tok		   *t = peek(p);

	return t->type == TK_PUNCT && t->str[0] == c;
}

/* Describe a token for an error detail. */
static char *
describe(Tok *t)
{
	switch (t->type)
	{
		case TK_EOF:
			return "the end of the schema";
		case TK_STRING:
			return psprintf("string \"%s\"", t->str);
		case TK_AT:
			return "\"@\"";
		case TK_ATAT:
			return "\"@@\"";
		default:
			return psprintf("\"%s\"", t->str);
	}
}

/* Raise "expected ..." at the current token. */
pg_noreturn static void
expected(Parser *p, const char *what)
{
	Tok		   *t = peek(p);

	syntax_error(t->line, t->col, psprintf("expected %s", what), describe(t));
}

/* Consume the punctuation character c or fail. */
static void
expect_punct(Parser *p, char c)
{
	if (!at_punct(p, c))
		expected(p, psprintf("\"%c\"", c));
	p->pos++;
}

/* Consume an identifier or fail; what names it in the error. */
static Tok *
expect_ident(Parser *p, const char *what)
{
	Tok		   *t = peek(p);

	if (t->type != TK_IDENT)
		expected(p, what);
	p->pos++;
	return t;
}

/* ---------------------------------------------------------------- parser */

static List *parse_args(Parser *p);
static char *attr_string(PslAttr *a, const char *what, const char *name);

/* Parse one argument value: string, number, identifier, call or list. */
static PslValue *
parse_value(Parser *p)
{
	Tok		   *t = peek(p);
	PslValue   *v = palloc0(sizeof(PslValue));

	v->line = t->line;
	v->col = t->col;
	if (t->type == TK_STRING || t->type == TK_NUMBER)
	{
		v->kind = t->type == TK_STRING ? PV_STRING : PV_NUMBER;
		v->str = t->str;
		p->pos++;
	}
	else if (t->type == TK_IDENT)
	{
		v->kind = PV_IDENT;
		v->str = t->str;
		p->pos++;
		if (at_punct(p, '('))
		{
			v->kind = PV_CALL;
			v->items = parse_args(p);
		}
	}
	else if (at_punct(p, '['))
	{
		v->kind = PV_LIST;
		p->pos++;
		while (!at_punct(p, ']'))
		{
			v->items = lappend(v->items, parse_value(p));
			if (at_punct(p, ','))
				p->pos++;
			else if (!at_punct(p, ']'))
				expected(p, "\",\" or \"]\"");
		}
		p->pos++;
	}
	else
		expected(p, "a value");
	return v;
}

/* Parse "(arg, name: value, ...)"; the current token is "(". */
static List *
parse_args(Parser *p)
{
	List	   *args = NIL;

	expect_punct(p, '(');
	while (!at_punct(p, ')'))
	{
		PslArg	   *a = palloc0(sizeof(PslArg));

		if (peek(p)->type == TK_IDENT && peek2(p)->type == TK_PUNCT &&
			peek2(p)->str[0] == ':')
		{
			a->name = peek(p)->str;
			p->pos += 2;
		}
		a->value = parse_value(p);
		args = lappend(args, a);
		if (at_punct(p, ','))
			p->pos++;
		else if (!at_punct(p, ')'))
			expected(p, "\",\" or \")\"");
	}
	p->pos++;
	return args;
}

/* Parse an attribute after its "@" or "@@": name(.name)* [(args)]. */
static PslAttr *
parse_attr(Parser *p)
{
	Tok		   *at = peek(p);
	PslAttr    *a = palloc0(sizeof(PslAttr));

	a->line = at->line;
	a->col = at->col;
	p->pos++;
	a->name = expect_ident(p, "an attribute name")->str;
	while (at_punct(p, '.'))
	{
		p->pos++;
		a->name = psprintf("%s.%s", a->name, expect_ident(p, "an attribute name")->str);
	}
	if (at_punct(p, '('))
		a->args = parse_args(p);
	return a;
}

/* Parse one field line of a model. */
static RawField *
parse_field(Parser *p)
{
	Tok		   *t = peek(p);
	RawField   *f = palloc0(sizeof(RawField));

	if (!t->newline_before)
		expected(p, "a new line");
	f->name = t->str;
	f->line = t->line;
	f->col = t->col;
	p->pos++;
	f->type_col = peek(p)->col;
	f->type_name = expect_ident(p, "a field type")->str;
	if (strcmp(f->type_name, "Unsupported") == 0 && at_punct(p, '('))
	{
		f->unsupported = true;
		(void) parse_args(p);
	}
	if (at_punct(p, '['))
	{
		p->pos++;
		expect_punct(p, ']');
		f->is_list = true;
		if (at_punct(p, '?'))
			syntax_error(peek(p)->line, f->type_col,
						 "Optional lists are not supported. Use either `Type[]` or `Type?`.", NULL);
	}
	else if (at_punct(p, '?'))
	{
		p->pos++;
		f->is_optional = true;
	}
	while (peek(p)->type == TK_AT && !peek(p)->newline_before)
		f->attrs = lappend(f->attrs, parse_attr(p));
	if (!peek(p)->newline_before && !at_punct(p, '}'))
		expected(p, "a new line");
	return f;
}

/* Parse "model Name { ... }", "view Name { ... }" or "enum Name { ... }";
 * the keyword (kw) is eaten. */
static RawBlock *
parse_block(Parser *p, Tok *kw)
{
	RawBlock   *b = palloc0(sizeof(RawBlock));
	bool		is_enum = kw->str[0] == 'e';

	b->is_enum = is_enum;
	b->is_view = kw->str[0] == 'v';
	b->line = kw->line;
	b->col = kw->col;
	b->model = -1;
	b->name_col = peek(p)->col;
	b->name = expect_ident(p, is_enum ? "an enum name" : "a model name")->str;
	expect_punct(p, '{');
	for (;;)
	{
		Tok		   *t = peek(p);

		if (at_punct(p, '}'))
		{
			p->pos++;
			break;
		}
		if (t->type == TK_ATAT)
		{
			if (!t->newline_before)
				expected(p, "a new line");
			b->attrs = lappend(b->attrs, parse_attr(p));
		}
		else if (t->type == TK_IDENT && is_enum)
		{
			char	   *db_value = t->str;

			if (!t->newline_before)
				expected(p, "a new line");
			p->pos++;
			while (peek(p)->type == TK_AT && !peek(p)->newline_before)
			{
				PslAttr    *a = parse_attr(p);

				if (strcmp(a->name, "map") == 0)
					db_value = attr_string(a, psprintf("enum %s", b->name), "name");
				else
					semantic_error(psprintf("enum %s", b->name), a->line, a->col,
								   "Attribute not known: \"@%s\".", a->name);
			}
			b->values = lappend(b->values, t->str);
			b->db_values = lappend(b->db_values, db_value);
		}
		else if (t->type == TK_IDENT)
			b->fields = lappend(b->fields, parse_field(p));
		else
			expected(p, is_enum ? "an enum value or \"}\"" : "a field or \"}\"");
	}
	return b;
}

/*
 * Skip a generator or datasource block: "Name { key = value ... }".  The
 * value of the line "<key> = [...]" (a datasource's schemas, a generator's
 * previewFeatures) is kept in *values as a list of strings.
 */
static void
read_config_block(Parser *p, const char *key, List **values)
{
	int			depth = 0;

	(void) expect_ident(p, "a block name");
	expect_punct(p, '{');
	for (;;)
	{
		if (peek(p)->type == TK_EOF)
			expected(p, "\"}\"");
		if (depth == 0 && peek(p)->type == TK_IDENT && peek(p)->newline_before &&
			strcmp(peek(p)->str, key) == 0 && peek2(p)->type == TK_PUNCT &&
			peek2(p)->str[0] == '=')
		{
			PslValue   *v;
			ListCell   *lc;

			p->pos += 2;
			v = parse_value(p);
			if (v->kind != PV_LIST)
				syntax_error(v->line, v->col, psprintf("%s needs a list of strings", key), NULL);
			*values = NIL;
			foreach(lc, v->items)
			{
				PslValue   *item = lfirst(lc);

				if (item->kind != PV_STRING)
					syntax_error(item->line, item->col, psprintf("%s needs a list of strings", key), NULL);
				*values = lappend(*values, item->str);
			}
			continue;
		}
		if (at_punct(p, '{'))
			depth++;
		else if (at_punct(p, '}'))
		{
			if (depth-- == 0)
			{
				p->pos++;
				return;
			}
		}
		p->pos++;
	}
}

/* Parse the whole text into raw blocks; *cfg: what the generator and
 * datasource blocks say. */
static List *
parse_blocks(Parser *p, ConfigInfo *cfg)
{
	List	   *blocks = NIL;

	for (;;)
	{
		Tok		   *t = peek(p);

		CHECK_FOR_INTERRUPTS();
		if (t->type == TK_EOF)
			break;
		if (t->type != TK_IDENT)
			expected(p, "\"model\", \"enum\", \"generator\" or \"datasource\"");
		if (strcmp(t->str, "generator") == 0)
		{
			p->pos++;
			read_config_block(p, "previewFeatures", &cfg->preview_features);
		}
		else if (strcmp(t->str, "datasource") == 0)
		{
			p->pos++;
			read_config_block(p, "schemas", &cfg->schemas);
		}
		else if (strcmp(t->str, "model") == 0 || strcmp(t->str, "enum") == 0 ||
				 strcmp(t->str, "view") == 0)
		{
			p->pos++;
			blocks = lappend(blocks, parse_block(p, t));
		}
		else if (strcmp(t->str, "type") == 0)
			semantic_error(psprintf("type %s", peek2(p)->type == TK_IDENT ? peek2(p)->str : ""),
						   t->line, t->col, "Composite types are not supported on Postgres.");
		else
			expected(p, "\"model\", \"enum\", \"generator\" or \"datasource\"");
	}
	return blocks;
}

/* -------------------------------------------------------------- semantics */

/* Find an argument by name, or the positional argument number pos (0-based,
 * -1 for none). */
static PslValue *
attr_arg(PslAttr *a, const char *name, int pos)
{
	ListCell   *lc;
	int			i = 0;

	foreach(lc, a->args)
	{
		PslArg	   *arg = lfirst(lc);

		if (arg->name == NULL)
		{
			if (i++ == pos)
				return arg->value;
		}
		else if (name && strcmp(arg->name, name) == 0)
			return arg->value;
	}
	return NULL;
}

/* How Prisma describes a value that is not the string it expected. */
static char *
describe_value(PslValue *v)
{
	switch (v->kind)
	{
		case PV_NUMBER:
			return psprintf("numeric value `%s`", v->str);
		case PV_IDENT:
			return psprintf("literal value `%s`", v->str);
		case PV_CALL:
			return psprintf("function value `%s(...)`", v->str);
		case PV_LIST:
			return "array value";
		default:
			return psprintf("string value \"%s\"", v->str);
	}
}

/* The string argument of an attribute such as @map("x"). */
static char *
attr_string(PslAttr *a, const char *what, const char *name)
{
	PslValue   *v = attr_arg(a, name, 0);

	if (v == NULL)
		semantic_error(what, a->line, a->col, "@%s needs a string argument", a->name);
	if (v->kind != PV_STRING)
		semantic_error(what, v->line, v->col, "Expected a string value, but received %s.",
					   describe_value(v));
	return v->str;
}

/* The field names of a list argument such as [a, b(sort: Desc)]; *arg: the
 * list as written (for error positions), or NULL. */
static List *
attr_field_list(PslAttr *a, const char *what, const char *name, int pos, PslValue **arg)
{
	PslValue   *v = attr_arg(a, name, pos);
	List	   *names = NIL;
	ListCell   *lc;

	if (arg)
		*arg = v;
	if (v == NULL)
		return NIL;
	if (v->kind != PV_LIST)
		semantic_error(what, v->line, v->col, "@%s%s needs a list of field names",
					   a->name, name ? psprintf("(%s:)", name) : "");
	foreach(lc, v->items)
	{
		PslValue   *item = lfirst(lc);

		if (item->kind != PV_IDENT && item->kind != PV_CALL)
			semantic_error(what, item->line, item->col, "@%s%s needs a list of field names",
						   a->name, name ? psprintf("(%s:)", name) : "");
		names = lappend(names, item->str);
	}
	return names;
}

/* Render native type arguments: @db.VarChar(200) -> "VarChar(200)". */
static char *
native_type_text(PslAttr *a)
{
	StringInfoData buf;
	ListCell   *lc;

	initStringInfo(&buf);
	appendStringInfoString(&buf, a->name + 3);
	if (a->args != NIL)
	{
		appendStringInfoChar(&buf, '(');
		foreach(lc, a->args)
		{
			PslArg	   *arg = lfirst(lc);

			if (lc != list_head(a->args))
				appendStringInfoChar(&buf, ',');
			if (arg->value->kind == PV_STRING)
				appendStringInfo(&buf, "\"%s\"", arg->value->str);
			else
				appendStringInfoString(&buf, arg->value->str ? arg->value->str : "");
		}
		appendStringInfoChar(&buf, ')');
	}
	return buf.data;
}

/* The kind of a block as Prisma names it: "model", "view" or "enum". */
static const char *
block_kind(RawBlock *b)
{
	return b->is_enum ? "enum" : b->is_view ? "view" : "model";
}

/* The block attribute @@name of a block, or NULL. */
static PslAttr *
block_attr(RawBlock *b, const char *name)
{
	ListCell   *lc;

	foreach(lc, b->attrs)
	{
		if (strcmp(((PslAttr *) lfirst(lc))->name, name) == 0)
			return lfirst(lc);
	}
	return NULL;
}

/* Does a field carry the attribute @name? */
static bool
has_field_attr(RawField *f, const char *name)
{
	ListCell   *lc;

	foreach(lc, f->attrs)
	{
		if (strcmp(((PslAttr *) lfirst(lc))->name, name) == 0)
			return true;
	}
	return false;
}

/* Is name one of the strings of list? */
static bool
list_has_string(List *list, const char *name)
{
	ListCell   *lc;

	foreach(lc, list)
	{
		if (strcmp(lfirst(lc), name) == 0)
			return true;
	}
	return false;
}

/*
 * Enter every block into a name table; a name used twice (models, views
 * and enums share one namespace) or a built-in type's name is an error.
 */
static name_table_hash *
build_name_table(List *blocks)
{
	name_table_hash *names = name_table_create(CurrentMemoryContext,
											   Max(list_length(blocks), 16), NULL);
	ListCell   *lc;

	foreach(lc, blocks)
	{
		RawBlock   *b = lfirst(lc);
		char	   *what = psprintf("%s %s", block_kind(b), b->name);
		NameEntry  *e;
		bool		found;

		CHECK_FOR_INTERRUPTS();
		for (int i = 0; i < lengthof(scalar_names); i++)
			if (strcmp(b->name, scalar_names[i]) == 0)
				semantic_error(what, b->line, b->name_col,
							   "\"%s\" is a reserved scalar type name and cannot be used.", b->name);
		e = name_table_insert(names, b->name, &found);
		if (found)
			semantic_error(what, b->line, b->name_col,
						   "The %s \"%s\" cannot be defined because a%s %s with that name already exists.",
						   block_kind(b), b->name, e->block->is_enum ? "n" : "",
						   block_kind(e->block));
		e->block = b;
	}
	return names;
}

/* The block named name, or NULL. */
static RawBlock *
find_block(name_table_hash *names, const char *name)
{
	NameEntry  *e = name_table_lookup(names, name);

	return e ? e->block : NULL;
}

/* Index of a scalar field by Prisma name, or -1. */
static int
scalar_field_index(PrismaModel *m, const char *name)
{
	for (int i = 0; i < m->nfields; i++)
		if (m->fields[i].type != PT_RELATION && strcmp(m->fields[i].name, name) == 0)
			return i;
	return -1;
}

/*
 * Turn a list of Prisma field names into field indexes (*idx, palloc'd);
 * returns the names that are no scalar field of the model, joined by ", ",
 * or NULL when all are.
 */
static char *
field_indexes(PrismaModel *m, List *names, int **idx)
{
	char	   *unknown = NULL;
	int			i = 0;
	ListCell   *lc;

	*idx = palloc(Max(list_length(names), 1) * sizeof(int));
	foreach(lc, names)
	{
		int			f = scalar_field_index(m, lfirst(lc));

		if (f < 0)
			unknown = unknown ? psprintf("%s, %s", unknown, (char *) lfirst(lc)) : lfirst(lc);
		(*idx)[i++] = f;
	}
	return unknown;
}

/* Name of a unique criterion: "a_b" from its fields. */
static char *
joined_names(PrismaModel *m, int n, int *fields)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < n; i++)
	{
		if (i > 0)
			appendStringInfoChar(&buf, '_');
		appendStringInfoString(&buf, m->fields[fields[i]].name);
	}
	return buf.data;
}

/* Raise Prisma's error for a field name written twice in a model. */
static void
check_duplicate_fields(PrismaModel *m, RawBlock *b)
{
	name_table_hash *seen = name_table_create(CurrentMemoryContext,
											  Max(list_length(b->fields), 16), NULL);
	ListCell   *lc;

	foreach(lc, b->fields)
	{
		RawField   *f = lfirst(lc);
		bool		found;

		(void) name_table_insert(seen, f->name, &found);
		if (found)
			semantic_error(psprintf("field %s.%s", m->name, f->name), f->line, f->col,
						   "Field \"%s\" is already defined on %s \"%s\".",
						   f->name, block_kind(b), m->name);
	}
	name_table_destroy(seen);
}

/*
 * The type of a field: a scalar, an enum or a relation.  Returns false for
 * a relation to an @@ignore'd model (the field is left out with it).
 */
static bool
field_type(PrismaField *f, RawField *rf, name_table_hash *names, const char *what)
{
	RawBlock   *target;

	for (int i = 0; i < lengthof(scalar_names); i++)
		if (strcmp(rf->type_name, scalar_names[i]) == 0)
		{
			f->type = scalar_types[i];
			return true;
		}
	target = find_block(names, rf->type_name);
	if (target == NULL)
		semantic_error(what, rf->line, rf->type_col,
					   "Type \"%s\" is neither a built-in type, nor refers to another model, composite type, or enum.",
					   rf->type_name);
	if (target->is_enum)
	{
		f->type = PT_ENUM;
		return true;
	}
	f->type = PT_RELATION;
	return block_attr(target, "ignore") == NULL;
}

/* Raise Prisma's error for a native type it does not know, one of another
 * scalar type, or one given too many arguments. */
static void
check_native_type(PslAttr *a, PrismaField *f, const char *what)
{
	const PrismaNativeType *nt = native_type_lookup(a->name + 3);
	int			nargs = list_length(a->args);

	if (nt == NULL)
		semantic_error(what, a->line, a->col,
					   "Native type %s is not supported for postgresql connector.", a->name + 3);
	if (nt->type != f->type)
		semantic_error(what, a->line, a->col,
					   "Native type %s is not compatible with declared field type %s, expected field type %s.",
					   nt->name, f->type_name, scalar_type_name(nt->type));
	if (nargs > nt->max_args && nt->max_args == 0)
		semantic_error(what, a->line, a->col,
					   "Function \"%s\" takes 0 arguments, but received %d.", nt->name, nargs);
	if (nargs > nt->max_args)
		semantic_error(what, a->line, a->col,
					   "Native type %s takes %d optional arguments, but received %d.",
					   nt->name, nt->max_args, nargs);
}

/* Read a field's attributes (@id, @unique, @map, @db.*, @relation, ...). */
static void
field_attributes(PrismaField *f, RelInfo *ri, RawField *rf, RawBlock *b, const char *what)
{
	ListCell   *lc;

	foreach(lc, rf->attrs)
	{
		PslAttr    *a = lfirst(lc);

		if (strcmp(a->name, "id") == 0)
		{
			if (b->is_view)
				semantic_error(what, a->line, a->col, "Views cannot have primary keys.");
			f->is_id = true;
		}
		else if (strcmp(a->name, "unique") == 0)
			f->is_unique = true;
		else if (strcmp(a->name, "default") == 0)
			f->has_default = true;
		else if (strcmp(a->name, "updatedAt") == 0)
			f->is_updated_at = true;
		else if (strcmp(a->name, "map") == 0)
		{
			if (f->type == PT_RELATION)
				semantic_error(what, a->line, a->col, "@map is not valid on a relation field");
			f->column = attr_string(a, what, "name");
		}
		else if (strncmp(a->name, "db.", 3) == 0 && f->type != PT_ENUM && f->type != PT_RELATION)
		{
			check_native_type(a, f, what);
			f->native_type = native_type_text(a);
		}
		else if (strcmp(a->name, "relation") == 0)
		{
			PslValue   *v = attr_arg(a, "name", 0);

			if (f->type != PT_RELATION)
				semantic_error(what, a->line, a->col, "@relation is only valid on a relation field");
			if (v != NULL && v->kind != PV_STRING)
				semantic_error(what, v->line, v->col, "Expected a string value, but received %s.",
							   describe_value(v));
			ri->has_relation_attr = true;
			ri->name = v ? v->str : NULL;
			ri->fields = attr_field_list(a, what, "fields", -1, &ri->fields_arg);
			ri->references = attr_field_list(a, what, "references", -1, &ri->references_arg);
			ri->line = a->line;
			ri->col = a->col;
		}
		else
			semantic_error(what, a->line, a->col, "Attribute not known: \"@%s\".", a->name);
	}
}

/* Build one model's fields (scalar facts and raw relation facts). */
static void
build_model_fields(PrismaModel *m, RawBlock *b, name_table_hash *names, RelInfo **relinfo)
{
	ListCell   *lc;
	int			n = 0;

	m->fields = palloc0(Max(list_length(b->fields), 1) * sizeof(PrismaField));
	*relinfo = palloc0(Max(list_length(b->fields), 1) * sizeof(RelInfo));
	check_duplicate_fields(m, b);

	foreach(lc, b->fields)
	{
		RawField   *rf = lfirst(lc);
		PrismaField *f = &m->fields[n];
		RelInfo    *ri = &(*relinfo)[n];
		char	   *what = psprintf("field %s.%s", m->name, rf->name);

		if (rf->unsupported || has_field_attr(rf, "ignore"))
			continue;
		memset(f, 0, sizeof(PrismaField));
		memset(ri, 0, sizeof(RelInfo));
		f->name = rf->name;
		f->type_name = rf->type_name;
		f->is_list = rf->is_list;
		f->is_optional = rf->is_optional;
		f->line = rf->line;
		f->col = rf->col;
		f->col_type = InvalidOid;
		f->col_typmod = -1;
		f->target = -1;
		f->back_field = -1;
		f->rel_kind = REL_NONE;
		if (!field_type(f, rf, names, what))
			continue;
		if (f->type != PT_RELATION)
			f->column = rf->name;
		ri->line = rf->line;
		ri->col = rf->col;
		field_attributes(f, ri, rf, b, what);
		if (f->type == PT_RELATION &&
			(f->is_id || f->is_unique || f->has_default || f->native_type || f->is_updated_at))
			semantic_error(what, rf->line, rf->col, "relation fields cannot have @id, @unique, @default, @updatedAt or @db attributes");
		if (f->is_list && f->type != PT_RELATION && (f->is_id || f->is_unique))
			semantic_error(what, rf->line, rf->col, "a list field cannot be @id or @unique");
		n++;
	}
	m->nfields = n;
}

/* A compound criterion @@id([..]) or @@unique([..]) of a model. */
static PrismaUnique *
compound_unique(PrismaModel *m, RawBlock *b, PslAttr *a, const char *what)
{
	PslValue   *list;
	List	   *names = attr_field_list(a, what, "fields", 0, &list);
	PslValue   *name = attr_arg(a, "name", -1);
	PrismaUnique *u = palloc0(sizeof(PrismaUnique));
	char	   *unknown;

	if (names == NIL)
		semantic_error(what, a->line, a->col, "@@%s needs a list of fields", a->name);
	if (name != NULL && name->kind != PV_STRING)
		semantic_error(what, name->line, name->col, "Expected a string value, but received %s.",
					   describe_value(name));
	u->nfields = list_length(names);
	unknown = field_indexes(m, names, &u->fields);
	if (unknown != NULL && a->name[0] == 'i')
		semantic_error(what, list->line, list->col,
					   "The multi field id declaration refers to the unknown field%s `%s`.",
					   strchr(unknown, ',') ? "s" : "", unknown);
	if (unknown != NULL)
		semantic_error(what, a->line, a->col,
					   "The unique index definition refers to the unknown fields: %s.", unknown);
	u->name = name ? name->str : joined_names(m, u->nfields, u->fields);
	for (int i = 0; i < u->nfields; i++)
		if (m->fields[u->fields[i]].is_list)
			semantic_error(what, list->line, list->col, "list field %s cannot be part of @@%s",
						   m->fields[u->fields[i]].name, a->name);
	if (a->name[0] == 'i' && b->is_view)
		semantic_error(what, a->line, a->col, "Views cannot have primary keys.");
	u->is_id = a->name[0] == 'i';
	return u;
}

/* A single-field criterion (@id or @unique on field i). */
static PrismaUnique *
field_unique(PrismaModel *m, int i, bool is_id)
{
	PrismaUnique *u = palloc0(sizeof(PrismaUnique));

	u->name = m->fields[i].name;
	u->nfields = 1;
	u->fields = palloc(sizeof(int));
	u->fields[0] = i;
	u->is_id = is_id;
	return u;
}

/* Set the primary key and unique criteria of a model from its attributes. */
static void
build_model_keys(PrismaModel *m, RawBlock *b)
{
	char	   *what = psprintf("%s %s", block_kind(b), m->name);
	List	   *uniques = NIL;	/* PrismaUnique * */
	PrismaUnique *id = NULL;
	ListCell   *lc;
	int			i;

	for (i = 0; i < m->nfields; i++)
	{
		PrismaField *f = &m->fields[i];

		if (f->is_id && id != NULL)
			semantic_error(what, b->line, b->col,
						   "At most one field must be marked as the id field with the `@id` attribute.");
		if (f->is_id)
			id = field_unique(m, i, true);
		if (f->is_unique)
			uniques = lappend(uniques, field_unique(m, i, false));
	}

	foreach(lc, b->attrs)
	{
		PslAttr    *a = lfirst(lc);

		if (strcmp(a->name, "id") == 0 || strcmp(a->name, "unique") == 0)
		{
			PrismaUnique *u = compound_unique(m, b, a, what);

			if (u->is_id && id != NULL)
				semantic_error(what, b->line, b->col,
							   "Each model must have at most one id criteria. You can't have `@id` and `@@id` at the same time.");
			if (u->is_id)
				id = u;
			else
				uniques = lappend(uniques, u);
		}
		else if (strcmp(a->name, "map") == 0)
			m->table = attr_string(a, what, "name");
		else if (strcmp(a->name, "schema") == 0)
			m->db_schema = attr_string(a, what, NULL);
		else if (strcmp(a->name, "index") == 0 || strcmp(a->name, "fulltext") == 0 ||
				 strcmp(a->name, "ignore") == 0)
			 /* accepted, nothing to keep */ ;
		else
			semantic_error(what, a->line, a->col, "Attribute not known: \"@%s\".", a->name);
	}

	/* a view may have no unique criterion: it is read without one */
	if (id == NULL && uniques == NIL && !b->is_view)
		semantic_error(what, b->line, b->col, "Each model must have at least one unique criteria that has only required fields. Either mark a single field with `@id`, `@unique` or add a multi field criterion with `@@id([])` or `@@unique([])` to the model.");

	if (id != NULL)
		uniques = lcons(id, uniques);
	m->nuniques = list_length(uniques);
	m->uniques = palloc(Max(m->nuniques, 1) * sizeof(PrismaUnique));
	i = 0;
	foreach(lc, uniques)
		m->uniques[i++] = *(PrismaUnique *) lfirst(lc);

	/* without an id, the first unique criterion identifies rows */
	m->nid = m->nuniques > 0 ? m->uniques[0].nfields : 0;
	m->id_fields = m->nuniques > 0 ? m->uniques[0].fields : NULL;
}

/* ------------------------------------------------------------- relations */

/* One relation field being resolved: its model, its target, their facts. */
typedef struct RelSide
{
	PrismaSchema *s;
	RelInfo   **relinfo;
	PrismaModel *m;				/* the field's model */
	PrismaField *f;
	RelInfo    *ri;
	int			ti;				/* the target model */
	PrismaModel *t;
	PrismaField *o;				/* the opposite field, on t */
	RelInfo    *oi;
	char	   *what;			/* "field M.f" for errors */
} RelSide;

/* Does relation field f point at model target with relation name name? */
static bool
same_relation(PrismaField *f, RelInfo *ri, const char *target, const char *name)
{
	if (f->type != PT_RELATION || strcmp(f->type_name, target) != 0)
		return false;
	if (name == NULL || ri->name == NULL)
		return name == NULL && ri->name == NULL;
	return strcmp(name, ri->name) == 0;
}

/* The names of the fields of m in the relation of f, "`x`, `y` and `z`". */
static char *
relation_field_names(RelSide *rs)
{
	StringInfoData buf;
	int			n = 0;
	int			count = 0;

	for (int gi = 0; gi < rs->m->nfields; gi++)
		count += same_relation(&rs->m->fields[gi], &rs->relinfo[rs->m - rs->s->models][gi],
							   rs->t->name, rs->ri->name);
	initStringInfo(&buf);
	for (int gi = 0; gi < rs->m->nfields; gi++)
		if (same_relation(&rs->m->fields[gi], &rs->relinfo[rs->m - rs->s->models][gi],
						  rs->t->name, rs->ri->name))
		{
			n++;
			appendStringInfo(&buf, "%s`%s`", n == 1 ? "" : n == count ? " and " : ", ",
							 rs->m->fields[gi].name);
		}
	return buf.data;
}

/*
 * Find the opposite field of rs->f on the target model (for a
 * self-relation: the other field of the model with the same name) and set
 * rs->o and rs->oi; a relation that cannot be paired is an error.
 */
static void
find_opposite(RelSide *rs)
{
	int			mi = rs->m - rs->s->models;
	int			nsame = 0;
	int			other_same = -1;
	int			back = -1;
	int			nback = 0;

	/* fields of this model with the same target and name */
	for (int gi = 0; gi < rs->m->nfields; gi++)
		if (same_relation(&rs->m->fields[gi], &rs->relinfo[mi][gi], rs->t->name, rs->ri->name))
		{
			nsame++;
			if (&rs->m->fields[gi] != rs->f && other_same < 0)
				other_same = gi;
		}
	if (rs->ti == mi)
	{
		if (nsame > 2)
			semantic_error(psprintf("model %s", rs->m->name), rs->f->line, rs->f->col,
						   "Wrongly named self relation detected. The fields %s in model `%s` have the same relation name. At most two relation fields can belong to the same relation and therefore have the same name. Please assign a different relation name to one of them.",
						   relation_field_names(rs), rs->m->name);
		back = other_same;
		nback = back >= 0 ? 1 : 0;
	}
	else
	{
		if (nsame > 1)
			semantic_error(psprintf("model %s", rs->m->name), rs->f->line, rs->f->col,
						   "Ambiguous relation detected. The fields %s in model `%s` both refer to `%s`. Please provide different relation names for them by adding `@relation(<name>).",
						   relation_field_names(rs), rs->m->name, rs->t->name);
		for (int gi = 0; gi < rs->t->nfields; gi++)
			if (same_relation(&rs->t->fields[gi], &rs->relinfo[rs->ti][gi], rs->m->name, rs->ri->name))
			{
				nback++;
				if (back < 0)
					back = gi;
			}
	}
	if (nback == 0)
		semantic_error(rs->what, rs->f->line, rs->f->col,
					   "The relation field `%s` on model `%s` is missing an opposite relation field on the model `%s`. Either run `prisma format` or add it manually.",
					   rs->f->name, rs->m->name, rs->t->name);
	if (nback > 1)
		semantic_error(rs->what, rs->f->line, rs->f->col,
					   "Ambiguous relation detected. The fields of model `%s` that refer to `%s` cannot be told apart. Please provide different relation names for them by adding `@relation(<name>).",
					   rs->t->name, rs->m->name);
	rs->f->back_field = back;
	rs->o = &rs->t->fields[back];
	rs->oi = &rs->relinfo[rs->ti][back];
}

/* The relation's name: @relation's, else "AToB" of the two model names. */
static char *
relation_name(RelSide *rs)
{
	if (rs->ri->name)
		return rs->ri->name;
	if (strcmp(rs->m->name, rs->t->name) <= 0)
		return psprintf("%sTo%s", rs->m->name, rs->t->name);
	return psprintf("%sTo%s", rs->t->name, rs->m->name);
}

/*
 * Map Prisma field names of model m (fields: of the relation, or
 * references: on the model they point at) to its column names.
 */
static char **
relation_columns(RelSide *rs, PrismaModel *m, List *names, bool references)
{
	int		   *idx;
	char	   *unknown = field_indexes(m, names, &idx);
	char	  **cols = palloc(Max(list_length(names), 1) * sizeof(char *));

	if (unknown != NULL && references)
		semantic_error(rs->what, rs->ri->line, rs->ri->col,
					   "The argument `references` must refer only to existing fields in the related model `%s`. The following fields do not exist in the related model: %s",
					   m->name, unknown);
	if (unknown != NULL)
		semantic_error(rs->what, rs->ri->fields_arg->line, rs->ri->fields_arg->col,
					   "The argument fields must refer only to existing fields. The following fields do not exist in this model: %s",
					   unknown);
	for (int i = 0; i < list_length(names); i++)
		cols[i] = m->fields[idx[i]].column;
	return cols;
}

/* Check fields: and references: of @relation: both or neither, as many. */
static void
check_relation_args(RelSide *rs)
{
	RelInfo    *ri = rs->ri;

	if (ri->fields != NIL && ri->references == NIL)
		semantic_error(rs->what, rs->f->line, rs->f->col,
					   "The relation field `%s` on Model `%s` must specify the `references` argument in the @relation attribute.",
					   rs->f->name, rs->m->name);
	if (ri->fields == NIL && ri->references != NIL)
		semantic_error(rs->what, rs->f->line, rs->f->col,
					   "The relation field `%s` on Model `%s` must specify the `fields` argument in the @relation attribute. You can run `prisma format` to fix this automatically.",
					   rs->f->name, rs->m->name);
	if (list_length(ri->fields) != list_length(ri->references))
		semantic_error(rs->what, ri->line, ri->col,
					   "You must specify the same number of fields in `fields` and `references`.");
}

/* Fill an implicit many-to-many relation: the join table _Name (A, B). */
static void
join_many_to_many(RelSide *rs)
{
	PrismaField *f = rs->f;
	PrismaModel *first = strcmp(rs->m->name, rs->t->name) <= 0 ? rs->m : rs->t;
	bool		this_is_a;

	if (rs->ri->fields != NIL)
		semantic_error(rs->what, rs->ri->line, rs->ri->col,
					   "an implicit many-to-many relation cannot have fields: or references:");
	if (rs->t->nid != 1 || !rs->t->uniques[0].is_id)
		semantic_error(rs->what, f->line, f->col,
					   "The relation field `%s` on model `%s` references `%s` which does not have an `@id` field. Models without `@id` cannot be part of a many to many relation. Use an explicit intermediate Model to represent this relationship.",
					   f->name, rs->m->name, rs->t->name);
	if (rs->m == rs->t)
		this_is_a = strcmp(f->name, rs->o->name) < 0;
	else
		this_is_a = strcmp(rs->m->name, rs->t->name) < 0;
	f->rel_kind = REL_MANY_TO_MANY;
	f->nkeys = 1;
	f->local_cols = palloc(sizeof(char *));
	f->remote_cols = palloc(sizeof(char *));
	f->local_cols[0] = rs->m->fields[rs->m->id_fields[0]].column;
	f->remote_cols[0] = rs->t->fields[rs->t->id_fields[0]].column;
	f->join_table = psprintf("_%s", f->relation_name);
	f->join_schema = first->db_schema;
	f->join_local = this_is_a ? "A" : "B";
	f->join_remote = this_is_a ? "B" : "A";
}

/*
 * Fill a relation whose foreign key is on the target (to-many, or the
 * to-one side without fields:): the opposite field's fields: and
 * references: read from its side.
 */
static void
join_from_opposite(RelSide *rs, RelationKind kind)
{
	RelSide		back = *rs;

	/* errors about the opposite's arguments name the opposite field */
	back.m = rs->t;
	back.t = rs->m;
	back.f = rs->o;
	back.ri = rs->oi;
	back.what = psprintf("field %s.%s", rs->t->name, rs->o->name);
	rs->f->rel_kind = kind;
	rs->f->nkeys = list_length(rs->oi->fields);
	rs->f->local_cols = relation_columns(&back, rs->m, rs->oi->references, true);
	rs->f->remote_cols = relation_columns(&back, rs->t, rs->oi->fields, false);
}

/* Decide the kind and join columns of one relation field. */
static void
resolve_relation(PrismaSchema *s, RelInfo **relinfo, int mi, int fi, name_table_hash *names)
{
	RelSide		rs = {.s = s, .relinfo = relinfo, .m = &s->models[mi]};
	PrismaField *f = &rs.m->fields[fi];

	rs.f = f;
	rs.ri = &relinfo[mi][fi];
	rs.what = psprintf("field %s.%s", rs.m->name, f->name);
	rs.ti = find_block(names, f->type_name)->model;
	Assert(rs.ti >= 0);
	rs.t = &s->models[rs.ti];
	f->target = rs.ti;
	find_opposite(&rs);
	f->relation_name = relation_name(&rs);
	check_relation_args(&rs);

	if (f->is_list && rs.o->is_list)
		join_many_to_many(&rs);
	else if (f->is_list)
	{
		if (rs.ri->fields != NIL)
			semantic_error(rs.what, f->line, f->col,
						   "The relation field `%s` on Model `%s` must not specify the `fields` or `references` argument in the @relation attribute. You must only specify it on the opposite field `%s` on model `%s`.",
						   f->name, rs.m->name, rs.o->name, rs.t->name);
		if (rs.oi->fields == NIL)
			semantic_error(psprintf("field %s.%s", rs.t->name, rs.o->name), rs.o->line, rs.o->col,
						   "The relation field `%s` on Model `%s` must specify the `fields` argument in the @relation attribute. You can run `prisma format` to fix this automatically.",
						   rs.o->name, rs.t->name);
		join_from_opposite(&rs, REL_TO_MANY);
	}
	else if (rs.ri->fields != NIL)
	{
		/* to-one, this model holds the foreign key */
		if (!rs.o->is_list && rs.oi->fields != NIL)
			semantic_error(rs.what, rs.ri->line, rs.ri->col,
						   "only one side of a one-to-one relation can have fields: and references:");
		f->rel_kind = REL_TO_ONE_OWNER;
		f->nkeys = list_length(rs.ri->fields);
		f->local_cols = relation_columns(&rs, rs.m, rs.ri->fields, false);
		f->remote_cols = relation_columns(&rs, rs.t, rs.ri->references, true);
	}
	else
	{
		/* to-one, the target holds the foreign key */
		if (rs.o->is_list)
			semantic_error(rs.what, f->line, f->col,
						   "The relation field `%s` on Model `%s` must specify the `fields` argument in the @relation attribute. You can run `prisma format` to fix this automatically.",
						   f->name, rs.m->name);
		if (rs.oi->fields == NIL)
			semantic_error(rs.what, f->line, f->col,
						   "The relation fields `%s` on Model `%s` and `%s` on Model `%s` do not provide the `fields` argument in the @relation attribute. You have to provide it on one of the two fields.",
						   f->name, rs.m->name, rs.o->name, rs.t->name);
		if (!f->is_optional)
			semantic_error(rs.what, f->line, f->col,
						   "the side of a one-to-one relation without fields: must be optional");
		join_from_opposite(&rs, REL_TO_ONE_BACK);
	}
}

/* Pair every relation field with its opposite and fill the join facts. */
static void
resolve_relations(PrismaSchema *s, RelInfo **relinfo, name_table_hash *names)
{
	for (int mi = 0; mi < s->nmodels; mi++)
	{
		CHECK_FOR_INTERRUPTS();
		for (int fi = 0; fi < s->models[mi].nfields; fi++)
			if (s->models[mi].fields[fi].type == PT_RELATION)
				resolve_relation(s, relinfo, mi, fi, names);
	}
}

/* ------------------------------------------------------------- the whole */

/*
 * Check a block's @@schema against the datasource's schemas (multiSchema):
 * a schema must be one of them, and with a list every block needs one
 * (Prisma's messages).  Without a list, @@schema is refused as Prisma
 * refuses it.
 */
static void
check_block_schema(RawBlock *b, List *schemas)
{
	char	   *what = psprintf("%s %s", block_kind(b), b->name);
	PslAttr    *a = block_attr(b, "schema");

	if (a != NULL)
	{
		PslValue   *v = attr_arg(a, NULL, 0);
		char	   *name = attr_string(a, what, NULL);

		if (!list_has_string(schemas, name))
			semantic_error(what, v->line, v->col,
						   "This schema is not defined in the datasource. Read more on `@@schema` at https://pris.ly/d/multi-schema");
	}
	else if (schemas != NIL)
		semantic_error(what, b->line, b->col, "This %s is missing an `@@schema` attribute.",
					   block_kind(b));
}

/* Build one enum from its block. */
static void
build_enum(PrismaEnum *e, RawBlock *b)
{
	char	   *what = psprintf("enum %s", b->name);
	ListCell   *lc;
	int			i = 0;

	e->name = b->name;
	e->db_name = b->name;
	e->line = b->line;
	e->col = b->col;
	e->type_oid = InvalidOid;
	e->nvalues = list_length(b->values);
	if (e->nvalues == 0)
		semantic_error(what, b->line, b->col, "an enum needs at least one value");
	e->values = palloc(e->nvalues * sizeof(char *));
	e->db_values = palloc(e->nvalues * sizeof(char *));
	/* values mapped to one label are accepted, as Prisma does */
	foreach(lc, b->values)
	{
		e->values[i] = lfirst(lc);
		e->db_values[i] = list_nth(b->db_values, i);
		i++;
	}
	foreach(lc, b->attrs)
	{
		PslAttr    *a = lfirst(lc);

		if (strcmp(a->name, "map") == 0)
			e->db_name = attr_string(a, what, "name");
		else if (strcmp(a->name, "schema") == 0)
			e->db_schema = attr_string(a, what, NULL);
		else
			semantic_error(what, a->line, a->col, "Attribute not known: \"@%s\".", a->name);
	}
}

/* Parse Prisma schema text into a PrismaSchema (not yet resolved). */
PrismaSchema *
psl_parse(const char *text)
{
	Parser		p;
	List	   *blocks;
	ListCell   *lc;
	PrismaSchema *s = palloc0(sizeof(PrismaSchema));
	RelInfo   **relinfo;
	ConfigInfo	cfg = {NIL, NIL};
	name_table_hash *names;
	int			nm = 0,
				ne = 0;

	tokenize(&p, text);
	blocks = parse_blocks(&p, &cfg);
	names = build_name_table(blocks);
	s->full_text_search = list_has_string(cfg.preview_features, "fullTextSearchPostgres");

	foreach(lc, blocks)
	{
		RawBlock   *b = lfirst(lc);

		CHECK_FOR_INTERRUPTS();
		if (b->is_view && !list_has_string(cfg.preview_features, "views"))
			semantic_error(psprintf("view %s", b->name), b->line, b->col,
						   "View definitions are only available with the `views` preview feature.");
		check_block_schema(b, cfg.schemas);
		if (b->is_enum)
			ne++;
		else if (block_attr(b, "ignore") == NULL)
			b->model = nm++;
	}

	s->models = palloc0(Max(nm, 1) * sizeof(PrismaModel));
	s->enums = palloc0(Max(ne, 1) * sizeof(PrismaEnum));
	relinfo = palloc0(Max(nm, 1) * sizeof(RelInfo *));
	foreach(lc, blocks)
	{
		RawBlock   *b = lfirst(lc);

		if (b->is_enum)
			build_enum(&s->enums[s->nenums++], b);
		else if (b->model >= 0)
		{
			PrismaModel *m = &s->models[s->nmodels];

			m->name = b->name;
			m->table = b->name;
			m->line = b->line;
			m->col = b->col;
			m->is_view = b->is_view;
			m->relid = InvalidOid;
			build_model_fields(m, b, names, &relinfo[s->nmodels]);
			build_model_keys(m, b);
			s->nmodels++;
		}
	}

	resolve_relations(s, relinfo, names);
	return s;
}
