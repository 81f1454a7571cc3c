/*
 * schema_psl.c
 *		Parse Prisma schema language into the structures of schema.h.
 *
 * Three passes.  A tokenizer turns the text into tokens that remember their
 * line and column.  A recursive-descent parser builds raw blocks (models,
 * enums) whose attributes keep their arguments as a small value tree, so
 * that any argument expression (autoincrement(), dbgenerated("..."), lists)
 * is accepted without being understood.  The semantic pass resolves types,
 * @map names, ids and unique criteria, and pairs relation fields with their
 * opposite field to decide each relation's kind and join columns.
 *
 * Syntax errors are raised as 42601 with line and column; semantic errors
 * as 42P17 naming the model or field and its line.  Everything is allocated
 * in CurrentMemoryContext: the caller owns the context and drops it on error.
 */
#include "postgres.h"

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
	int			line;
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
	int			line;
} RelInfo;

static const char *const scalar_names[] = {
	"String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime",
	"Json", "Bytes"
};
static const PrismaType scalar_types[] = {
	PT_STRING, PT_INT, PT_BIGINT, PT_FLOAT, PT_DECIMAL, PT_BOOLEAN,
	PT_DATETIME, PT_JSON, PT_BYTES
};

/* Raise a syntax error at a line and column. */
pg_noreturn static void
syntax_error(int line, int col, const char *msg, const char *found)
{
	ereport(ERROR,
			(errcode(ERRCODE_SYNTAX_ERROR),
			 errmsg("syntax error at line %d, column %d: %s", line, col, msg),
			 found ? errdetail("Found %s.", found) : 0));
}

/* Raise a semantic error naming what is wrong and its line. */
pg_noreturn static void
pg_attribute_printf(3, 4)
semantic_error(const char *what, int line, const char *fmt,...)
{
	StringInfoData buf;
	va_list		args;

	initStringInfo(&buf);
	va_start(args, fmt);
	append_vformat(&buf, fmt, args);
	va_end(args);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
			 errmsg("%s at line %d: %s", what, line, buf.data)));
}

/* ---------------------------------------------------------------- tokens */

/* Split the schema text into tokens; comments are dropped. */
static void
tokenize(Parser *p, const char *text)
{
	const char *s = text;
	int			line = 1;
	const char *line_start = text;
	bool		newline = true;
	int			cap = 256;

	p->toks = palloc(cap * sizeof(Tok));
	p->ntoks = 0;
	p->pos = 0;

	for (;;)
	{
		Tok			t;
		int			col;

		CHECK_FOR_INTERRUPTS();
		/* whitespace and comments */
		while (*s)
		{
			if (*s == '\n')
			{
				line++;
				s++;
				line_start = s;
				newline = true;
			}
			else if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\f' || *s == '\v')
				s++;
			else if (s[0] == '/' && s[1] == '/')
			{
				while (*s && *s != '\n')
					s++;
			}
			else
				break;
		}

		col = pg_mbstrlen_with_len(line_start, s - line_start) + 1;
		t.line = line;
		t.col = col;
		t.newline_before = newline;
		t.str = NULL;
		newline = false;

		if (*s == '\0')
		{
			t.type = TK_EOF;
		}
		else if (isalpha((unsigned char) *s) || *s == '_')
		{
			const char *start = s;

			while (isalnum((unsigned char) *s) || *s == '_')
				s++;
			t.type = TK_IDENT;
			t.str = pnstrdup(start, s - start);
		}
		else if (isdigit((unsigned char) *s) ||
				 (*s == '-' && isdigit((unsigned char) s[1])))
		{
			const char *start = s;

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
			t.type = TK_NUMBER;
			t.str = pnstrdup(start, s - start);
		}
		else if (*s == '"')
		{
			StringInfoData buf;

			initStringInfo(&buf);
			s++;
			while (*s != '"')
			{
				if (*s == '\0' || *s == '\n')
					syntax_error(t.line, t.col, "unterminated string", NULL);
				if (*s == '\\' && s[1] != '\0')
				{
					s++;
					switch (*s)
					{
						case 'n':
							appendStringInfoChar(&buf, '\n');
							break;
						case 't':
							appendStringInfoChar(&buf, '\t');
							break;
						case 'r':
							appendStringInfoChar(&buf, '\r');
							break;
						default:
							appendStringInfoChar(&buf, *s);
							break;
					}
					s++;
				}
				else
					appendStringInfoChar(&buf, *s++);
			}
			s++;
			t.type = TK_STRING;
			t.str = buf.data;
		}
		else if (*s == '@')
		{
			if (s[1] == '@')
			{
				t.type = TK_ATAT;
				s += 2;
			}
			else
			{
				t.type = TK_AT;
				s++;
			}
		}
		else if (strchr("{}()[],:=?.", *s) != NULL)
		{
			t.type = TK_PUNCT;
			t.str = pnstrdup(s, 1);
			s++;
		}
		else
		{
			char		found[16];
			int			len = pg_mblen(s);

			snprintf(found, sizeof(found), "\"%.*s\"", len, s);
			syntax_error(t.line, t.col, "unexpected character", found);
		}

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
	StringInfoData name;

	a->line = at->line;
	a->col = at->col;
	p->pos++;
	initStringInfo(&name);
	appendStringInfoString(&name, expect_ident(p, "an attribute name")->str);
	while (at_punct(p, '.'))
	{
		p->pos++;
		appendStringInfo(&name, ".%s", expect_ident(p, "an attribute name")->str);
	}
	a->name = name.data;
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
	p->pos++;
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
			syntax_error(peek(p)->line, peek(p)->col,
						 "optional lists are not supported", NULL);
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

/* Parse "model Name { ... }" or "enum Name { ... }"; the keyword is eaten. */
static RawBlock *
parse_block(Parser *p, bool is_enum, int line)
{
	RawBlock   *b = palloc0(sizeof(RawBlock));

	b->is_enum = is_enum;
	b->line = line;
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
					semantic_error(psprintf("enum %s", b->name), a->line,
								   "unknown attribute @%s on enum value %s", a->name, t->str);
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
 * Skip a generator or datasource block: "Name { key = value ... }"; the
 * value of a "schemas = [...]" line (the datasource's schemas) is kept in
 * *schemas as a list of strings.
 */
static void
skip_config_block(Parser *p, List **schemas)
{
	int			depth = 0;

	(void) expect_ident(p, "a block name");
	expect_punct(p, '{');
	for (;;)
	{
		if (peek(p)->type == TK_EOF)
			expected(p, "\"}\"");
		if (depth == 0 && peek(p)->type == TK_IDENT && peek(p)->newline_before &&
			strcmp(peek(p)->str, "schemas") == 0 && peek2(p)->type == TK_PUNCT &&
			peek2(p)->str[0] == '=')
		{
			PslValue   *v;
			ListCell   *lc;

			p->pos += 2;
			v = parse_value(p);
			if (v->kind != PV_LIST)
				syntax_error(v->line, v->col, "schemas needs a list of strings", NULL);
			*schemas = NIL;
			foreach(lc, v->items)
			{
				PslValue   *item = lfirst(lc);

				if (item->kind != PV_STRING)
					syntax_error(item->line, item->col, "schemas needs a list of strings", NULL);
				*schemas = lappend(*schemas, item->str);
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

/* Parse the whole text into raw blocks; *schemas: the datasource's
 * schemas list, or NIL. */
static List *
parse_blocks(Parser *p, List **schemas)
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
		if (strcmp(t->str, "generator") == 0 || strcmp(t->str, "datasource") == 0)
		{
			p->pos++;
			skip_config_block(p, schemas);
		}
		else if (strcmp(t->str, "model") == 0 || strcmp(t->str, "enum") == 0 ||
				 strcmp(t->str, "view") == 0)
		{
			RawBlock   *b;

			p->pos++;
			b = parse_block(p, t->str[0] == 'e', t->line);
			b->is_view = t->str[0] == 'v';
			blocks = lappend(blocks, b);
		}
		else if (strcmp(t->str, "type") == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
					 errmsg("type %s at line %d: Composite types are not supported on Postgres.",
							peek2(p)->type == TK_IDENT ? peek2(p)->str : "", t->line)));
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

/* The string argument of an attribute such as @map("x"). */
static char *
attr_string(PslAttr *a, const char *what, const char *name)
{
	PslValue   *v = attr_arg(a, name, 0);

	if (v == NULL || v->kind != PV_STRING)
		semantic_error(what, a->line, "@%s needs a string argument", a->name);
	return v->str;
}

/* The field names of a list argument such as [a, b(sort: Desc)]. */
static List *
attr_field_list(PslAttr *a, const char *what, const char *name, int pos)
{
	PslValue   *v = attr_arg(a, name, pos);
	List	   *names = NIL;
	ListCell   *lc;

	if (v == NULL)
		return NIL;
	if (v->kind != PV_LIST)
		semantic_error(what, a->line, "@%s%s needs a list of field names",
					   a->name, name ? psprintf("(%s:)", name) : "");
	foreach(lc, v->items)
	{
		PslValue   *item = lfirst(lc);

		if (item->kind != PV_IDENT && item->kind != PV_CALL)
			semantic_error(what, a->line, "@%s%s needs a list of field names",
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

/* Find a raw block by name. */
static RawBlock *
find_block(List *blocks, const char *name)
{
	ListCell   *lc;

	foreach(lc, blocks)
	{
		RawBlock   *b = lfirst(lc);

		CHECK_FOR_INTERRUPTS();
		if (strcmp(b->name, name) == 0)
			return b;
	}
	return NULL;
}

/* The kind of a block as Prisma names it: "model", "view" or "enum". */
static const char *
block_kind(RawBlock *b)
{
	return b->is_enum ? "enum" : b->is_view ? "view" : "model";
}

/* Does a block carry the block attribute @@name? */
static bool
has_block_attr(RawBlock *b, const char *name)
{
	ListCell   *lc;

	foreach(lc, b->attrs)
	{
		if (strcmp(((PslAttr *) lfirst(lc))->name, name) == 0)
			return true;
	}
	return false;
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

/* Index of a scalar field by Prisma name, or -1. */
static int
scalar_field_index(PrismaModel *m, const char *name)
{
	for (int i = 0; i < m->nfields; i++)
		if (m->fields[i].type != PT_RELATION && strcmp(m->fields[i].name, name) == 0)
			return i;
	return -1;
}

/* Turn a list of Prisma field names into field indexes; what/line for errors. */
static int *
field_indexes(PrismaModel *m, List *names, const char *what, int line)
{
	int		   *idx = palloc(Max(list_length(names), 1) * sizeof(int));
	int			i = 0;
	ListCell   *lc;

	foreach(lc, names)
	{
		char	   *name = lfirst(lc);
		int			f = scalar_field_index(m, name);

		if (f < 0)
			semantic_error(what, line, "unknown field \"%s\" in model %s", name, m->name);
		idx[i++] = f;
	}
	return idx;
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

/* Build one model's fields (scalar facts and raw relation facts). */
static void
build_model_fields(PrismaModel *m, RawBlock *b, List *blocks, RelInfo **relinfo)
{
	ListCell   *lc;
	int			n = 0;

	m->fields = palloc0(Max(list_length(b->fields), 1) * sizeof(PrismaField));
	*relinfo = palloc0(Max(list_length(b->fields), 1) * sizeof(RelInfo));

	/* duplicate field names, among every field written */
	foreach(lc, b->fields)
	{
		RawField   *f = lfirst(lc);
		ListCell   *lc2;

		for_each_cell(lc2, b->fields, lnext(b->fields, lc))
		{
			RawField   *g = lfirst(lc2);

			if (strcmp(f->name, g->name) == 0)
				semantic_error(psprintf("field %s.%s", m->name, g->name), g->line,
							   "duplicate field name (first defined at line %d)", f->line);
		}
	}

	foreach(lc, b->fields)
	{
		RawField   *rf = lfirst(lc);
		PrismaField *f = &m->fields[n];
		RelInfo    *ri = &(*relinfo)[n];
		char	   *what = psprintf("field %s.%s", m->name, rf->name);
		RawBlock   *target = NULL;
		ListCell   *lc2;
		int			i;

		if (rf->unsupported || has_field_attr(rf, "ignore"))
			continue;
		memset(f, 0, sizeof(PrismaField));
		memset(ri, 0, sizeof(RelInfo));

		f->name = rf->name;
		f->type_name = rf->type_name;
		f->is_list = rf->is_list;
		f->is_optional = rf->is_optional;
		f->line = rf->line;
		f->col_type = InvalidOid;
		f->col_typmod = -1;
		f->target = -1;
		f->back_field = -1;
		f->rel_kind = REL_NONE;

		for (i = 0; i < lengthof(scalar_names); i++)
			if (strcmp(rf->type_name, scalar_names[i]) == 0)
				break;
		if (i < lengthof(scalar_names))
			f->type = scalar_types[i];
		else if ((target = find_block(blocks, rf->type_name)) != NULL)
		{
			if (target->is_enum)
				f->type = PT_ENUM;
			else
			{
				/* a relation to an ignored model is left out with it */
				if (has_block_attr(target, "ignore"))
					continue;
				f->type = PT_RELATION;
			}
		}
		else
			semantic_error(what, rf->line, "unknown type \"%s\"", rf->type_name);

		if (f->type != PT_RELATION)
			f->column = rf->name;
		ri->line = rf->line;

		foreach(lc2, rf->attrs)
		{
			PslAttr    *a = lfirst(lc2);

			if (strcmp(a->name, "id") == 0)
				f->is_id = true;
			else if (strcmp(a->name, "unique") == 0)
				f->is_unique = true;
			else if (strcmp(a->name, "default") == 0)
				f->has_default = true;
			else if (strcmp(a->name, "updatedAt") == 0)
				f->is_updated_at = true;
			else if (strcmp(a->name, "map") == 0)
			{
				if (f->type == PT_RELATION)
					semantic_error(what, a->line, "@map is not valid on a relation field");
				f->column = attr_string(a, what, "name");
			}
			else if (strncmp(a->name, "db.", 3) == 0)
				f->native_type = native_type_text(a);
			else if (strcmp(a->name, "relation") == 0)
			{
				PslValue   *v = attr_arg(a, "name", 0);

				if (f->type != PT_RELATION)
					semantic_error(what, a->line, "@relation is only valid on a relation field");
				if (v != NULL && v->kind != PV_STRING)
					semantic_error(what, a->line, "the relation name must be a string");
				ri->has_relation_attr = true;
				ri->name = v ? v->str : NULL;
				ri->fields = attr_field_list(a, what, "fields", -1);
				ri->references = attr_field_list(a, what, "references", -1);
				ri->line = a->line;
			}
			else
				semantic_error(what, a->line, "unknown attribute @%s", a->name);
		}
		if (f->type == PT_RELATION &&
			(f->is_id || f->is_unique || f->has_default || f->native_type || f->is_updated_at))
			semantic_error(what, rf->line, "relation fields cannot have @id, @unique, @default, @updatedAt or @db attributes");
		if (f->is_list && f->type != PT_RELATION && (f->is_id || f->is_unique))
			semantic_error(what, rf->line, "a list field cannot be @id or @unique");
		n++;
	}
	m->nfields = n;
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

		if (f->is_id && b->is_view)
			semantic_error(what, f->line, "Views cannot have primary keys.");
		if (f->is_id)
		{
			if (id != NULL)
				semantic_error(psprintf("field %s.%s", m->name, f->name), f->line,
							   "a model can have only one @id field; use @@id([..]) for a compound id");
			id = palloc0(sizeof(PrismaUnique));
			id->name = f->name;
			id->nfields = 1;
			id->fields = palloc(sizeof(int));
			id->fields[0] = i;
			id->is_id = true;
		}
		if (f->is_unique)
		{
			PrismaUnique *u = palloc0(sizeof(PrismaUnique));

			u->name = f->name;
			u->nfields = 1;
			u->fields = palloc(sizeof(int));
			u->fields[0] = i;
			uniques = lappend(uniques, u);
		}
	}

	foreach(lc, b->attrs)
	{
		PslAttr    *a = lfirst(lc);

		if (strcmp(a->name, "id") == 0 || strcmp(a->name, "unique") == 0)
		{
			List	   *names = attr_field_list(a, what, "fields", 0);
			PslValue   *name = attr_arg(a, "name", -1);
			PrismaUnique *u = palloc0(sizeof(PrismaUnique));

			if (names == NIL)
				semantic_error(what, a->line, "@@%s needs a list of fields", a->name);
			if (name != NULL && name->kind != PV_STRING)
				semantic_error(what, a->line, "the name: of @@%s must be a string", a->name);
			u->nfields = list_length(names);
			u->fields = field_indexes(m, names, what, a->line);
			u->name = name ? name->str : joined_names(m, u->nfields, u->fields);
			for (i = 0; i < u->nfields; i++)
				if (m->fields[u->fields[i]].is_list)
					semantic_error(what, a->line, "list field %s cannot be part of @@%s",
								   m->fields[u->fields[i]].name, a->name);
			if (a->name[0] == 'i' && b->is_view)
				semantic_error(what, a->line, "Views cannot have primary keys.");
			if (a->name[0] == 'i')
			{
				if (id != NULL)
					semantic_error(what, a->line, "a model cannot have both @id and @@id, or two @@id");
				u->is_id = true;
				id = u;
			}
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
			semantic_error(what, a->line, "unknown attribute @@%s", a->name);
	}

	/* a view may have no unique criterion: it is read without one */
	if (id == NULL && uniques == NIL && !b->is_view)
		semantic_error(what, b->line, "Each model must have at least one unique criteria that has only required fields. Either mark a single field with `@id`, `@unique` or add a multi field criterion with `@@id([])` or `@@unique([])` to the model.");

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

/* Map Prisma field names to the model's column names. */
static char **
columns_of(PrismaModel *m, List *names, const char *what, int line)
{
	int		   *idx = field_indexes(m, names, what, line);
	char	  **cols = palloc(Max(list_length(names), 1) * sizeof(char *));

	for (int i = 0; i < list_length(names); i++)
		cols[i] = m->fields[idx[i]].column;
	return cols;
}

/* Does relation field f of model m point at model t with relation name n? */
static bool
same_relation(PrismaField *f, RelInfo *ri, const char *target, const char *name)
{
	if (f->type != PT_RELATION || strcmp(f->type_name, target) != 0)
		return false;
	if (name == NULL || ri->name == NULL)
		return name == NULL && ri->name == NULL;
	return strcmp(name, ri->name) == 0;
}

/* Pair every relation field with its opposite and fill the join facts. */
static void
resolve_relations(PrismaSchema *s, RelInfo **relinfo)
{
	for (int mi = 0; mi < s->nmodels; mi++)
	{
		PrismaModel *m = &s->models[mi];

		CHECK_FOR_INTERRUPTS();
		for (int fi = 0; fi < m->nfields; fi++)
		{
			PrismaField *f = &m->fields[fi];
			RelInfo    *ri = &relinfo[mi][fi];
			char	   *what = psprintf("field %s.%s", m->name, f->name);
			PrismaModel *t;
			int			ti;
			int			nsame = 0;
			int			other_same = -1;
			int			back = -1;
			int			nback = 0;
			PrismaField *o;
			RelInfo    *oi;
			bool		self = false;

			if (f->type != PT_RELATION)
				continue;
			for (ti = 0; ti < s->nmodels; ti++)
				if (strcmp(s->models[ti].name, f->type_name) == 0)
					break;
			Assert(ti < s->nmodels);
			t = &s->models[ti];
			self = (ti == mi);
			f->target = ti;

			/* other fields of this model with the same target and name */
			for (int gi = 0; gi < m->nfields; gi++)
				if (same_relation(&m->fields[gi], &relinfo[mi][gi], t->name, ri->name))
				{
					nsame++;
					if (gi != fi && other_same < 0)
						other_same = gi;
				}
			if (self)
			{
				if (nsame > 2)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
							 errmsg("%s at line %d: ambiguous self-relation: more than two fields of model %s refer to it%s",
									what, f->line, m->name,
									ri->name ? psprintf(" with relation name \"%s\"", ri->name) : ""),
							 errhint("Give each relation its own name with @relation(\"Name\") on both of its fields.")));
				back = other_same;
				nback = back >= 0 ? 1 : 0;
			}
			else
			{
				if (nsame > 1)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
							 errmsg("%s at line %d: ambiguous relation: fields %s and %s of model %s both refer to model %s%s",
									what, f->line, f->name, m->fields[other_same].name,
									m->name, t->name,
									ri->name ? psprintf(" with relation name \"%s\"", ri->name) : ""),
							 errhint("Give each relation its own name with @relation(\"Name\") on both of its fields.")));
				for (int gi = 0; gi < t->nfields; gi++)
					if (same_relation(&t->fields[gi], &relinfo[ti][gi], m->name, ri->name))
					{
						nback++;
						if (back < 0)
							back = gi;
					}
			}
			if (nback == 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
						 errmsg("%s at line %d: relation has no opposite relation field on model %s",
								what, f->line, t->name),
						 ri->name ? errdetail("No field of model %s refers to model %s with relation name \"%s\".",
											  t->name, m->name, ri->name) : 0,
						 errhint("Add the opposite relation field to model %s.", t->name)));
			if (nback > 1)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
						 errmsg("%s at line %d: ambiguous relation: model %s has several fields that refer to model %s",
								what, f->line, t->name, m->name),
						 errhint("Give each relation its own name with @relation(\"Name\") on both of its fields.")));

			o = &t->fields[back];
			oi = &relinfo[ti][back];
			f->back_field = back;
			if (ri->name)
				f->relation_name = ri->name;
			else if (strcmp(m->name, t->name) <= 0)
				f->relation_name = psprintf("%sTo%s", m->name, t->name);
			else
				f->relation_name = psprintf("%sTo%s", t->name, m->name);

			if ((ri->fields != NIL) != (ri->references != NIL))
				semantic_error(what, ri->line, "@relation needs both fields: and references:, or neither");
			if (list_length(ri->fields) != list_length(ri->references))
				semantic_error(what, ri->line, "@relation has %d fields: but %d references:",
							   list_length(ri->fields), list_length(ri->references));

			if (f->is_list && o->is_list)
			{
				/* implicit many-to-many */
				bool		this_is_a;
				PrismaModel *first = strcmp(m->name, t->name) <= 0 ? m : t;

				if (ri->fields != NIL)
					semantic_error(what, ri->line, "an implicit many-to-many relation cannot have fields: or references:");
				if (m->nid != 1 || !m->uniques[0].is_id)
					semantic_error(what, f->line, "an implicit many-to-many relation needs a single-field @id on model %s", m->name);
				if (t->nid != 1 || !t->uniques[0].is_id)
					semantic_error(what, f->line, "an implicit many-to-many relation needs a single-field @id on model %s", t->name);
				if (self)
					this_is_a = strcmp(f->name, o->name) < 0;
				else
					this_is_a = strcmp(m->name, t->name) < 0;
				f->rel_kind = REL_MANY_TO_MANY;
				f->nkeys = 1;
				f->local_cols = palloc(sizeof(char *));
				f->remote_cols = palloc(sizeof(char *));
				f->local_cols[0] = m->fields[m->id_fields[0]].column;
				f->remote_cols[0] = t->fields[t->id_fields[0]].column;
				f->join_table = psprintf("_%s", f->relation_name);
				f->join_schema = first->db_schema;
				f->join_local = this_is_a ? "A" : "B";
				f->join_remote = this_is_a ? "B" : "A";
			}
			else if (f->is_list)
			{
				/* to-many: the target holds the foreign key */
				if (ri->fields != NIL)
					semantic_error(what, ri->line, "a list relation field cannot have fields: or references:; put them on %s.%s",
								   t->name, o->name);
				if (oi->fields == NIL)
					semantic_error(psprintf("field %s.%s", t->name, o->name), oi->line,
								   "the relation needs fields: and references: on this side");
				f->rel_kind = REL_TO_MANY;
				f->nkeys = list_length(oi->fields);
				f->local_cols = columns_of(m, oi->references,
										   psprintf("field %s.%s", t->name, o->name), oi->line);
				f->remote_cols = columns_of(t, oi->fields,
											psprintf("field %s.%s", t->name, o->name), oi->line);
			}
			else if (ri->fields != NIL)
			{
				/* to-one, this model holds the foreign key */
				if (!o->is_list && oi->fields != NIL)
					semantic_error(what, ri->line, "only one side of a one-to-one relation can have fields: and references:");
				f->rel_kind = REL_TO_ONE_OWNER;
				f->nkeys = list_length(ri->fields);
				f->local_cols = columns_of(m, ri->fields, what, ri->line);
				f->remote_cols = columns_of(t, ri->references, what, ri->line);
			}
			else
			{
				/* to-one, the target holds the foreign key */
				if (o->is_list)
					semantic_error(what, f->line, "the relation needs fields: and references: on this side");
				if (oi->fields == NIL)
					semantic_error(what, f->line, "one side of the one-to-one relation with %s.%s needs fields: and references:",
								   t->name, o->name);
				if (!f->is_optional)
					semantic_error(what, f->line, "the side of a one-to-one relation without fields: must be optional");
				f->rel_kind = REL_TO_ONE_BACK;
				f->nkeys = list_length(oi->fields);
				f->local_cols = columns_of(m, oi->references,
										   psprintf("field %s.%s", t->name, o->name), oi->line);
				f->remote_cols = columns_of(t, oi->fields,
											psprintf("field %s.%s", t->name, o->name), oi->line);
			}
		}
	}
}

/*
 * Check a block's @@schema against the datasource's schemas (multiSchema):
 * a schema must be one of them, and every block needs one (Prisma's
 * messages).  Without a schemas list Prisma refuses @@schema; here it is
 * accepted, and blocks without one are found on the search_path.
 */
static void
check_block_schema(RawBlock *b, List *schemas)
{
	char	   *what = psprintf("%s %s", block_kind(b), b->name);
	ListCell   *lc;

	if (schemas == NIL)
		return;

	foreach(lc, b->attrs)
	{
		PslAttr    *a = lfirst(lc);
		char	   *name;
		ListCell   *lc2;

		if (strcmp(a->name, "schema") != 0)
			continue;
		name = attr_string(a, what, NULL);
		foreach(lc2, schemas)
			if (strcmp(lfirst(lc2), name) == 0)
				return;
		semantic_error(what, a->line, "This schema is not defined in the datasource.");
	}
	semantic_error(what, b->line, "This %s is missing an `@@schema` attribute.", block_kind(b));
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
	List	   *schemas = NIL;
	int			nm = 0,
				ne = 0;

	tokenize(&p, text);
	blocks = parse_blocks(&p, &schemas);

	/* duplicate names: models and enums share one namespace */
	foreach(lc, blocks)
	{
		RawBlock   *b = lfirst(lc);
		ListCell   *lc2;

		CHECK_FOR_INTERRUPTS();
		check_block_schema(b, schemas);
		for (int i = 0; i < lengthof(scalar_names); i++)
			if (strcmp(b->name, scalar_names[i]) == 0)
				semantic_error(psprintf("%s %s", block_kind(b), b->name),
							   b->line, "the name of a built-in type cannot be reused");
		for_each_cell(lc2, blocks, lnext(blocks, lc))
		{
			RawBlock   *c = lfirst(lc2);

			if (strcmp(b->name, c->name) == 0)
				semantic_error(psprintf("%s %s", block_kind(c), c->name),
							   c->line, "duplicate name (first defined at line %d)", b->line);
		}
		if (b->is_enum)
			ne++;
		else if (!has_block_attr(b, "ignore"))
			nm++;
	}

	s->models = palloc0(Max(nm, 1) * sizeof(PrismaModel));
	s->enums = palloc0(Max(ne, 1) * sizeof(PrismaEnum));
	relinfo = palloc0(Max(nm, 1) * sizeof(RelInfo *));

	foreach(lc, blocks)
	{
		RawBlock   *b = lfirst(lc);

		if (b->is_enum)
		{
			PrismaEnum *e = &s->enums[s->nenums++];
			char	   *what = psprintf("enum %s", b->name);
			ListCell   *lc2;
			int			i = 0;

			e->name = b->name;
			e->db_name = b->name;
			e->line = b->line;
			e->type_oid = InvalidOid;
			e->nvalues = list_length(b->values);
			if (e->nvalues == 0)
				semantic_error(what, b->line, "an enum needs at least one value");
			e->values = palloc(e->nvalues * sizeof(char *));
			e->db_values = palloc(e->nvalues * sizeof(char *));
			foreach(lc2, b->values)
			{
				e->values[i] = lfirst(lc2);
				e->db_values[i] = list_nth(b->db_values, i);
				for (int j = 0; j < i; j++)
				{
					if (strcmp(e->values[j], e->values[i]) == 0)
						semantic_error(what, b->line, "duplicate value %s", e->values[i]);
					if (strcmp(e->db_values[j], e->db_values[i]) == 0)
						semantic_error(what, b->line, "values %s and %s are mapped to the same name \"%s\"",
									   e->values[j], e->values[i], e->db_values[i]);
				}
				i++;
			}
			foreach(lc2, b->attrs)
			{
				PslAttr    *a = lfirst(lc2);

				if (strcmp(a->name, "map") == 0)
					e->db_name = attr_string(a, what, "name");
				else if (strcmp(a->name, "schema") == 0)
					e->db_schema = attr_string(a, what, NULL);
				else
					semantic_error(what, a->line, "unknown attribute @@%s", a->name);
			}
		}
		else if (!has_block_attr(b, "ignore"))
		{
			PrismaModel *m = &s->models[s->nmodels];

			m->name = b->name;
			m->table = b->name;
			m->line = b->line;
			m->relid = InvalidOid;
			build_model_fields(m, b, blocks, &relinfo[s->nmodels]);
			build_model_keys(m, b);
			s->nmodels++;
		}
	}

	resolve_relations(s, relinfo);
	return s;
}
