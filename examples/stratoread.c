/* examples/stratoread.c: a sysdig-like reader built on libstratocore: live
 * capture of system calls, printed one line per event. */
#include <stratocore/stratocore.h>

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static strato_capture *g_cap;

static void on_signal(int sig)
{
	(void)sig;
	strato_capture_break(g_cap); /* async-signal-safe */
}

static void usage(FILE *f)
{
	fprintf(f, "usage: stratoread [-c COUNT] [-M SECONDS] [-s SNAPLEN]\n"
		   "  Captures system calls live and prints one line per event.\n"
		   "  -c COUNT    stop after COUNT events\n"
		   "  -M SECONDS  stop after SECONDS seconds\n"
		   "  -s SNAPLEN  bytes of I/O data to keep per event (default 80)\n");
}

static void print_event(const strato_event *ev)
{
	char args[4096];
	uint64_t ts = strato_event_ts(ev);
	time_t secs = (time_t)(ts / 1000000000ULL);
	struct tm tm;

	localtime_r(&secs, &tm);
	strato_event_format_args(ev, args, sizeof(args));
	printf("%" PRIu64 " %02d:%02d:%02d.%09" PRIu64 " %u (%" PRId64 ") %c %s %s\n", strato_event_num(ev),
	       tm.tm_hour, tm.tm_min, tm.tm_sec, (uint64_t)(ts % 1000000000ULL), strato_event_cpu(ev), strato_event_tid(ev),
	       strato_event_type(ev) & 1 ? '<' : '>', strato_event_name(ev), args);
}

int main(int argc, char **argv)
{
	long count = -1, seconds = -1;
	unsigned snaplen = 0;
	const strato_event *ev;
	time_t start;
	int c, rc;

	while ((c = getopt(argc, argv, "c:M:s:h")) != -1) {
		switch (c) {
		case 'c': count = strtol(optarg, NULL, 10); break;
		case 'M': seconds = strtol(optarg, NULL, 10); break;
		case 's': snaplen = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	STRATO_OPTS(strato_live_opts, opts, .snaplen = snaplen);
	rc = strato_capture_open_live(&g_cap, &opts);
	if (rc) {
		fprintf(stderr, "stratoread: cannot capture live: %s\n", strato_last_error());
		return 1;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	start = time(NULL);
	while ((rc = strato_capture_next(g_cap, &ev)) > 0 && rc != STRATO_EOF) {
		if (rc == STRATO_EVENT) {
			print_event(ev);
			if (count > 0 && --count == 0)
				break;
		}
		if (seconds >= 0 && time(NULL) - start >= seconds)
			break;
	}
	if (rc < 0)
		fprintf(stderr, "stratoread: %s\n", strato_capture_errmsg(g_cap));
	strato_capture_close(g_cap);
	return rc < 0 ? 1 : 0;
}
