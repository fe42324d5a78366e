/* lib/filter/lex.c: the filter lexer (pull-style, reentrant: all state is in
 * struct strato_lexer) and the arena every compilation allocates from. */
#include <ctype.h>
#include <stdlib.h>
#include "filter/filter.h"

struct strato_arena_blk {
	struct strato_arena_blk *next;
	size_t used, cap;
	max_align_t data[];
};

void *strato_arena_alloc(struct strato_arena *a, size_t n)
{
	struct strato_arena_blk *b = a->head;

	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (!b || b->cap - b->used < n) {
		size_t cap = n > 4096 ? n : 4096;

		if (a->limit && a->total + cap > a->limit)
			return NULL;
		a->total += cap;

		b = malloc(sizeof(*b) + cap);
		if (!b)
			return NULL;
		b->next = a->head;
		b->used = 0;
		b->cap = cap;
		a->head = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *strato_arena_strndup(struct strato_arena *a, const char *s, size_t n)
{
	char *p = strato_arena_alloc(a, n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = 0;
	}
	return p;
}

void strato_arena_free(struct strato_arena *a)
{
	while (a->head) {
		struct strato_arena_blk *b = a->head;

		a->head = b->next;
		free(b);
	}
}

static bool strato_lex_stop(char c, bool value)
{
	if (!c || isspace((unsigned char)c) || c == '(' || c == ')' || c == ',' || c == '"' || c == '\'')
		return true;
	return !value && (c == '=' || c == '<' || c == '>' || c == '!');
}

static int strato_lex_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Quoted string with C-like escapes: \" \' \\ \n \t \r \0 \xHH; any other
 * escaped character stands for itself. */
static void strato_lex_string(struct strato_lexer *lx, struct strato_token *t)
{
	char q = lx->src[lx->pos];
	size_t i = lx->pos + 1, n = 0;
	char *out = strato_arena_alloc(lx->arena, lx->len - lx->pos + 1);

	if (!out) {
		t->kind = STRATO_T_ERROR;
		t->err = "out of memory";
		return;
	}
	for (;;) {
		char c = i < lx->len ? lx->src[i] : 0;

		if (i >= lx->len) {
			t->kind = STRATO_T_ERROR;
			t->len = i - t->off;
			t->err = "unterminated string";
			return;
		}
		i++;
		if (c == q)
			break;
		if (c == '\\' && i < lx->len) {
			char e = lx->src[i++];
			int h1, h2;

			switch (e) {
			case 'n':
				c = '\n';
				break;
			case 't':
				c = '\t';
				break;
			case 'r':
				c = '\r';
				break;
			case '0':
				c = 0;
				break;
			case 'x':
				h1 = i < lx->len ? strato_lex_hex(lx->src[i]) : -1;
				h2 = i + 1 < lx->len ? strato_lex_hex(lx->src[i + 1]) : -1;
				if (h1 < 0 || h2 < 0) {
					t->kind = STRATO_T_ERROR;
					t->off = i - 2;
					t->len = 2;
					t->err = "\\x needs two hex digits";
					return;
				}
				c = (char)(h1 * 16 + h2);
				i += 2;
				break;
			default:
				c = e;
				break;
			}
		}
		out[n++] = c;
	}
	out[n] = 0;
	t->kind = STRATO_T_STRING;
	t->text = out;
	t->tlen = n;
	t->len = i - t->off;
	lx->pos = i;
}

void strato_lex_next(struct strato_lexer *lx, struct strato_token *t, bool value)
{
	const char *s = lx->src;

	while (lx->pos < lx->len && isspace((unsigned char)s[lx->pos]))
		lx->pos++;
	memset(t, 0, sizeof(*t));
	t->off = lx->pos;
	t->text = s + lx->pos;
	if (lx->pos >= lx->len) {
		t->kind = STRATO_T_EOF;
		return;
	}
	char c = s[lx->pos];
	switch (c) {
	case '(':
		t->kind = STRATO_T_LPAREN;
		t->len = 1;
		break;
	case ')':
		t->kind = STRATO_T_RPAREN;
		t->len = 1;
		break;
	case ',':
		t->kind = STRATO_T_COMMA;
		t->len = 1;
		break;
	case '"':
	case '\'':
		strato_lex_string(lx, t);
		return;
	default:
		if (!value && (c == '=' || c == '<' || c == '>' || c == '!')) {
			char d = lx->pos + 1 < lx->len ? s[lx->pos + 1] : 0;

			t->kind = STRATO_T_OP;
			t->len = d == '=' ? 2 : 1;
			if (c == '!' && d != '=') {
				t->kind = STRATO_T_ERROR;
				t->err = "'!' must be followed by '='";
			}
			break;
		}
		/* A word; brackets keep field arguments such as proc.aname[2]
		 * or fd.types[1] in one word, even with spaces inside. */
		size_t i = lx->pos;
		int bracket = 0;
		while (i < lx->len && (bracket || !strato_lex_stop(s[i], value))) {
			if (s[i] == '[')
				bracket++;
			else if (s[i] == ']' && bracket)
				bracket--;
			i++;
		}
		t->kind = STRATO_T_WORD;
		t->len = i - lx->pos;
	}
	t->tlen = t->len;
	lx->pos += t->len;
}
