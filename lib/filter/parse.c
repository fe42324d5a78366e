/* lib/filter/parse.c: recursive-descent parser from tokens to the syntax
 * tree, expanding macros and lists as it goes. Pure: all state is in struct
 * strato_fparse, all memory in its arena. */
#include <stdarg.h>
#include <stdio.h>
#include "filter/filter.h"

const char *const strato_fop_names[STRATO_OP_COUNT] = {
    "=",	   "!=",       "<",    "<=",	">",	 ">=", "contains",   "icontains", "bcontains", "startswith",
    "bstartswith", "endswith", "glob", "iglob", "regex", "in", "intersects", "pmatch",	  "exists",
};

const char *const strato_fxform_names[STRATO_X_COUNT] = {
    "tolower", "toupper", "b64", "basename", "len",
};

struct strato_pstate {
	struct strato_fparse *p;
	struct strato_lexer lx;
	struct strato_token tok;
};

int strato_filter_seterr(struct strato_filter_error *err, int rc, size_t off, size_t len, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (err) {
		err->offset = off;
		err->length = len;
		snprintf(err->message, sizeof(err->message), "%s", msg);
	}
	return strato_fail(rc, "%s (at offset %zu)", msg, off);
}

static int strato_ps_err(struct strato_pstate *s, int rc, const struct strato_token *t, const char *fmt, ...)
    STRATO_PRINTF(4, 5);
static int strato_ps_err(struct strato_pstate *s, int rc, const struct strato_token *t, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return strato_filter_seterr(s->p->err, rc, t->off, t->len, "%s", msg);
}

static int strato_ps_next(struct strato_pstate *s, bool value)
{
	strato_lex_next(&s->lx, &s->tok, value);
	if (s->tok.kind == STRATO_T_ERROR)
		return strato_ps_err(s, s->tok.err && !strcmp(s->tok.err, "out of memory") ? -ENOMEM : -STRATO_ESYNTAX,
				     &s->tok, "%s", s->tok.err);
	return 0;
}

static bool strato_tok_is(const struct strato_token *t, const char *w)
{
	return t->kind == STRATO_T_WORD && t->tlen == strlen(w) && !memcmp(t->text, w, t->tlen);
}

/* Is the next non-blank source character an opening parenthesis? */
static bool strato_ps_paren_follows(struct strato_pstate *s)
{
	size_t i = s->lx.pos;

	while (i < s->lx.len &&
	       (s->lx.src[i] == ' ' || s->lx.src[i] == '\t' || s->lx.src[i] == '\n' || s->lx.src[i] == '\r'))
		i++;
	return i < s->lx.len && s->lx.src[i] == '(';
}

static int strato_ps_xform(const struct strato_token *t)
{
	for (int i = 0; i < STRATO_X_COUNT; i++)
		if (strato_tok_is(t, strato_fxform_names[i]))
			return i;
	return -1;
}

static bool strato_word_is_field(const char *w, size_t n)
{
	/* field names are class.name... : a letter first and a dot inside */
	if (!n || !((w[0] >= 'a' && w[0] <= 'z') || (w[0] >= 'A' && w[0] <= 'Z')))
		return false;
	return memchr(w, '.', n) != NULL;
}

/* fieldexpr := WORD | XFORM '(' fieldexpr ')'; leaves the token after it. */
static int strato_ps_field(struct strato_pstate *s, struct strato_fref *r, bool value_after)
{
	int x, rc;

	size_t off = s->tok.off;

	if (s->tok.kind != STRATO_T_WORD)
		return strato_ps_err(s, -STRATO_ESYNTAX, &s->tok, "expected a field name");
	x = strato_ps_xform(&s->tok);
	if (x >= 0 && strato_ps_paren_follows(s)) {
		if (r->nxf >= STRATO_ARRAY_SIZE(r->xf))
			return strato_ps_err(s, -STRATO_ESYNTAX, &s->tok, "too many nested transformers");
		r->xf[r->nxf++] = (enum strato_fxform)x;
		if ((rc = strato_ps_next(s, false)) || (rc = strato_ps_next(s, false)))
			return rc;
		if ((rc = strato_ps_field(s, r, false)))
			return rc;
		if (s->tok.kind != STRATO_T_RPAREN)
			return strato_ps_err(s, -STRATO_ESYNTAX, &s->tok, "expected ')' after the argument of %s()",
					     strato_fxform_names[x]);
	} else {
		if (!strato_word_is_field(s->tok.text, s->tok.tlen))
			return strato_ps_err(s, -STRATO_ESYNTAX, &s->tok, "'%.*s' is not a field name",
					     (int)s->tok.tlen, s->tok.text);
		r->name = strato_arena_strndup(s->p->arena, s->tok.text, s->tok.tlen);
		if (!r->name)
			return -ENOMEM;
	}
	r->off = off;
	r->len = s->tok.off + s->tok.len - off;
	return strato_ps_next(s, value_after);
}

static int strato_ps_op(const struct strato_token *t)
{
	if (t->kind == STRATO_T_OP) {
		static const char *const ops[] = {"=", "==", "!=", "<", "<=", ">", ">="};
		static const enum strato_fop codes[] = {STRATO_OP_EQ, STRATO_OP_EQ, STRATO_OP_NE, STRATO_OP_LT,
							STRATO_OP_LE, STRATO_OP_GT, STRATO_OP_GE};
		for (size_t i = 0; i < STRATO_ARRAY_SIZE(ops); i++)
			if (t->tlen == strlen(ops[i]) && !memcmp(t->text, ops[i], t->tlen))
				return codes[i];
		return -1;
	}
	for (int i = STRATO_OP_CONTAINS; i < STRATO_OP_COUNT; i++)
		if (strato_tok_is(t, strato_fop_names[i]))
			return i;
	return -1;
}

/* Appends one value; the vector grows by doubling in the arena. */
static struct strato_flit *strato_ps_addval(struct strato_pstate *s, struct strato_fnode *n, unsigned *cap)
{
	if (n->nvals == *cap) {
		unsigned nc = *cap ? *cap * 2 : 4;
		struct strato_flit *v = strato_arena_alloc(s->p->arena, nc * sizeof(*v));

		if (!v)
			return NULL;
		if (n->nvals)
			memcpy(v, n->vals, n->nvals * sizeof(*v));
		n->vals = v;
		*cap = nc;
	}
	return &n->vals[n->nvals++];
}

static int strato_ps_listitems(struct strato_pstate *s, struct strato_fnode *n, unsigned *cap, const char *name,
			       size_t nlen, size_t off, size_t len, unsigned depth)
{
	size_t ni;
	const char *const *items = strato_filter_defs_list(s->p->defs, name, nlen, &ni);

	if (depth > STRATO_FDEPTH)
		return strato_filter_seterr(s->p->err, -STRATO_ESYNTAX, off, len, "list '%.*s' refers to itself",
					    (int)nlen, name);
	for (size_t i = 0; i < ni; i++) {
		size_t il = strlen(items[i]);

		if (strato_filter_defs_list(s->p->defs, items[i], il, &(size_t){0})) {
			int rc = strato_ps_listitems(s, n, cap, items[i], il, off, len, depth + 1);
			if (rc)
				return rc;
			continue;
		}
		struct strato_flit *v = strato_ps_addval(s, n, cap);
		if (!v)
			return -ENOMEM;
		v->text = items[i];
		v->tlen = il;
		/* Falco pastes list items into the condition, so an item that
		 * is a quoted string stands for the string inside the quotes */
		if (il >= 2 && (items[i][0] == '"' || items[i][0] == '\'')) {
			struct strato_lexer lx = {.src = items[i], .len = il, .arena = s->p->arena};
			struct strato_token t;

			strato_lex_next(&lx, &t, true);
			if (t.kind == STRATO_T_STRING && t.len == il) {
				v->text = t.text;
				v->tlen = t.tlen;
				v->quoted = true;
			}
		}
		v->off = off;
		v->len = len;
	}
	return 0;
}

/* value := WORD | STRING | 'val' '(' fieldexpr ')'; current token is it. */
static int strato_ps_value(struct strato_pstate *s, struct strato_flit *v, bool value_after)
{
	if (s->tok.kind == STRATO_T_WORD && strato_tok_is(&s->tok, "val") && strato_ps_paren_follows(s)) {
		int rc;

		v->ref = strato_arena_alloc(s->p->arena, sizeof(*v->ref));
		if (!v->ref)
			return -ENOMEM;
		v->off = s->tok.off;
		if ((rc = strato_ps_next(s, false)) || (rc = strato_ps_next(s, false)) ||
		    (rc = strato_ps_field(s, v->ref, false)))
			return rc;
		if (s->tok.kind != STRATO_T_RPAREN)
			return strato_ps_err(s, -STRATO_ESYNTAX, &s->tok, "expected ')' after val(field");
		v->len = s->tok.off + 1 - v->off;
		return strato_ps_next(s, value_after);
	}
	if (s->tok.kind != STRATO_T_WORD && s->tok.kind != STRATO_T_STRING)
		return strato_ps_err(s, -STRATO_ESYNTAX, &s->tok, "expected a value");
	v->quoted = s->tok.kind == STRATO_T_STRING;
	v->text = v->quoted ? s->tok.text : strato_arena_strndup(s->p->arena, s->tok.text, s->tok.tlen);
	if (!v->text)
		return -ENOMEM;
	v->tlen = s->tok.tlen;
	v->off = s->tok.off;
	v->len = s->tok.len;
	return strato_ps_next(s, value_after);
}

static int strato_ps_check(struct strato_pstate *s, struct strato_fnode **out)
{
	struct strato_fnode *n = strato_arena_alloc(s->p->arena, sizeof(*n));
	unsigned cap = 0;
	int op, rc;

	if (!n)
		return -ENOMEM;
	n->kind = STRATO_N_CMP;
	n->off = s->tok.off;
	if ((rc = strato_ps_field(s, &n->lhs, false)))
		return rc;
	op = strato_ps_op(&s->tok);
	if (op < 0)
		return strato_ps_err(s, -STRATO_ESYNTAX, &s->tok,
				     s->tok.kind == STRATO_T_EOF ? "expected an operator after %.*s"
								 : "expected an operator after %.*s, found '%.*s'",
				     (int)n->lhs.len, s->lx.src + n->lhs.off, (int)s->tok.len, s->tok.text);
	n->op = (enum strato_fop)op;
	size_t end = s->tok.off + s->tok.len;
	if (op == STRATO_OP_EXISTS) {
		rc = strato_ps_next(s, false);
	} else if (op == STRATO_OP_IN || op == STRATO_OP_INTERSECTS || op == STRATO_OP_PMATCH) {
		if ((rc = strato_ps_next(s, true)))
			return rc;
		if (s->tok.kind != STRATO_T_LPAREN)
			return strato_ps_err(s, -STRATO_ESYNTAX, &s->tok, "expected '(' after %s",
					     strato_fop_names[op]);
		if ((rc = strato_ps_next(s, true)))
			return rc;
		while (s->tok.kind != STRATO_T_RPAREN) {
			struct strato_token it = s->tok;

			if (it.kind == STRATO_T_WORD &&
			    strato_filter_defs_list(s->p->defs, it.text, it.tlen, &(size_t){0})) {
				rc = strato_ps_listitems(s, n, &cap, it.text, it.tlen, it.off, it.len, 0);
				if (!rc)
					rc = strato_ps_next(s, true);
			} else {
				struct strato_flit *v = strato_ps_addval(s, n, &cap);
				rc = v ? strato_ps_value(s, v, true) : -ENOMEM;
			}
			if (rc)
				return rc;
			if (s->tok.kind == STRATO_T_COMMA) {
				if ((rc = strato_ps_next(s, true)))
					return rc;
				if (s->tok.kind == STRATO_T_RPAREN)
					return strato_ps_err(s, -STRATO_ESYNTAX, &s->tok, "expected a value after ','");
			} else if (s->tok.kind != STRATO_T_RPAREN) {
				return strato_ps_err(s, -STRATO_ESYNTAX, &s->tok, "expected ',' or ')' in the list");
			}
		}
		end = s->tok.off + 1;
		rc = strato_ps_next(s, false);
	} else {
		struct strato_flit *v;

		if ((rc = strato_ps_next(s, true)))
			return rc;
		v = strato_ps_addval(s, n, &cap);
		if (!v)
			return -ENOMEM;
		if ((rc = strato_ps_value(s, v, false)))
			return rc;
		end = v->off + v->len;
	}
	n->len = end - n->off;
	*out = n;
	return rc;
}

static int strato_ps_or(struct strato_pstate *s, struct strato_fnode **out, unsigned depth);

/* Nodes that came from a macro point at the macro's name in the expression
 * being compiled, so later errors (unknown field, bad value) land there. */
static void strato_ps_relocate(struct strato_fnode *n, const char *macro, size_t off, size_t len)
{
	n->macro = macro;
	n->off = off;
	n->len = len;
	n->lhs.off = off;
	n->lhs.len = len;
	for (unsigned i = 0; i < n->nvals; i++) {
		n->vals[i].off = off;
		n->vals[i].len = len;
		if (n->vals[i].ref) {
			n->vals[i].ref->off = off;
			n->vals[i].ref->len = len;
		}
	}
	for (unsigned i = 0; i < n->nkids; i++)
		strato_ps_relocate(n->kids[i], macro, off, len);
}

/* A macro reference: parse its condition with a sub-parser; errors inside
 * it are reported at the reference, naming the macro. */
static int strato_ps_macro(struct strato_pstate *s, const char *cond, struct strato_fnode **out)
{
	struct strato_token ref = s->tok;
	struct strato_filter_error inner = {0};
	struct strato_fparse sub = *s->p;
	int rc;

	for (const struct strato_fparse *q = s->p; q; q = q->parent)
		if (q->macro && q->macro_len == ref.tlen && !memcmp(q->macro, ref.text, ref.tlen))
			return strato_ps_err(s, -STRATO_ESYNTAX, &ref, "macro '%.*s' refers to itself", (int)ref.tlen,
					     ref.text);
	if (s->p->depth >= STRATO_FDEPTH)
		return strato_ps_err(s, -STRATO_ESYNTAX, &ref, "macro '%.*s' expands too deep", (int)ref.tlen,
				     ref.text);
	sub.src = cond;
	sub.parent = s->p;
	sub.macro = ref.text;
	sub.macro_len = ref.tlen;
	sub.err = &inner;
	sub.depth++;
	rc = strato_filter_parse(&sub, out);
	if (rc == -ENOMEM)
		return rc;
	if (rc)
		return strato_ps_err(s, rc, &ref, "in macro %.*s at offset %zu: %s", (int)ref.tlen, ref.text,
				     inner.offset, inner.message);
	const char *name = strato_arena_strndup(s->p->arena, ref.text, ref.tlen);
	if (!name)
		return -ENOMEM;
	strato_ps_relocate(*out, name, ref.off, ref.len);
	return strato_ps_next(s, false);
}

static int strato_ps_unary(struct strato_pstate *s, struct strato_fnode **out, unsigned depth)
{
	int rc;

	if (depth > STRATO_FDEPTH)
		return strato_ps_err(s, -STRATO_ESYNTAX, &s->tok, "expression nested too deeply");
	if (strato_tok_is(&s->tok, "not")) {
		struct strato_fnode *n = strato_arena_alloc(s->p->arena, sizeof(*n));

		if (!n || !(n->kids = strato_arena_alloc(s->p->arena, sizeof(*n->kids))))
			return -ENOMEM;
		n->kind = STRATO_N_NOT;
		n->off = s->tok.off;
		n->nkids = 1;
		if ((rc = strato_ps_next(s, false)) || (rc = strato_ps_unary(s, &n->kids[0], depth + 1)))
			return rc;
		n->len = n->kids[0]->off + n->kids[0]->len - n->off;
		*out = n;
		return 0;
	}
	if (s->tok.kind == STRATO_T_LPAREN) {
		size_t off = s->tok.off;

		if ((rc = strato_ps_next(s, false)) || (rc = strato_ps_or(s, out, depth + 1)))
			return rc;
		if (s->tok.kind != STRATO_T_RPAREN)
			return strato_ps_err(s, -STRATO_ESYNTAX, &s->tok, "expected ')' to close the '(' at offset %zu",
					     off);
		return strato_ps_next(s, false);
	}
	if (s->tok.kind == STRATO_T_WORD) {
		const char *m = strato_filter_defs_macro(s->p->defs, s->tok.text, s->tok.tlen);

		if (m)
			return strato_ps_macro(s, m, out);
		if (!strato_word_is_field(s->tok.text, s->tok.tlen) &&
		    !(strato_ps_xform(&s->tok) >= 0 && strato_ps_paren_follows(s)))
			return strato_ps_err(s, -STRATO_ENOFIELD, &s->tok, "unknown macro '%.*s'", (int)s->tok.tlen,
					     s->tok.text);
		return strato_ps_check(s, out);
	}
	if (s->tok.kind == STRATO_T_EOF)
		return strato_ps_err(s, -STRATO_ESYNTAX, &s->tok, "unexpected end of the expression");
	return strato_ps_err(s, -STRATO_ESYNTAX, &s->tok, "unexpected '%.*s'", (int)s->tok.len, s->tok.text);
}

/* and/or chains become one n-ary node. */
static int strato_ps_chain(struct strato_pstate *s, struct strato_fnode **out, unsigned depth, bool is_or)
{
	struct strato_fnode *first, **kids = NULL;
	unsigned n = 0, cap = 0;
	const char *kw = is_or ? "or" : "and";
	int rc = is_or ? strato_ps_chain(s, &first, depth, false) : strato_ps_unary(s, &first, depth);

	if (rc)
		return rc;
	if (!strato_tok_is(&s->tok, kw)) {
		*out = first;
		return 0;
	}
	struct strato_fnode *node = strato_arena_alloc(s->p->arena, sizeof(*node));
	if (!node)
		return -ENOMEM;
	node->kind = is_or ? STRATO_N_OR : STRATO_N_AND;
	node->off = first->off;
	for (struct strato_fnode *k = first;;) {
		if (n == cap) {
			struct strato_fnode **nk;

			cap = cap ? cap * 2 : 4;
			nk = strato_arena_alloc(s->p->arena, cap * sizeof(*nk));
			if (!nk)
				return -ENOMEM;
			if (n)
				memcpy(nk, kids, n * sizeof(*nk));
			kids = nk;
		}
		kids[n++] = k;
		if (!strato_tok_is(&s->tok, kw))
			break;
		if ((rc = strato_ps_next(s, false)))
			return rc;
		rc = is_or ? strato_ps_chain(s, &k, depth, false) : strato_ps_unary(s, &k, depth);
		if (rc)
			return rc;
	}
	node->kids = kids;
	node->nkids = n;
	node->len = kids[n - 1]->off + kids[n - 1]->len - node->off;
	*out = node;
	return 0;
}

static int strato_ps_or(struct strato_pstate *s, struct strato_fnode **out, unsigned depth)
{
	return strato_ps_chain(s, out, depth, true);
}

int strato_filter_parse(struct strato_fparse *p, struct strato_fnode **out)
{
	struct strato_pstate s = {.p = p};
	int rc;

	s.lx.src = p->src;
	s.lx.len = strlen(p->src);
	s.lx.arena = p->arena;
	if ((rc = strato_ps_next(&s, false)))
		return rc;
	if (s.tok.kind == STRATO_T_EOF)
		return strato_ps_err(&s, -STRATO_ESYNTAX, &s.tok, "empty expression");
	if ((rc = strato_ps_or(&s, out, 0)))
		return rc;
	if (s.tok.kind != STRATO_T_EOF)
		return strato_ps_err(&s, -STRATO_ESYNTAX, &s.tok, "expected 'and', 'or' or the end, found '%.*s'",
				     (int)s.tok.len, s.tok.text);
	return 0;
}
