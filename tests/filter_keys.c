/* tests/filter_keys.c: prints `timestamp tid` of every event of a capture
 * file that a filter selects (through strato_capture_set_filter()), the
 * same key sysdig prints with -p "%evt.rawtime %thread.tid"; used by
 * tests/filter-sysdig.sh. With -x it prints the compile error and offset. */
#include <stratocore/stratocore.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	STRATO_OPTS(strato_file_opts, fo);
	struct strato_filter_error err;
	strato_capture *cap;
	strato_filter *f;
	const strato_event *ev;
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: filter_keys FILE FILTER\n");
		return 2;
	}
	if (strato_filter_compile(&f, argv[2], NULL, &err)) {
		fprintf(stderr, "filter error at offset %zu: %s\n", err.offset, err.message);
		return 1;
	}
	if (strato_capture_open_file(&cap, argv[1], &fo)) {
		fprintf(stderr, "%s: %s\n", argv[1], strato_last_error());
		return 1;
	}
	rc = strato_capture_set_filter(cap, f);
	strato_filter_free(f); /* the capture keeps its own reference */
	while (!rc && (rc = strato_capture_next(cap, &ev)) == STRATO_EVENT) {
		printf("%" PRIu64 " %" PRId64 "\n", strato_event_ts(ev), strato_event_tid(ev));
		rc = 0;
	}
	if (rc < 0)
		fprintf(stderr, "%s: %s\n", argv[1], strato_last_error());
	strato_capture_close(cap);
	return rc < 0;
}
