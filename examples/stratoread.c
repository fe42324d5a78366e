/* examples/stratoread.c: a sysdig-like reader built on libstratocore: live
 * capture of system calls or a .scap file (-r), printed one line per event
 * in sysdig's default layout or a -p format of %fields, or as
 * newline-delimited JSON (-j). */
#include <stratocore/stratocore.h>

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum dump_mode { DUMP_NONE, DUMP_ASCII, DUMP_HEX, DUMP_HEXASCII };

static strato_capture *g_cap;

static void on_signal(int sig)
{
	(void)sig;
	strato_capture_break(g_cap); /* async-signal-safe */
}

static void usage(FILE *f)
{
	fprintf(f, "usage: stratoread [-r FILE] [-w OUT [-z]] [-n COUNT] [-M SECONDS] [-s SNAPLEN] [-p FORMAT] [-j] [-A|-x|-X] [FILTER...]\n"
		   "  Prints one line per system call event, live or from a capture file.\n"
		   "  -r FILE     read a .scap capture (plain or gzip) instead of capturing live\n"
		   "  -w OUT      write the events to the capture file OUT (mode 0600) instead of printing\n"
		   "  -z          with -w: compress OUT with gzip\n"
		   "  -n COUNT    stop after COUNT events (-c is the same)\n"
		   "  -M SECONDS  stop after SECONDS seconds\n"
		   "  -s SNAPLEN  live: bytes of I/O data to keep per event (default 80)\n"
		   "  -p FORMAT   print FORMAT per event, e.g. '%%proc.name %%fd.name'; events where a\n"
		   "              field does not apply are skipped unless FORMAT starts with '*'\n"
		   "  -j          newline-delimited JSON, one object per event: the -p fields (or\n"
		   "              the default line's) as keys, in name order, null when they do not apply\n"
		   "  -A          print I/O buffers below the line as ASCII\n"
		   "  -x          print I/O buffers as hex\n"
		   "  -X          print I/O buffers as hex and ASCII\n"
		   "The default line is %s\n", STRATO_FORMAT_DEFAULT);
}

/* sysdig prints a data buffer below the event line in the -A/-x/-X modes. */
static void dump_buffer(const uint8_t *p, size_t n, enum dump_mode mode)
{
	if (mode == DUMP_ASCII) {
		for (size_t i = 0; i < n; i++)
			if ((p[i] >= 32 && p[i] < 127) || p[i] == '\n')
				putchar(p[i]);
		putchar('\n');
		return;
	}
	for (size_t line = 0; line < n; line += 16) {
		size_t end = n - line < 16 ? n : line + 16;

		printf("\t0x%04zx:", line);
		for (size_t i = line; i < line + 16; i++) {
			if (i % 2 == 0)
				putchar(' ');
			if (i < end)
				printf("%02x", p[i]);
			else if (mode == DUMP_HEXASCII)
				printf("  ");
		}
		if (mode == DUMP_HEXASCII) {
			printf("  ");
			for (size_t i = line; i < end; i++)
				putchar(p[i] >= 32 && p[i] < 127 ? p[i] : '.');
		}
		putchar('\n');
	}
	printf(" \n");
}

/* In a dump mode the buffers of the event are printed below its line. */
static void dump_buffers(const strato_event *ev, enum dump_mode mode)
{
	unsigned n = strato_event_nparams(ev);

	for (unsigned i = 0; i < n; i++) {
		enum strato_ptype t = STRATO_PT_NONE;
		const void *p;
		size_t len;

		strato_event_type_param(strato_event_type(ev), i, NULL, &t);
		if (t == STRATO_PT_BYTEBUF && strato_event_param(ev, i, &p, &len) == 0)
			dump_buffer(p, len, mode);
	}
}

static char g_line[1 << 20];

static void print_event(const strato_event *ev, const strato_formatter *fmt, enum dump_mode mode)
{
	if (strato_formatter_format(fmt, ev, g_line, sizeof(g_line)) < 0)
		return; /* a field does not apply: sysdig skips the event */
	puts(g_line);
	if (mode != DUMP_NONE)
		dump_buffers(ev, mode);
}

int main(int argc, char **argv)
{
	long count = -1, seconds = -1;
	unsigned snaplen = 0;
	const char *file = NULL, *out = NULL;
	bool json = false, gzip = false;
	const char *format = NULL;
	strato_formatter *fmt;
	strato_writer *w = NULL;
	enum dump_mode mode = DUMP_NONE;
	const strato_event *ev;
	time_t start;
	int c, rc;

	while ((c = getopt(argc, argv, "r:w:zn:c:M:s:p:jAxXh")) != -1) {
		switch (c) {
		case 'r': file = optarg; break;
		case 'w': out = optarg; break;
		case 'z': gzip = true; break;
		case 'n': case 'c': count = strtol(optarg, NULL, 10); break;
		case 'M': seconds = strtol(optarg, NULL, 10); break;
		case 's': snaplen = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'j': json = true; break;
		case 'p': format = optarg; break;
		case 'A': mode = DUMP_ASCII; break;
		case 'x': mode = DUMP_HEX; break;
		case 'X': mode = DUMP_HEXASCII; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	/* trailing arguments are a filter, joined with spaces as in sysdig */
	strato_filter *filter = NULL;
	if (optind < argc) {
		char expr[8192] = "";
		struct strato_filter_error ferr;

		for (int i = optind; i < argc; i++)
			if (snprintf(expr + strlen(expr), sizeof(expr) - strlen(expr), "%s%s",
				     i > optind ? " " : "", argv[i]) < 0)
				return 2;
		if (strato_filter_compile(&filter, expr, NULL, &ferr)) {
			fprintf(stderr, "stratoread: filter error at offset %zu: %s\n  %s\n  %*s^\n",
				ferr.offset, ferr.message, expr, (int)ferr.offset, "");
			return 2;
		}
	}
	{
		STRATO_OPTS(strato_formatter_opts, fo, .style = json ? STRATO_FORMAT_JSON : STRATO_FORMAT_TEXT,
			    .buffers = !json && mode != DUMP_NONE ? STRATO_BUFFERS_HIDDEN : STRATO_BUFFERS_TEXT);

		/* the default line prints every event, as sysdig's does */
		rc = strato_formatter_new(&fmt, format ? format : "*" STRATO_FORMAT_DEFAULT, &fo);
		if (rc) {
			fprintf(stderr, "stratoread: bad format: %s\n", strato_last_error());
			return 2;
		}
	}
	if (file) {
		rc = strato_capture_open_file(&g_cap, file, NULL);
		if (rc) {
			fprintf(stderr, "stratoread: %s\n", strato_last_error());
			return 1;
		}
	} else {
		STRATO_OPTS(strato_live_opts, opts, .snaplen = snaplen);
		rc = strato_capture_open_live(&g_cap, &opts);
		if (rc) {
			fprintf(stderr, "stratoread: cannot capture live: %s\n", strato_last_error());
			return 1;
		}
	}
	rc = strato_capture_set_filter(g_cap, filter);
	strato_filter_free(filter);
	if (rc) {
		fprintf(stderr, "stratoread: %s\n", strato_last_error());
		return 1;
	}
	if (out) {
		STRATO_OPTS(strato_writer_opts, wopts, .gzip = gzip);
		rc = strato_writer_open(&w, out, g_cap, &wopts);
		if (rc) {
			fprintf(stderr, "stratoread: %s\n", strato_last_error());
			strato_capture_close(g_cap);
			return 1;
		}
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	start = time(NULL);
	while (count != 0 && (rc = strato_capture_next(g_cap, &ev)) > 0 && rc != STRATO_EOF) {
		if (rc == STRATO_EVENT) {
			if (w) {
				if (strato_writer_write(w, ev)) {
					fprintf(stderr, "stratoread: writing %s: %s\n", out, strato_last_error());
					rc = -1;
					break;
				}
			} else {
				print_event(ev, fmt, json ? DUMP_NONE : mode);
			}
			if (count > 0)
				count--;
		}
		if (seconds >= 0 && time(NULL) - start >= seconds)
			break;
	}
	if (rc < 0 && !w)
		fprintf(stderr, "stratoread: %s\n", strato_capture_errmsg(g_cap));
	if (w && strato_writer_close(w)) {
		fprintf(stderr, "stratoread: writing %s: %s\n", out, strato_last_error());
		rc = -1;
	}
	strato_capture_close(g_cap);
	strato_formatter_free(fmt);
	return rc < 0 ? 1 : 0;
}
