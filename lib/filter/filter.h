/* lib/filter/filter.h: internals shared by the filter phases: tokens (lex.c),
 * the syntax tree (parse.c), its compiled form (compile.c), evaluation
 * (eval.c), dump/explain (dump.c) and macros/lists (defs.c). */
#ifndef STRATO_FILTER_FILTER_H
#define STRATO_FILTER_FILTER_H

#include <regex.h>
#include <stdatomic.h>
#include <stratocore/filter.h>
#include <stratocore/field.h>
#include "core/internal.h"
#include "field/fields.h"

/* Event type ids up to this bound are indexed by bitmaps; larger ids (none
 * exist in the current table) always go to the full filter. */
#define STRATO_FTYPES 512
#define STRATO_FDEPTH 64 /* nesting and macro expansion limit */

struct strato_ftypeset {
	uint64_t w[STRATO_FTYPES / 64];
};

static inline bool strato_ftypes_has(const struct strato_ftypeset *s, unsigned id)
{
	return id >= STRATO_FTYPES || (s->w[id / 64] >> (id % 64)) & 1;
}

/* ---- arena: every allocation of one compilation, freed in one sweep ---- */
struct strato_arena_blk;
struct strato_arena {
	struct strato_arena_blk *head;
	size_t total; /* bytes allocated */
	size_t limit; /* 0 = none; beyond it allocations fail */
};
void *strato_arena_alloc(struct strato_arena *a, size_t n);
char *strato_arena_strndup(struct strato_arena *a, const char *s, size_t n);
void strato_arena_free(struct strato_arena *a);

/* ---- lexer ---- */
enum strato_ftok {
	STRATO_T_EOF,
	STRATO_T_LPAREN,
	STRATO_T_RPAREN,
	STRATO_T_COMMA,
	STRATO_T_OP,	 /* = == != < <= > >= */
	STRATO_T_WORD,	 /* identifier, field name, keyword or bare value */
	STRATO_T_STRING, /* quoted; text is the decoded value */
	STRATO_T_ERROR,
};

struct strato_lexer {
	const char *src;
	size_t len, pos;
	struct strato_arena *arena;
};

struct strato_token {
	enum strato_ftok kind;
	size_t off, len;  /* range in the source */
	const char *text; /* WORD/OP: points into src; STRING: decoded (arena) */
	size_t tlen;
	const char *err; /* STRATO_T_ERROR: why */
};

/* `value` mode reads a bare value after an operator: anything up to
 * blank, parenthesis or comma, so `evt.dir = <` and `a=b` both work. */
void strato_lex_next(struct strato_lexer *lx, struct strato_token *t, bool value);

/* ---- syntax tree, annotated in place by the compiler ---- */
enum strato_fop {
	STRATO_OP_EQ,
	STRATO_OP_NE,
	STRATO_OP_LT,
	STRATO_OP_LE,
	STRATO_OP_GT,
	STRATO_OP_GE,
	STRATO_OP_CONTAINS,
	STRATO_OP_ICONTAINS,
	STRATO_OP_BCONTAINS,
	STRATO_OP_STARTSWITH,
	STRATO_OP_BSTARTSWITH,
	STRATO_OP_ENDSWITH,
	STRATO_OP_GLOB,
	STRATO_OP_IGLOB,
	STRATO_OP_REGEX,
	STRATO_OP_IN,
	STRATO_OP_INTERSECTS,
	STRATO_OP_PMATCH,
	STRATO_OP_EXISTS,
	STRATO_OP_COUNT
};
extern const char *const strato_fop_names[STRATO_OP_COUNT];

enum strato_fxform {
	STRATO_X_TOLOWER,
	STRATO_X_TOUPPER,
	STRATO_X_B64,
	STRATO_X_BASENAME,
	STRATO_X_LEN,
	STRATO_X_COUNT
};
extern const char *const strato_fxform_names[STRATO_X_COUNT];

/* Value classes the evaluator compares in. */
enum strato_fclass { STRATO_C_NUM, STRATO_C_UNUM, STRATO_C_STR, STRATO_C_BYTES, STRATO_C_IP, STRATO_C_DOUBLE };

/* A field operand: name, transformers (innermost last applied first). */
struct strato_fref {
	const char *name; /* as written, with its argument */
	size_t off, len;
	enum strato_fxform xf[8];
	unsigned nxf; /* xf[0] is the outermost */
	/* compiled */
	strato_field *field;
	enum strato_ptype type;	  /* the field's own type */
	enum strato_fclass base;  /* of the field itself */
	enum strato_fclass klass; /* after transformers */
	bool as_text;		  /* no typed getter: compare its text */
	uint64_t hash;		  /* of the name: key of the per-event value cache */
};

/* Values already read while matching one event, so that rules and macros
 * naming the same field read it once. Lives on the matcher's stack. */
#define STRATO_FCACHE 16
struct strato_fcache {
	const strato_event *ev;
	unsigned n;
	struct strato_fcache_ent {
		uint64_t hash;
		const char *name;
		int rc;
		int64_t i;
		uint64_t u;
		struct strato_ip ip;
		const char *s;
		size_t len;
	} e[STRATO_FCACHE];
};

struct strato_flit {
	const char *text; /* decoded literal */
	size_t tlen, off, len;
	bool quoted;
	struct strato_fref *ref; /* val(field) operand, else NULL */
	/* compiled */
	union {
		int64_t i;
		uint64_t u;
		double d;
		struct strato_ip ip;
	};
	const uint8_t *bytes; /* bcontains/bstartswith: decoded hex; else text */
	size_t nbytes;
	regex_t *re;
};

enum strato_fkind { STRATO_N_AND, STRATO_N_OR, STRATO_N_NOT, STRATO_N_CMP, STRATO_N_TYPES };

struct strato_fnode {
	enum strato_fkind kind;
	size_t off, len;   /* source range */
	const char *macro; /* outermost macro this node came from, or NULL */
	/* AND/OR/NOT */
	struct strato_fnode **kids;
	unsigned nkids;
	/* CMP */
	enum strato_fop op;
	struct strato_fref lhs;
	struct strato_flit *vals;
	unsigned nvals;
	/* TYPES: evt.type compared with names, compiled to a set; `neg` for != */
	struct strato_ftypeset *types;
	bool neg;
	/* CMP in/intersects on strings with many literals: vals sorted by
	 * (length, bytes) for a binary search */
	bool sorted;
};

/* ---- the program a filter runs (program.c) ----
 * The tree's leaves in evaluation order; AND, OR and NOT become each
 * leaf's two jump targets (next leaf when true, when false), so a match is
 * one loop over a flat array. Targets past the program end it. */
#define STRATO_PC_TRUE 0xfffffffeu
#define STRATO_PC_FALSE 0xffffffffu
#define STRATO_NSLOTS 64 /* field values shared per event (one bit each) */
#define STRATO_NOSLOT 0xff

enum strato_fiop {
	STRATO_I_NODE,	     /* anything else: the tree evaluator on the leaf */
	STRATO_I_TYPES,	     /* event type in a set */
	STRATO_I_EXISTS,     /* the field has a value */
	STRATO_I_NUM,	     /* signed number, `cmp` with any literal */
	STRATO_I_UNUM,	     /* unsigned number, `cmp` with any literal */
	STRATO_I_STR_EQ,     /* string equal to the literal: length first */
	STRATO_I_STR_NE,     /* ... not equal */
	STRATO_I_STR_PREFIX, /* startswith: length check, then the bytes */
	STRATO_I_STR_SUFFIX,
	STRATO_I_STR_CONTAINS,
	STRATO_I_STR_IN,     /* equal to any literal */
	STRATO_I_STR_SET,    /* ... many literals: a hash set of them */
};

/* Where a leaf's value comes from: the field getters, or event header
 * data read directly (no extractor, no value boxing). */
enum strato_fsrc {
	STRATO_S_FIELD, STRATO_S_EVT_NUM, STRATO_S_EVT_CPU, STRATO_S_EVT_FAILED, STRATO_S_EVT_DIR, STRATO_S_PROC_NAME,
	STRATO_S_FD_NAME
};

struct strato_fins {
	uint8_t op;   /* enum strato_fiop */
	uint8_t src;  /* enum strato_fsrc */
	uint8_t cmp;  /* enum strato_fop of numeric leaves */
	uint8_t slot; /* the filter's value slot of a field, or STRATO_NOSLOT */
	uint32_t jt, jf;
	const strato_field *field;
	const struct strato_fnode *node;
	const struct strato_flit *vals;
	unsigned nvals;
	const struct strato_ftypeset *types; /* STRATO_I_TYPES (`cmp` 1: negated) */
	const uint32_t *set;		     /* STRATO_I_STR_SET: vals index + 1, 0 empty */
	uint32_t setmask;
	size_t n; /* the first literal: bytes and length, or number */
	const uint8_t *s;
	int64_t i;
};

/* What one match keeps while it runs: the shared field values. On the
 * matcher's stack, so matching distinct events is thread-safe. */
struct strato_fslot {
	int rc;
	struct strato_fval v;
};
struct strato_fctx {
	uint64_t valid;		    /* cache slots that hold this event's value */
	const uint8_t *map;	    /* program slot -> cache slot; NULL: no sharing */
	struct strato_fslot *slot;  /* STRATO_NSLOTS of them when map is set */
	struct strato_fcache *oldc; /* for STRATO_I_NODE leaves, or NULL */
};

struct strato_filter {
	atomic_int refs;
	struct strato_arena arena;
	struct strato_fnode *root;
	struct strato_ftypeset types; /* event types the filter may accept */
	bool cache;		      /* some field appears twice: share its value per event */
	char *expr;
	/* the program */
	struct strato_fins *prog;
	uint32_t nprog, entry;
	unsigned nslots;
	const char *slotname[STRATO_NSLOTS];
	const uint8_t *map; /* identity map when a field is read twice, else NULL */
	bool oom;	    /* while building */
};

/* Builds f->prog from the compiled tree. 0 or -ENOMEM. */
int strato_fprog_build(struct strato_filter *f);
/* Runs f's program; c->map, c->slot and c->oldc (its ev NULL) set by
 * the caller, c->valid 0 for a new event. 1 match, 0 no match, <0 error. */
int strato_fprog_run(const struct strato_filter *f, const strato_event *ev, struct strato_fctx *c);

/* ---- phases ---- */
struct strato_fparse {
	const char *src;
	struct strato_arena *arena;
	const strato_filter_defs *defs;
	struct strato_filter_error *err;
	unsigned depth;
	/* macro expansion chain, to report cycles */
	const struct strato_fparse *parent;
	const char *macro;
	size_t macro_len;
};
/* Parses src into a tree; macros expand in place. 0 or -STRATO_E*. */
int strato_filter_parse(struct strato_fparse *p, struct strato_fnode **out);
/* Resolves fields and literals; errors carry source ranges. */
int strato_filter_compile_tree(struct strato_filter *f, struct strato_filter_error *err);
/* Event types a node may be true / false for (conservative). */
void strato_filter_typesets(const struct strato_fnode *n, struct strato_ftypeset *t, struct strato_ftypeset *fset);
int strato_filter_eval(const struct strato_fnode *n, const strato_event *ev, struct strato_fcache *c);
void strato_filter_release(struct strato_fnode *n);
int strato_filter_seterr(struct strato_filter_error *err, int rc, size_t off, size_t len, const char *fmt, ...)
    STRATO_PRINTF(5, 6);

/* Lower-case name of a value type, as the dump prints it. */
const char *strato_filter_ptype_name(enum strato_ptype t);

/* defs.c */
const char *strato_filter_defs_macro(const strato_filter_defs *d, const char *name, size_t n);
/* Items of a list, or NULL when there is no such list. */
const char *const *strato_filter_defs_list(const strato_filter_defs *d, const char *name, size_t n, size_t *nitems);

/* The kernel-side part of a filter, for live captures. */
/* The kernel part of a filter (prefilter.c): a superset of what the filter
 * accepts, for the probe to check before it sends an event. */
#define STRATO_FPF_IDS 16
#define STRATO_FPF_NAMES 8
struct strato_fprefilter {
	struct strato_ftypeset types; /* event types the filter may accept */
	/* what the kernel may drop: types plus every type that changes the
	 * state the filter's fields read (all state changes, or only thread
	 * identities when `local`) */
	struct strato_ftypeset ktypes;
	struct strato_ftypeset itypes; /* identity types: exempt from name/uid/tid/ppid checks */
	bool all_types;
	bool ancestors; /* uses parent/ancestor fields: pids are not pushed */
	/* every field read is the event's own or its thread's identity (see
	 * strato_pf_local_field): thread ids, names, uids and parents can be
	 * checked in the kernel, as long as identity events always pass */
	bool local;
	bool held; /* a thread/parent/name/uid/container conjunct that `local` kept out */
	/* top-level conjuncts; a count of 0 = no check */
	int64_t pids[STRATO_FPF_IDS]; /* process (tgid) */
	unsigned npids;
	int64_t tids[STRATO_FPF_IDS];
	unsigned ntids;
	int64_t uids[STRATO_FPF_IDS]; /* effective uid */
	unsigned nuids;
	int64_t ppids[STRATO_FPF_IDS];
	unsigned nppids;
	char names[STRATO_FPF_NAMES][16]; /* comm, 1-15 bytes, NUL-padded */
	unsigned nnames;
	char containers[STRATO_FPF_NAMES][16]; /* container.id values ("host" too) */
	unsigned ncontainers;
	const struct strato_filter *filter; /* lent for the call that gets pf */
};
/* Can the filter accept a generic syscall event whose evt.type is `name`?
 * (its evt.type checks decide; every other check counts as unknown) */
bool strato_fprefilter_wants_name(const struct strato_fprefilter *pf, const char *name);
void strato_filter_prefilter(const struct strato_filter *f, struct strato_fprefilter *pf);
struct strato_filter *strato_filter_ref(const struct strato_filter *f);

/* Whether comparison result `c` (<0, 0, >0) satisfies the ordering
 * operator `op` (=, !=, <, <=, >, >=). */
static inline bool strato_fop_holds(unsigned op, int c)
{
	switch (op) {
	case STRATO_OP_NE:
		return c != 0;
	case STRATO_OP_LT:
		return c < 0;
	case STRATO_OP_LE:
		return c <= 0;
	case STRATO_OP_GT:
		return c > 0;
	case STRATO_OP_GE:
		return c >= 0;
	default:
		return c == 0;
	}
}

#endif
