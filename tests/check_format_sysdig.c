/* tests/check_format_sysdig.c: compares the argument formatter with sysdig
 * 0.29.3 on a real capture. Usage: check_format_sysdig CAPTURE SYSDIG_OUTPUT,
 * where SYSDIG_OUTPUT is `sysdig -r CAPTURE -p '%evt.num %evt.args|'`.
 * The capture's event blocks are walked here (no file reader is needed), the
 * n-th event is formatted without state and compared with sysdig's line n.
 * Parts only state can give (fd names, comms, user names, resolved paths,
 * fd type tags; "<NA>" where state would name a thread or user) are allowed
 * to be missing or to differ, everything else must be identical. Exit 0 when all lines match, 1 otherwise. */
#include "core/internal.h"
#include "event/event.h"
#include "event/format.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>

#define STRATO_CAP_MAX (256u << 20) /* captures larger than this are refused */

static uint8_t *strato_load(const char *path, size_t *len)
{
	gzFile f = gzopen(path, "rb");
	size_t cap = 1 << 20, n = 0;
	uint8_t *b = malloc(cap);
	int r;

	if (!f || !b)
		return NULL;
	while ((r = gzread(f, b + n, (unsigned)(cap - n))) > 0) {
		n += (size_t)r;
		if (n == cap) {
			uint8_t *nb = cap < STRATO_CAP_MAX ? realloc(b, cap * 2) : NULL;

			if (!nb) {
				free(b);
				gzclose(f);
				return NULL;
			}
			b = nb;
			cap *= 2;
		}
	}
	gzclose(f);
	*len = n;
	return b;
}

/* Next event of the capture (blocks from *off on) into ev; legacy EV
 * blocks carry no parameter count, so it is rebuilt (as readers do) from the
 * table count downwards, in a copy at `tmp`. Returns 1, or 0 at the end. */
static int strato_next_event(const uint8_t *raw, size_t n, size_t *off, struct strato_event *ev, uint8_t *tmp,
			     size_t tmplen)
{
	while (*off + 12 <= n) {
		uint32_t bt = strato_ld32(raw + *off), bl = strato_ld32(raw + *off + 4);
		size_t p = *off + 10, end = *off + bl - 4;

		if (bl < 12 || bl > n - *off)
			return 0;
		*off += bl;
		if (bt == 0x217 || bt == 0x222 || bt == 0x208)
			p += 4;
		if (bt == 0x216 || bt == 0x221 || bt == 0x217 || bt == 0x222) {
			if (p <= end && strato_event_parse(ev, raw + p, end - p) == 0)
				return 1;
			ev->nparams = 0;
			ev->type = UINT16_MAX;
			return 1;
		}
		if ((bt == 0x204 || bt == 0x208) && p + 22 <= end) {
			const uint8_t *e = raw + p;
			uint32_t len = strato_ld32(e + 16);
			const struct strato_event_info *ei = strato_event_info_get(strato_ld16(e + 20));
			int k = ei ? (ei->nparams_2022 >= 0 ? ei->nparams_2022 : ei->nparams) : 0;

			for (; len >= 22 && len <= end - p && len + 4 <= tmplen && k >= 0; k--) {
				uint64_t sum = 22 + 2 * (uint64_t)k;

				for (int i = 0; i < k && sum <= len; i++)
					sum += strato_ld16(e + 22 + 2 * i);
				if (sum == len)
					break;
			}
			ev->nparams = 0;
			ev->type = UINT16_MAX;
			if (k >= 0 && len >= 22 && len <= end - p && len + 4 <= tmplen) {
				memcpy(tmp, e, 22);
				strato_st32(tmp + 22, (uint32_t)k);
				memcpy(tmp + 26, e + 22, len - 22);
				strato_st32(tmp + 16, len + 4);
				strato_event_parse(ev, tmp, len + 4);
			}
			return 1;
		}
	}
	return 0;
}

static int strato_state_type(enum strato_ptype t)
{
	return t == STRATO_PT_FD || t == STRATO_PT_PID || t == STRATO_PT_UID || t == STRATO_PT_GID ||
	       t == STRATO_PT_FSPATH || t == STRATO_PT_FSRELPATH || t == STRATO_PT_FDLIST;
}

/* Compares sysdig's `line` (after the event number) with the formatter's
 * text for ev, parameter by parameter. Returns 0 when they agree. */
static int strato_compare(const struct strato_event *ev, const char *line, char *mine, size_t minelen)
{
	const struct strato_event_info *ei = strato_event_info_get(ev->type);
	const char *s = line;
	unsigned n;

	strato_event_format_args(ev, mine, minelen);
	if (!ei || ev->type <= 1)
		return strcmp(mine, line);
	n = ev->nparams < ei->nparams ? ev->nparams : ei->nparams;
	if (ei->nparams_2022 >= 0 && n > (unsigned)ei->nparams_2022)
		n = (unsigned)ei->nparams_2022; /* sysdig 0.29.3 shows no more */
	for (unsigned i = 0; i < n; i++) {
		const struct strato_param_info *pi =
		    ei->params_2022 && (int)i < ei->nparams_2022 ? &ei->params_2022[i] : &ei->params[i];
		char val[4096];
		size_t vl, nl = strlen(pi->name);
		const char *end;

		if (strncmp(s, pi->name, nl) || s[nl] != '=')
			return -1;
		s += nl + 1;
		strato_event_format_param(ev, i, val, sizeof(val));
		vl = strlen(val);
		if (!strncmp(s, val, vl) && s[vl] == ' ') {
			s += vl + 1;
			continue;
		}
		if (!strato_state_type(pi->type))
			return -1;
		/* sysdig's value ends where the next parameter starts */
		if (i + 1 < n) {
			const struct strato_param_info *nx = ei->params_2022 && (int)(i + 1) < ei->nparams_2022
								 ? &ei->params_2022[i + 1]
								 : &ei->params[i + 1];
			char key[128];

			snprintf(key, sizeof(key), " %s=", nx->name);
			end = strstr(s, key);
		} else {
			end = s + strlen(s) - 1;
		}
		if (!end || end < s)
			return -1;
		if (pi->type == STRATO_PT_FDLIST) {
			/* fd type tags: '?' here, the fd's tag in sysdig */
			if ((size_t)(end - s) != vl)
				return -1;
			for (size_t k = 0; k < vl; k++)
				if (s[k] != val[k] && !(val[k] == '?' && k && val[k - 1] == ':'))
					return -1;
		} else {
			/* the same value, sysdig adding or naming "(...)" */
			const char *paren = strchr(val, '(');
			size_t keep = paren && (pi->type == STRATO_PT_UID || pi->type == STRATO_PT_GID ||
						pi->type == STRATO_PT_PID)
					  ? (size_t)(paren - val)
					  : vl;

			if ((size_t)(end - s) < keep || strncmp(s, val, keep) ||
			    ((size_t)(end - s) > keep && s[keep] != '('))
				return -1;
		}
		s = end + 1;
	}
	return *s ? -1 : 0;
}

int main(int argc, char **argv)
{
	static uint8_t tmp[1 << 17];
	static char line[1 << 20], mine[1 << 20];
	size_t n, off = 0;
	uint8_t *raw;
	FILE *sd;
	uint64_t num = 0, compared = 0, bad = 0;
	struct strato_event ev = {0};

	if (argc != 3) {
		fprintf(stderr, "usage: %s CAPTURE SYSDIG_OUTPUT\n", argv[0]);
		return 2;
	}
	raw = strato_load(argv[1], &n);
	sd = fopen(argv[2], "r");
	if (!raw || !sd) {
		fprintf(stderr, "%s: cannot read %s or %s\n", argv[0], argv[1], argv[2]);
		return 2;
	}
	while (fgets(line, sizeof(line), sd)) {
		char *text, *bar;
		uint64_t want = strtoull(line, &text, 10);

		bar = strrchr(text, '|');
		if (!bar || *text != ' ')
			continue; /* sysdig's own messages */
		*bar = 0;
		text++;
		while (num < want && strato_next_event(raw, n, &off, &ev, tmp, sizeof(tmp)))
			num++;
		if (num != want) {
			fprintf(stderr, "event %" PRIu64 " not found in the capture\n", want);
			bad++;
			break;
		}
		compared++;
		if (strato_compare(&ev, text, mine, sizeof(mine))) {
			if (bad++ < 10)
				fprintf(stderr, "event %" PRIu64 " (%s):\n  sysdig: %s\n  strato: %s\n", want,
					strato_event_name(&ev), text, mine);
		}
	}
	printf("%s: %" PRIu64 " events compared, %" PRIu64 " differ\n", argv[1], compared, bad);
	fclose(sd);
	free(raw);
	return bad ? 1 : 0;
}
