/* lib/event/event_ext.c: descriptions of the library-private event types
 * declared in event_table.h (kept apart from the generated scap table). */
#include "event/event_table.h"

static const struct strato_param_info strato_gap_params[] = {
	{ .name = "lost_buffer", .type = STRATO_PT_UINT64 },
	{ .name = "lost_other", .type = STRATO_PT_UINT64 },
};

const struct strato_event_info strato_event_gap_info = {
	.name = "gap",
	.ename = "STRATO_GAP_E",
	.category = 0x1000, /* EC_METAEVENT: not a syscall */
	.flags = 0,
	.nparams = 2,
	.nparams_2022 = -1, /* never written into 2022-layout files */
	.params = strato_gap_params,
	.params_2022 = NULL,
};
