/* lib/state/capture_state.c: the public calls that configure a capture's
 * state engine and read its counters. */
#include "capture/capture.h"
#include "state/state.h"

#include <stratocore/field.h>

int strato_capture_state_config(strato_capture *cap, const struct strato_state_opts *opts)
{
	if (!cap || !opts)
		return strato_fail(-EINVAL, "strato_capture_state_config: NULL argument");
	if (!STRATO_OPTS_CHECK(opts, strato_state_opts))
		return -EINVAL;
	if (cap->nevents)
		return strato_fail(-EBUSY, "the state engine is configured before the first event");
	cap->state_off = STRATO_OPTS_GET(opts, disable, 0) != 0;
	cap->state_max_threads = STRATO_OPTS_GET(opts, max_threads, 0);
	cap->state_max_fds = STRATO_OPTS_GET(opts, max_fds, 0);
	if (cap->state) {
		/* made by an earlier next() that returned no event */
		strato_state_free(cap->state);
		cap->state = NULL;
	}
	return 0;
}

int strato_capture_state_stats(strato_capture *cap, struct strato_state_stats *out)
{
	struct strato_state_stats full = {.sz = sizeof(full)};

	if (!cap || !out || out->sz < sizeof(size_t))
		return strato_fail(-EINVAL, "strato_capture_state_stats: NULL argument or stats without sz");
	if (cap->state) {
		full.threads = cap->state->threads.n;
		full.fds = cap->state->nfds;
		full.threads_removed = cap->state->stats.threads_removed;
		full.threads_evicted = cap->state->stats.threads_evicted;
		full.fds_evicted = cap->state->stats.fds_evicted;
		full.memory_bytes = strato_state_memory(cap->state);
	}
	memcpy((char *)out + sizeof(size_t), (char *)&full + sizeof(size_t),
	       (out->sz < sizeof(full) ? out->sz : sizeof(full)) - sizeof(size_t));
	return 0;
}
