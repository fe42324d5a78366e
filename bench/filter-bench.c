/* bench/filter-bench.c: cost of strato_filter_match() and of a 100-rule
 * strato_ruleset_match() per event. Reads FILE through the public API (so
 * process and fd state is there) and, for every decoded event in memory,
 * times REPEAT back-to-back matches between two clock reads; the sum over
 * the file divided by events x REPEAT is the ns per event of the filter
 * alone (reading is not counted; the clock's own cost is spread over the
 * REPEAT calls; windows the scheduler cut are left out, see trimmed()).
 * The file is read in this thread (single_thread), so that no read-ahead
 * thread shares the machine with the timed calls.
 * Median of 3 passes. Prints name, ns/event, matches. With a second
 * argument, only the benchmarks whose name contains it run. */
#include <stratocore/stratocore.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define REPEAT 50

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* With a field instead of a filter: the registry getter alone, to tell
 * extraction from filter cost. */
static const strato_field *g_field;
static const char *g_only; /* run only benchmarks whose name has this */
static unsigned long g_dropped; /* windows left out, over a bench's passes */

static int cmpd(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Windows (one event's REPEAT calls) that took over 4 times the median
 * plus 5 us were cut by the scheduler or an interrupt, not by the filter:
 * they are left out, their events too, so that load on a shared machine
 * (other processes taking the CPU) does not count as filter time. */
static double trimmed(double *w, unsigned long n, unsigned long *kept)
{
	double *s = malloc(n * sizeof(*s)), cut, sum = 0;

	if (!s) {
		fprintf(stderr, "out of memory\n");
		exit(1);
	}
	memcpy(s, w, n * sizeof(*s));
	qsort(s, n, sizeof(*s), cmpd);
	cut = 4 * s[n / 2] + 5e-6;
	free(s);
	*kept = 0;
	for (unsigned long i = 0; i < n; i++) {
		if (w[i] <= cut) {
			sum += w[i];
			(*kept)++;
		}
	}
	return sum;
}

static double *g_win;
static unsigned long g_nwin;

/* One pass over the file: seconds spent matching per kept event (see
 * trimmed()); f or rs may be NULL (read only). */
static double pass(const char *file, const strato_filter *f, const strato_ruleset *rs, unsigned long *nev,
		   unsigned long *nmatch)
{
	strato_capture *cap;
	STRATO_OPTS(strato_file_opts, fo, .single_thread = true);
	const strato_event *ev;
	unsigned long kept;
	double total;
	unsigned m[128];

	if (strato_capture_open_file(&cap, file, &fo)) {
		fprintf(stderr, "%s: %s\n", file, strato_last_error());
		exit(1);
	}
	*nev = *nmatch = 0;
	while (strato_capture_next(cap, &ev) == STRATO_EVENT) {
		int r = 0;
		double t0 = now();

		for (int i = 0; f && i < REPEAT; i++)
			r = strato_filter_match(f, ev);
		for (int i = 0; rs && i < REPEAT; i++)
			r = strato_ruleset_match(rs, ev, m, 128);
		for (int i = 0; g_field && i < REPEAT; i++) {
			const char *sv;
			size_t len;

			r = strato_field_get_str(g_field, ev, &sv, &len) == 0;
		}
		t0 = now() - t0;
		if (*nev == g_nwin) {
			g_nwin = g_nwin ? g_nwin * 2 : 1 << 20;
			if (!(g_win = realloc(g_win, g_nwin * sizeof(*g_win)))) {
				fprintf(stderr, "out of memory\n");
				exit(1);
			}
		}
		g_win[(*nev)++] = t0;
		*nmatch += r > 0;
	}
	strato_capture_close(cap);
	total = trimmed(g_win, *nev, &kept);
	g_dropped += *nev - kept;
	return total / (double)kept;
}

static strato_filter *compile(const char *expr)
{
	struct strato_filter_error err;
	strato_filter *f;

	if (strato_filter_compile(&f, expr, NULL, &err)) {
		fprintf(stderr, "%s: %s at %zu\n", expr, err.message, err.offset);
		exit(1);
	}
	return f;
}

/* Median of 3 passes minus the median read-only pass. */
static void bench(const char *name, const char *file, const strato_filter *f, const strato_ruleset *rs, double base)
{
	double t[3];
	unsigned long nev, nm;

	if (g_only && !strstr(name, g_only))
		return;
	g_dropped = 0;
	for (int i = 0; i < 3; i++)
		t[i] = pass(file, f, rs, &nev, &nm);
	qsort(t, 3, sizeof(t[0]), cmpd);
	printf("%-28s %8.1f ns/event  (%lu events, %lu matched, %lu windows cut)\n", name,
	       (t[1] - base) * 1e9 / REPEAT, nev, nm, g_dropped);
}

int main(int argc, char **argv)
{
	static const char *const types[] = {"open",   "openat", "read",	  "write",    "close",	"connect", "execve",
					    "socket", "accept", "sendto", "recvfrom", "mmap",	"clone",   "fstat",
					    "stat",   "unlink", "rename", "chmod",    "setuid", "ptrace"};
	char paths[2048] = "fd.name in (", expr[512];
	double base[3];
	unsigned long nev, nm;
	const char *file;
	strato_ruleset *rs;

	if (argc != 2 && argc != 3) {
		fprintf(stderr, "usage: filter-bench FILE [NAME-PART]\n");
		return 2;
	}
	file = argv[1];
	g_only = argc == 3 ? argv[2] : NULL;
	for (int i = 0; i < 3; i++)
		base[i] = pass(file, NULL, NULL, &nev, &nm);
	qsort(base, 3, sizeof(base[0]), cmpd);
	printf("clock reads only: %.2f ns/event (%lu events, subtracted below)\n", base[1] * 1e9 / REPEAT, nev);
	for (int i = 0; i < 20; i++)
		snprintf(paths + strlen(paths), sizeof(paths) - strlen(paths), "%s/etc/file%d.conf", i ? ", " : "", i);
	strncat(paths, ")", sizeof(paths) - strlen(paths) - 1);
	struct {
		const char *name, *expr;
	} fs[] = {
	    {"rejected by type", "evt.type = ptrace and proc.name = nginx"},
	    {"proc.name = nginx", "proc.name = nginx"},
	    {"fd.name startswith /etc/", "fd.name startswith /etc/"},
	    {"fd.name in (20 paths)", paths},
	    {"5 clauses and/or/not", "evt.type in (openat, read, write) and not proc.name in "
				     "(bash, sh) and (fd.name startswith /etc/ or fd.num > 100) "
				     "and not evt.failed = true and evt.cpu >= 0"},
	};
	for (size_t i = 0; i < sizeof(fs) / sizeof(fs[0]); i++) {
		strato_filter *f = compile(fs[i].expr);

		bench(fs[i].name, file, f, NULL, base[1]);
		strato_filter_free(f);
	}
	static const char *const getters[] = {"proc.name", "fd.name"};
	for (int i = 0; i < 2; i++) {
		strato_field *fld;

		if (strato_field_lookup(getters[i], &fld))
			return 1;
		g_field = fld;
		snprintf(expr, sizeof(expr), "getter only: %s", getters[i]);
		bench(expr, file, NULL, NULL, base[1]);
		g_field = NULL;
		strato_field_free(fld);
	}
	if (strato_ruleset_new(&rs))
		return 1;
	for (int i = 0; i < 100; i++) {
		strato_filter *f;

		snprintf(expr, sizeof(expr), "evt.type = %s and (proc.name = tool%d or fd.name startswith /srv/%d/)",
			 types[i % 20], i, i);
		f = compile(expr);
		if (strato_ruleset_add(rs, expr, f) < 0)
			return 1;
		strato_filter_free(f);
	}
	bench("100-rule set (type index)", file, NULL, rs, base[1]);
	strato_ruleset_free(rs);
	return 0;
}
