/* lib/field/formatter.c: output formats as sysdig's -p takes them: text
 * with %field references compiled once into literal and field pieces, then
 * rendered per event as text or as a JSON object. */
#include "field/fields.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

struct strato_fmt_piece {
	char *lit;	 /* literal text before the field (may be "") */
	strato_field *f; /* NULL for the trailing literal */
};

struct strato_formatter {
	enum strato_format_style style;
	bool print_all; /* format began with '*' */
	size_t n;
	struct strato_fmt_piece *p;
	unsigned *json_order; /* field pieces in key order, JSON only */
	size_t nfields;
};

void strato_formatter_free(strato_formatter *fmt)
{
	if (!fmt)
		return;
	for (size_t i = 0; i < fmt->n; i++) {
		free(fmt->p[i].lit);
		strato_field_free(fmt->p[i].f);
	}
	free(fmt->p);
	free(fmt->json_order);
	free(fmt);
}

static bool strato_fchar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

static int strato_fmt_add(strato_formatter *fmt, const char *lit, size_t ln, strato_field *f)
{
	struct strato_fmt_piece *np = realloc(fmt->p, (fmt->n + 1) * sizeof(*np));
	char *l;

	if (!np)
		return -ENOMEM;
	fmt->p = np;
	l = malloc(ln + 1);
	if (!l)
		return -ENOMEM;
	memcpy(l, lit, ln);
	l[ln] = 0;
	np[fmt->n].lit = l;
	np[fmt->n].f = f;
	fmt->n++;
	if (f)
		fmt->nfields++;
	return 0;
}

int strato_formatter_new(strato_formatter **out, const char *format, const struct strato_formatter_opts *opts)
{
	strato_formatter *fmt;
	char lit[4096];
	size_t ln = 0;
	const char *s;
	int rc = 0;

	if (!out || !format)
		return strato_fail(-EINVAL, "strato_formatter_new: NULL argument");
	if (opts && !STRATO_OPTS_CHECK(opts, strato_formatter_opts))
		return -EINVAL;
	fmt = calloc(1, sizeof(*fmt));
	if (!fmt)
		return strato_fail(-ENOMEM, "out of memory");
	fmt->style = STRATO_OPTS_GET(opts, style, STRATO_FORMAT_TEXT);
	if (fmt->style != STRATO_FORMAT_TEXT && fmt->style != STRATO_FORMAT_JSON) {
		int style = (int)fmt->style;

		free(fmt);
		return strato_fail(-EINVAL, "unknown formatter style %d", style);
	}
	s = format;
	if (*s == '*') {
		fmt->print_all = true;
		s++;
	}
	while (*s) {
		const char *start;
		char name[256];
		size_t nl;
		strato_field *f;

		if (s[0] == '%' && s[1] == '%') {
			if (ln < sizeof(lit))
				lit[ln++] = '%';
			s += 2;
			continue;
		}
		if (s[0] != '%') {
			if (ln >= sizeof(lit)) {
				rc = strato_fail(-STRATO_ESYNTAX, "literal text too long at offset %zu",
						 (size_t)(s - format));
				goto fail;
			}
			lit[ln++] = *s++;
			continue;
		}
		start = ++s;
		while (strato_fchar(*s))
			s++;
		if (*s == '[') {
			const char *e = strchr(s, ']');

			if (!e) {
				rc = strato_fail(-STRATO_ESYNTAX, "missing ']' after offset %zu", (size_t)(s - format));
				goto fail;
			}
			s = e + 1;
		}
		/* a sentence may end right after a field: "%fd.name." */
		while (s > start && s[-1] == '.')
			s--;
		nl = (size_t)(s - start);
		if (!nl || nl >= sizeof(name)) {
			rc = strato_fail(-STRATO_ESYNTAX, "expected a field name after '%%' at offset %zu",
					 (size_t)(start - 1 - format));
			goto fail;
		}
		memcpy(name, start, nl);
		name[nl] = 0;
		if ((rc = strato_field_lookup(name, &f))) {
			char msg[STRATO_ERRMSG_MAX];

			snprintf(msg, sizeof(msg), "%s", strato_last_error());
			rc = strato_fail(rc, "%s (offset %zu)", msg, (size_t)(start - 1 - format));
			goto fail;
		}
		if (STRATO_OPTS_GET(opts, buffers, STRATO_BUFFERS_TEXT) == STRATO_BUFFERS_HIDDEN)
			f->hide_buffers = true;
		if ((rc = strato_fmt_add(fmt, lit, ln, f))) {
			strato_field_free(f);
			goto nomem;
		}
		ln = 0;
	}
	if (ln && (rc = strato_fmt_add(fmt, lit, ln, NULL)))
		goto nomem;
	if (fmt->style == STRATO_FORMAT_JSON) {
		/* keys in name order, as sysdig's JSON objects are */
		size_t k = 0;

		fmt->json_order = calloc(fmt->nfields ? fmt->nfields : 1, sizeof(unsigned));
		if (!fmt->json_order)
			goto nomem;
		for (size_t i = 0; i < fmt->n; i++) {
			if (!fmt->p[i].f)
				continue;
			size_t j = k++;

			while (j > 0 && strcmp(fmt->p[fmt->json_order[j - 1]].f->name, fmt->p[i].f->name) > 0) {
				fmt->json_order[j] = fmt->json_order[j - 1];
				j--;
			}
			fmt->json_order[j] = (unsigned)i;
		}
	}
	*out = fmt;
	return 0;
nomem:
	rc = strato_fail(-ENOMEM, "out of memory");
fail:
	strato_formatter_free(fmt);
	return rc;
}

/* snprintf-style appender */
struct strato_fo {
	char *buf;
	size_t len, pos;
};

static void strato_fo_put(struct strato_fo *o, const char *s, size_t n)
{
	if (o->pos + 1 < o->len) {
		size_t room = o->len - 1 - o->pos;

		memcpy(o->buf + o->pos, s, n < room ? n : room);
	}
	o->pos += n;
}

static void strato_fo_puts(struct strato_fo *o, const char *s)
{
	strato_fo_put(o, s, strlen(s));
}

/* Renders a value into o (text form). */
static void strato_fo_value(struct strato_fo *o, const strato_field *f, const struct strato_fval *v)
{
	char small[512];
	int n;

	if (v->type == STRATO_PT_CHARBUF) {
		strato_fo_put(o, v->s, v->n);
		return;
	}
	n = strato_fval_format(f, v, small, sizeof(small));
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		strato_fo_put(o, small, (size_t)n);
		return;
	}
	/* long byte buffers: render straight into the output */
	if (o->pos + 1 < o->len)
		strato_fval_format(f, v, o->buf + o->pos, o->len - o->pos);
	o->pos += (size_t)n;
}

static void strato_fo_json_str(struct strato_fo *o, const char *s, size_t n)
{
	strato_fo_put(o, "\"", 1);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[8];

		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			strato_fo_put(o, esc, 2);
		} else if (c < 32) {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			strato_fo_put(o, esc, 6);
		} else {
			strato_fo_put(o, (const char *)&s[i], 1);
		}
	}
	strato_fo_put(o, "\"", 1);
}

static bool strato_json_rawtime(const strato_field *f)
{
	unsigned id = f->def->id;

	return id == STRATO_F_EVT_TIME || id == STRATO_F_EVT_OUTPUTTIME || id == STRATO_F_EVT_DATETIME;
}

static void strato_fo_json_value(struct strato_fo *o, const strato_field *f, const strato_event *ev,
				 struct strato_fval *v, int rc)
{
	char num[64];

	if (rc) {
		strato_fo_puts(o, "null");
		return;
	}
	if (strato_json_rawtime(f)) {
		snprintf(num, sizeof(num), "%" PRIu64, strato_event_ts(ev));
		strato_fo_puts(o, num);
		return;
	}
	switch (v->type) {
	case STRATO_PT_CHARBUF:
		strato_fo_json_str(o, v->s, v->n);
		return;
	case STRATO_PT_BYTEBUF:
	case STRATO_PT_IPADDR:
	case STRATO_PT_IPNET: {
		struct strato_fo tmp;
		char *b;
		int n = strato_fval_format(f, v, NULL, 0);

		b = n >= 0 ? strato_field_scratch(ev, (size_t)n) : NULL;
		if (!b) {
			strato_fo_puts(o, "null");
			return;
		}
		strato_fval_format(f, v, b, (size_t)n + 1);
		tmp = *o;
		strato_fo_json_str(&tmp, b, (size_t)n);
		*o = tmp;
		return;
	}
	default:
		strato_fval_format(f, v, num, sizeof(num));
		strato_fo_puts(o, num);
	}
}

int strato_formatter_format(const strato_formatter *fmt, const strato_event *ev, char *buf, size_t len)
{
	struct strato_fo o = {buf, len, 0};
	bool missing = false;

	if (!fmt || !ev || (!buf && len))
		return strato_fail(-EINVAL, "strato_formatter_format: NULL argument");
	if (fmt->style == STRATO_FORMAT_JSON) {
		strato_fo_puts(&o, "{");
		for (size_t k = 0; k < fmt->nfields; k++) {
			const strato_field *f = fmt->p[fmt->json_order[k]].f;
			struct strato_fval v;
			int rc = strato_field_extract(f, ev, &v);

			missing |= rc != 0;
			if (k)
				strato_fo_puts(&o, ",");
			strato_fo_json_str(&o, f->name, strlen(f->name));
			strato_fo_puts(&o, ":");
			strato_fo_json_value(&o, f, ev, &v, rc);
		}
		strato_fo_puts(&o, "}");
	} else {
		for (size_t i = 0; i < fmt->n; i++) {
			struct strato_fval v;

			strato_fo_puts(&o, fmt->p[i].lit);
			if (!fmt->p[i].f)
				continue;
			if (strato_field_extract(fmt->p[i].f, ev, &v)) {
				missing = true;
				strato_fo_puts(&o, "<NA>");
			} else {
				strato_fo_value(&o, fmt->p[i].f, &v);
			}
		}
	}
	if (len)
		buf[o.pos < len ? o.pos : len - 1] = 0;
	if (missing && !fmt->print_all)
		return strato_fail(-STRATO_ENOVALUE, "a field of the format does not apply to this event");
	return (int)(o.pos > INT32_MAX ? INT32_MAX : o.pos);
}
