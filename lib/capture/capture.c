/* lib/capture/capture.c: the public capture calls, dispatched to the live
 * or file back end, plus what every capture does the same way (event
 * numbering, break, error messages, stats). */
#include "capture/capture.h"
#include "state/state.h"
#include <stratocore/filter.h>

#include <stdlib.h>
#include <time.h>

int strato_capture_new(strato_capture **out, const struct strato_capture_ops *ops, void *priv)
{
	strato_capture *cap = calloc(1, sizeof(*cap));

	if (!cap)
		return strato_fail(-ENOMEM, "out of memory");
	cap->ops = ops;
	cap->priv = priv;
	*out = cap;
	return 0;
}

int strato_capture_next(strato_capture *cap, const strato_event **ev_out)
{
	struct timespec t0 = { 0, 0 }, now;
	unsigned long skipped = 0;
	int rc;

	if (!cap || !ev_out)
		return strato_fail(-EINVAL, "strato_capture_next: NULL argument");
	if (cap->brk && !cap->ops->drains_on_break)
		return STRATO_EOF;
	if (!cap->state && !cap->state_off) {
		rc = strato_state_new(&cap->state, &cap->tables);
		if (rc)
			return rc;
		if (cap->state_max_threads)
			cap->state->max_threads = cap->state_max_threads;
		if (cap->state_max_fds)
			cap->state->max_fds = cap->state_max_fds;
	}
	for (;;) {
		rc = cap->ops->next(cap, ev_out);
		if (rc != STRATO_EVENT)
			break;
		struct strato_event *ev = (struct strato_event *)*ev_out;

		/* numbered and fed to the state before filtering: evt.num is the
		 * capture's own and skipped events still update the state */
		++cap->nevents;
		if (!cap->ops->numbers)
			ev->num = cap->nevents;
		if (cap->state)
			strato_state_update(cap->state, ev);
		else
			ev->state = NULL;
		if (cap->ops->after_state)
			cap->ops->after_state(cap, ev);
		if (cap->filter) {
			int m = strato_filter_match(cap->filter, ev);

			if (m < 0)
				rc = m;
			if (m != 0)
				break;
		} else {
			break;
		}
		if (cap->brk && !cap->ops->drains_on_break)
			return STRATO_EOF;
		/* a live capture must not block on a busy system where nothing
		 * matches: give the caller a timeout every 100 ms */
		if (cap->ops->get_fd && ++skipped % 1024 == 0) {
			clock_gettime(CLOCK_MONOTONIC, &now);
			if (!t0.tv_sec && !t0.tv_nsec)
				t0 = now;
			else if ((now.tv_sec - t0.tv_sec) * 1000000000L + now.tv_nsec - t0.tv_nsec > 100000000L)
				return STRATO_TIMEOUT;
		}
	}
	if (rc == STRATO_EVENT)
		cap->ndelivered++;
	else if (rc < 0)
		strato_keep_error(cap->errmsg, sizeof(cap->errmsg));
	return rc;
}

void strato_capture_break(strato_capture *cap)
{
	if (cap)
		cap->brk = 1;
}

int strato_capture_get_fd(strato_capture *cap)
{
	if (!cap || !cap->ops->get_fd)
		return strato_fail(-ENOTSUP, "this capture has no pollable descriptor");
	return cap->ops->get_fd(cap);
}

int strato_capture_stats(strato_capture *cap, struct strato_stats *st)
{
	struct strato_stats full = { .sz = sizeof(full) };

	if (!cap || !st || st->sz < sizeof(size_t))
		return strato_fail(-EINVAL, "strato_capture_stats: NULL capture or stats without sz");
	full.events = cap->ndelivered;
	full.received = cap->nevents;
	if (cap->ops->stats)
		cap->ops->stats(cap, &full);
	full.drops = full.drops_buffer + full.drops_other;
	/* Copy only what the caller's struct has room for. */
	memcpy((char *)st + sizeof(size_t), (char *)&full + sizeof(size_t),
	       (st->sz < sizeof(full) ? st->sz : sizeof(full)) - sizeof(size_t));
	return 0;
}

const char *strato_capture_errmsg(const strato_capture *cap)
{
	return cap ? cap->errmsg : "";
}

int strato_capture_close(strato_capture *cap)
{
	if (!cap)
		return 0;
	if (cap->ops->close)
		cap->ops->close(cap);
	strato_state_free(cap->state);
	strato_tables_clear(&cap->tables);
	strato_filter_free(cap->filter);
	free(cap);
	return 0;
}
