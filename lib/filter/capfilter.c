/* lib/filter/capfilter.c: strato_capture_set_filter(): the full filter runs
 * in strato_capture_next(); a live back end also gets the conservative
 * kernel part (event types, pids) derived from it. */
#include <stdlib.h>
#include "filter/filter.h"
#include "capture/capture.h"

int strato_capture_set_filter(strato_capture *cap, const strato_filter *f)
{
	struct strato_fprefilter pf;
	int rc = 0;

	if (!cap)
		return strato_fail(-EINVAL, "strato_capture_set_filter: NULL capture");
	if (cap->ops->prefilter) {
		if (f)
			strato_filter_prefilter(f, &pf);
		rc = cap->ops->prefilter(cap, f ? &pf : NULL);
		if (rc) {
			/* a half-installed kernel part could drop wanted events */
			cap->ops->prefilter(cap, NULL);
			strato_filter_free(cap->filter);
			cap->filter = NULL;
			strato_keep_error(cap->errmsg, sizeof(cap->errmsg));
			return rc;
		}
	}
	strato_filter_free(cap->filter);
	cap->filter = f ? strato_filter_ref(f) : NULL;
	return 0;
}
