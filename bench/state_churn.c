/* bench/state_churn.c: the state engine under constant process churn on a
 * live capture. Captures for SECONDS seconds while a child shell starts
 * short-lived processes (each opening a file) without pause, and prints
 * every INTERVAL seconds the state's thread and fd counts, its accounted
 * memory and this process's RSS, which must stay flat.
 * Usage: state_churn SECONDS INTERVAL (root). */
#include <stratocore/stratocore.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long strato_rss_kb(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long pages = 0, rss = 0;

	if (f) {
		if (fscanf(f, "%ld %ld", &pages, &rss) != 2)
			rss = 0;
		fclose(f);
	}
	return rss * 4;
}

int main(int argc, char **argv)
{
	STRATO_OPTS(strato_live_opts, lo, .snaplen = 80);
	strato_capture *cap;
	const strato_event *ev;
	long seconds = argc > 1 ? atol(argv[1]) : 60, interval = argc > 2 ? atol(argv[2]) : 10;
	time_t start, next;
	uint64_t events = 0;
	pid_t churn;
	int rc;

	if (strato_capture_open_live(&cap, &lo)) {
		fprintf(stderr, "state_churn: %s\n", strato_last_error());
		return 1;
	}
	churn = fork();
	if (churn == 0) {
		execl("/bin/sh", "sh", "-c", "while :; do cat /etc/hostname >/dev/null; done", (char *)NULL);
		_exit(127);
	}
	start = time(NULL);
	next = start + interval;
	printf("seconds events threads fds removed evicted memory_kb rss_kb\n");
	while (time(NULL) - start < seconds && (rc = strato_capture_next(cap, &ev)) >= 0 && rc != STRATO_EOF) {
		if (rc == STRATO_EVENT)
			events++;
		if (time(NULL) >= next) {
			STRATO_OPTS(strato_state_stats, ss);

			strato_capture_state_stats(cap, &ss);
			printf("%ld %llu %llu %llu %llu %llu %llu %ld\n", (long)(time(NULL) - start),
			       (unsigned long long)events, (unsigned long long)ss.threads, (unsigned long long)ss.fds,
			       (unsigned long long)ss.threads_removed, (unsigned long long)ss.threads_evicted,
			       (unsigned long long)ss.memory_bytes / 1024, strato_rss_kb());
			fflush(stdout);
			next += interval;
		}
	}
	kill(churn, SIGKILL);
	waitpid(churn, NULL, 0);
	strato_capture_close(cap);
	return 0;
}
