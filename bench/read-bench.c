/* bench/read-bench.c: speed of reading a capture through the public API:
 * open, then strato_capture_next() over every event, decoding every
 * parameter (raw bytes, and the integer value of integer parameters), with
 * no output. The state engine is off unless --state is given (then every
 * event also updates the process and fd tables, as sysdig's reading does).
 * Prints events, seconds and events/s. */
#include <stratocore/stratocore.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv)
{
	strato_capture *cap;
	const strato_event *ev;
	struct timespec t0, t1;
	uint64_t n = 0, sum = 0;
	int rc;

	int state = argc == 3 && !strcmp(argv[2], "--state");

	if (argc != 2 && !state) {
		fprintf(stderr, "usage: read-bench FILE [--state]\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (strato_capture_open_file(&cap, argv[1], NULL)) {
		fprintf(stderr, "read-bench: %s\n", strato_last_error());
		return 1;
	}
	STRATO_OPTS(strato_state_opts, so, .disable = !state);
	if (strato_capture_state_config(cap, &so)) {
		fprintf(stderr, "read-bench: %s\n", strato_last_error());
		return 1;
	}
	while ((rc = strato_capture_next(cap, &ev)) == STRATO_EVENT) {
		unsigned np = strato_event_nparams(ev);

		for (unsigned i = 0; i < np; i++) {
			const void *p;
			size_t len;
			int64_t v;

			if (strato_event_param(ev, i, &p, &len) == 0)
				sum += len;
			if (strato_event_param_int(ev, i, &v) == 0)
				sum += (uint64_t)v;
		}
		n++;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (rc != STRATO_EOF) {
		fprintf(stderr, "read-bench: %s\n", strato_capture_errmsg(cap));
		return 1;
	}
	strato_capture_close(cap);
	double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	/* The checksum keeps the decoding from being optimised away. */
	printf("%" PRIu64 " %.6f %.0f %" PRIx64 "\n", n, s, (double)n / s, sum & 0xff);
	return 0;
}
