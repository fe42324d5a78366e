/* examples/stratoread.c: a sysdig-like reader built on libstratocore: live
 * capture of system calls or a .scap file (-r), printed one line per event
 * in sysdig's default layout, or as newline-delimited JSON (-j). */
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
	fprintf(f, "usage: stratoread [-r FILE] [-w OUT [-z]] [--pid PID]... [-n COUNT] [-M SECONDS] [-s SNAPLEN] [-j] [-A|-x|-X]\n"
		   "  Prints one line per system call event, live or from a capture file.\n"
		   "  -r FILE     read a .scap capture (plain or gzip) instead of capturing live\n"
		   "  -w OUT      write the events to the capture file OUT (mode 0600) instead of printing\n"
		   "  -z          with -w: compress OUT with gzip\n"
		   "  -n COUNT    stop after COUNT events (-c is the same)\n"
		   "  -M SECONDS  stop after SECONDS seconds\n"
		   "  -s SNAPLEN  live: bytes of I/O data to keep per event (default 80)\n"
		   "  --pid PID   live: only this process and its children, filtered in the kernel (repeatable)\n"
		   "  -j          newline-delimited JSON, one object per event\n"
		   "  -A          print I/O buffers below the line as ASCII\n"
		   "  -x          print I/O buffers as hex\n"
		   "  -X          print I/O buffers as hex and ASCII\n"
		   "Process names need the state engine, not written yet: they show as <NA>.\n");
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

/* `name=value ...` like %evt.args; in a dump mode buffers are left empty
 * in the line and returned through `bufs` to be printed below it. */
static void format_args(const strato_event *ev, char *out, size_t len, enum dump_mode mode,
			const void **bufs, size_t *buflens, unsigned *nbufs)
{
	size_t pos = 0;
	unsigned n = strato_event_nparams(ev);

	out[0] = 0;
	*nbufs = 0;
	for (unsigned i = 0; i < n && pos < len; i++) {
		const char *name = "?";
		enum strato_ptype t = STRATO_PT_NONE;
		int w;

		strato_event_type_param(strato_event_type(ev), i, &name, &t);
		w = snprintf(out + pos, len - pos, "%s%s=", i ? " " : "", name);
		if (w < 0 || (size_t)w >= len - pos)
			break;
		pos += (size_t)w;
		if (mode != DUMP_NONE && t == STRATO_PT_BYTEBUF) {
			if (strato_event_param(ev, i, &bufs[*nbufs], &buflens[*nbufs]) == 0)
				(*nbufs)++;
			continue;
		}
		w = strato_event_format_param(ev, i, out + pos, len - pos);
		if (w > 0)
			pos += (size_t)w < len - pos ? (size_t)w : len - pos - 1;
	}
}

static void json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 32 || c >= 127)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static void print_event(const strato_event *ev, bool json, enum dump_mode mode)
{
	char args[8192];
	const void *bufs[64];
	size_t buflens[64];
	unsigned nbufs;
	uint64_t ts = strato_event_ts(ev);
	uint16_t type = strato_event_type(ev);
	time_t secs = (time_t)(ts / 1000000000ULL);
	/* Odd types are exits; even ones still delivered are enter-only
	 * events (procexit, switch, ...), shown as '>' like sysdig. */
	char dir = type & 1 ? '<' : '>';
	struct tm tm;

	format_args(ev, args, sizeof(args), json ? DUMP_NONE : mode, bufs, buflens, &nbufs);
	if (json) {
		printf("{\"evt.num\":%" PRIu64 ",\"evt.time\":%" PRIu64 ",\"evt.cpu\":%u,\"proc.name\":\"<NA>\","
		       "\"thread.tid\":%" PRId64 ",\"evt.dir\":\"%c\",\"evt.type\":",
		       strato_event_num(ev), ts, strato_event_cpu(ev), strato_event_tid(ev), dir);
		json_string(strato_event_name(ev));
		printf(",\"evt.args\":");
		json_string(args);
		printf("}\n");
		return;
	}
	localtime_r(&secs, &tm);
	printf("%" PRIu64 " %02d:%02d:%02d.%09" PRIu64 " %u <NA> (%" PRId64 ") %c %s %s\n", strato_event_num(ev),
	       tm.tm_hour, tm.tm_min, tm.tm_sec, (uint64_t)(ts % 1000000000ULL), strato_event_cpu(ev), strato_event_tid(ev), dir,
	       strato_event_name(ev), args);
	for (unsigned i = 0; i < nbufs; i++)
		dump_buffer(bufs[i], buflens[i], mode);
}

int main(int argc, char **argv)
{
	long count = -1, seconds = -1;
	unsigned snaplen = 0;
	const char *file = NULL, *out = NULL;
	bool json = false, gzip = false;
	strato_writer *w = NULL;
	enum dump_mode mode = DUMP_NONE;
	const strato_event *ev;
	time_t start;
	int c, rc;

	static const struct option longopts[] = {
		{ "pid", required_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int32_t pids[64];
	size_t npids = 0;

	while ((c = getopt_long(argc, argv, "r:w:zn:c:M:s:jAxXh", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': file = optarg; break;
		case 'w': out = optarg; break;
		case 'P':
			if (npids == sizeof(pids) / sizeof(pids[0]) || atoi(optarg) <= 0) {
				fprintf(stderr, "stratoread: bad or too many --pid: %s\n", optarg);
				return 2;
			}
			pids[npids++] = atoi(optarg);
			break;
		case 'z': gzip = true; break;
		case 'n': case 'c': count = strtol(optarg, NULL, 10); break;
		case 'M': seconds = strtol(optarg, NULL, 10); break;
		case 's': snaplen = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'j': json = true; break;
		case 'A': mode = DUMP_ASCII; break;
		case 'x': mode = DUMP_HEX; break;
		case 'X': mode = DUMP_HEXASCII; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind < argc) {
		usage(stderr);
		return 2;
	}
	if (file) {
		rc = strato_capture_open_file(&g_cap, file, NULL);
		if (rc) {
			fprintf(stderr, "stratoread: %s\n", strato_last_error());
			return 1;
		}
	} else {
		/* --pid is filtered in the kernel, children included. */
		STRATO_OPTS(strato_live_opts, opts, .snaplen = snaplen, .pids = npids ? pids : NULL, .npids = npids,
			    .follow_children = npids > 0);
		rc = strato_capture_open_live(&g_cap, &opts);
		if (rc) {
			fprintf(stderr, "stratoread: cannot capture live: %s\n", strato_last_error());
			return 1;
		}
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
				print_event(ev, json, mode);
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
	return rc < 0 ? 1 : 0;
}
