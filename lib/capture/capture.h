/* lib/capture/capture.h: the capture handle shared by the live and file
 * back ends; each back end supplies its operations. */
#ifndef STRATO_CAPTURE_CAPTURE_H
#define STRATO_CAPTURE_CAPTURE_H

#include <signal.h>
#include <stratocore/capture.h>
#include "core/internal.h"
#include "event/event.h"
#include "format/tables.h"

struct strato_fprefilter;

struct strato_capture_ops {
	/* Same contract as strato_capture_next(); the handle counts events. */
	int (*next)(strato_capture *cap, const strato_event **ev_out);
	int (*get_fd)(strato_capture *cap);
	void (*stats)(strato_capture *cap, struct strato_stats *st);
	void (*close)(strato_capture *cap);
	/* Optional: narrows what the back end produces to a superset of what
	 * the filter accepts (NULL prefilter = capture everything again). */
	int (*prefilter)(strato_capture *cap, const struct strato_fprefilter *pf);
	/* Optional: sees each event after the state took it in. */
	void (*after_state)(strato_capture *cap, const struct strato_event *ev);
	/* After strato_capture_break(), next() still returns what the back end
	 * had buffered when it saw the break, then STRATO_EOF (live rings: the
	 * events are in no file to read again). Others stop at once. */
	bool drains_on_break;
	/* The back end sets ev->num itself (a file: the event's position in
	 * it, enter halves counted, as sysdig numbers them). */
	bool numbers;
};

struct strato_capture {
	const struct strato_capture_ops *ops;
	void *priv;                  /* the back end's state */
	volatile sig_atomic_t brk;   /* set by strato_capture_break() */
	uint64_t nevents;    /* events read, numbering them (filtered ones too) */
	uint64_t ndelivered; /* events handed out (strato_stats.events) */
	/* What the capture started from (file header blocks or the /proc
	 * snapshot); the writer and the state layer read it. */
	struct strato_tables tables;
	/* Thread/fd/user state kept current from the events (lib/state),
	 * made at the first strato_capture_next() unless turned off. */
	struct strato_state *state;
	bool state_off;
	uint32_t state_max_threads, state_max_fds;
	/* strato_capture_set_filter(): events it rejects are skipped. */
	struct strato_filter *filter;
	char errmsg[STRATO_ERRMSG_MAX];
};

/* Allocates a handle for a back end. */
int strato_capture_new(strato_capture **out, const struct strato_capture_ops *ops, void *priv);

#endif
