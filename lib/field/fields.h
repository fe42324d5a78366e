/* lib/field/fields.h: the field registry's internal view: one table entry per
 * field (name, type, flags, description, extractor id), the resolved field
 * handle, and the value an extractor produces. Not installed. */
#ifndef STRATO_FIELD_FIELDS_H
#define STRATO_FIELD_FIELDS_H

#include <stratocore/field.h>
#include "core/internal.h"
#include "event/event.h"

/* Extractor ids, one per registry entry that computes something. */
enum strato_fid {
	STRATO_F_EVT_NUM,
	STRATO_F_EVT_TIME,
	STRATO_F_EVT_TIME_S,
	STRATO_F_EVT_TIME_ISO,
	STRATO_F_EVT_DATETIME,
	STRATO_F_EVT_DATETIME_S,
	STRATO_F_EVT_OUTPUTTIME,
	STRATO_F_EVT_RAWTIME,
	STRATO_F_EVT_RAWTIME_S,
	STRATO_F_EVT_RAWTIME_NS,
	STRATO_F_EVT_RELTIME,
	STRATO_F_EVT_RELTIME_S,
	STRATO_F_EVT_RELTIME_NS,
	STRATO_F_EVT_DELTATIME,
	STRATO_F_EVT_DELTATIME_S,
	STRATO_F_EVT_DELTATIME_NS,
	STRATO_F_EVT_LATENCY,
	STRATO_F_EVT_LATENCY_S,
	STRATO_F_EVT_LATENCY_NS,
	STRATO_F_EVT_LATENCY_HUMAN,
	STRATO_F_EVT_TYPE,
	STRATO_F_EVT_TYPE_IS,
	STRATO_F_SYSCALL_TYPE,
	STRATO_F_EVT_DIR,
	STRATO_F_EVT_CPU,
	STRATO_F_EVT_CATEGORY,
	STRATO_F_EVT_ARGS,
	STRATO_F_EVT_INFO,
	STRATO_F_EVT_ARG,
	STRATO_F_EVT_RAWARG,
	STRATO_F_EVT_RES,
	STRATO_F_EVT_RAWRES,
	STRATO_F_EVT_FAILED,
	STRATO_F_EVT_BUFFER,
	STRATO_F_EVT_BUFLEN,
	STRATO_F_EVT_IS_IO,
	STRATO_F_EVT_IS_IO_READ,
	STRATO_F_EVT_IS_IO_WRITE,
	STRATO_F_EVT_IO_DIR,
	STRATO_F_EVT_IS_WAIT,
	STRATO_F_EVT_IS_SYSLOG,
	STRATO_F_EVT_COUNT,
	STRATO_F_EVT_COUNT_ERROR,
	STRATO_F_EVT_COUNT_EXIT,
	STRATO_F_EVT_IS_OPEN_READ,
	STRATO_F_EVT_IS_OPEN_WRITE,
	STRATO_F_EVT_IS_OPEN_EXEC,
	STRATO_F_EVT_IS_OPEN_CREATE,
	STRATO_F_EVT_ABSPATH,
	STRATO_F_EVT_HOSTNAME,
	STRATO_F_EVT_SOURCE,
	/* process and thread */
	STRATO_F_PROC_PID,
	STRATO_F_PROC_PPID,
	STRATO_F_PROC_VPID,
	STRATO_F_PROC_PVPID,
	STRATO_F_THREAD_TID,
	STRATO_F_THREAD_VTID,
	STRATO_F_PROC_NAME,
	STRATO_F_PROC_EXE,
	STRATO_F_PROC_EXEPATH,
	STRATO_F_PROC_ARGS,
	STRATO_F_PROC_CMDLINE,
	STRATO_F_PROC_EXELINE,
	STRATO_F_PROC_CMDNARGS,
	STRATO_F_PROC_CMDLENARGS,
	STRATO_F_PROC_ENV,
	STRATO_F_PROC_CWD,
	STRATO_F_PROC_TTY,
	STRATO_F_PROC_SID,
	STRATO_F_PROC_SNAME,
	STRATO_F_PROC_PGID,
	STRATO_F_PROC_VPGID,
	STRATO_F_PROC_VPGID_NAME,
	STRATO_F_PROC_LOGINSHELLID,
	STRATO_F_PROC_PNAME,
	STRATO_F_PROC_PCMDLINE,
	STRATO_F_PROC_PEXE,
	STRATO_F_PROC_PEXEPATH,
	STRATO_F_PROC_ANAME,
	STRATO_F_PROC_APID,
	STRATO_F_PROC_ACMDLINE,
	STRATO_F_PROC_AEXE,
	STRATO_F_PROC_AEXEPATH,
	STRATO_F_PROC_IS_EXE_WRITABLE,
	STRATO_F_PROC_IS_EXE_UPPER_LAYER,
	STRATO_F_PROC_DURATION,
	STRATO_F_PROC_IS_EXE_FROM_MEMFD,
	STRATO_F_PROC_IS_SID_LEADER,
	STRATO_F_PROC_IS_VPGID_LEADER,
	STRATO_F_PROC_IS_PGID_LEADER,
	STRATO_F_PROC_FDOPENCOUNT,
	STRATO_F_PROC_FDLIMIT,
	STRATO_F_PROC_VMSIZE,
	STRATO_F_PROC_VMRSS,
	STRATO_F_PROC_VMSWAP,
	STRATO_F_PROC_NTHREADS,
	STRATO_F_PROC_NCHILDS,
	STRATO_F_THREAD_ISMAIN,
	STRATO_F_THREAD_CGROUPS,
	STRATO_F_THREAD_CGROUP,
	STRATO_F_THREAD_CAP_PERMITTED,
	STRATO_F_THREAD_CAP_INHERITABLE,
	STRATO_F_THREAD_CAP_EFFECTIVE,
	STRATO_F_THREAD_PFMAJOR,
	STRATO_F_THREAD_PFMINOR,
	STRATO_F_THREAD_VMSIZE,
	STRATO_F_THREAD_VMRSS,
	/* fd */
	STRATO_F_FD_NUM,
	STRATO_F_FD_TYPE,
	STRATO_F_FD_TYPECHAR,
	STRATO_F_FD_NAME,
	STRATO_F_FD_DIRECTORY,
	STRATO_F_FD_FILENAME,
	STRATO_F_FD_IP,
	STRATO_F_FD_CIP,
	STRATO_F_FD_SIP,
	STRATO_F_FD_LIP,
	STRATO_F_FD_RIP,
	STRATO_F_FD_PORT,
	STRATO_F_FD_CPORT,
	STRATO_F_FD_SPORT,
	STRATO_F_FD_LPORT,
	STRATO_F_FD_RPORT,
	STRATO_F_FD_L4PROTO,
	STRATO_F_FD_SOCKFAMILY,
	STRATO_F_FD_IS_SERVER,
	STRATO_F_FD_NET,
	STRATO_F_FD_CNET,
	STRATO_F_FD_SNET,
	STRATO_F_FD_LNET,
	STRATO_F_FD_RNET,
	STRATO_F_FD_CONNECTED,
	STRATO_F_FD_DEV,
	STRATO_F_FD_DEV_MAJOR,
	STRATO_F_FD_DEV_MINOR,
	STRATO_F_FD_INO,
	STRATO_F_FD_UID,
	STRATO_F_FD_NAME_CHANGED,
	STRATO_F_FD_CIP_NAME,
	STRATO_F_FD_SIP_NAME,
	STRATO_F_FD_LIP_NAME,
	STRATO_F_FD_RIP_NAME,
	STRATO_F_FD_NAMERAW,
	STRATO_F_FDLIST_NUMS,
	STRATO_F_FDLIST_NAMES,
	STRATO_F_FDLIST_CIPS,
	STRATO_F_FDLIST_SIPS,
	STRATO_F_FDLIST_CPORTS,
	STRATO_F_FDLIST_SPORTS,
	/* users, groups, paths, containers */
	STRATO_F_USER_UID,
	STRATO_F_USER_NAME,
	STRATO_F_USER_HOMEDIR,
	STRATO_F_USER_SHELL,
	STRATO_F_USER_LOGINUID,
	STRATO_F_USER_LOGINNAME,
	STRATO_F_GROUP_GID,
	STRATO_F_GROUP_NAME,
	STRATO_F_FS_PATH_NAME,
	STRATO_F_FS_PATH_SOURCE,
	STRATO_F_FS_PATH_TARGET,
	STRATO_F_CONTAINER_ID,
	STRATO_F_CONTAINER_TYPE,
	STRATO_F_CONTAINER_NAME,
	STRATO_F_K8S_POD_UID,
};

/* How a field takes its argument. */
enum strato_farg {
	STRATO_FARG_NONE,
	STRATO_FARG_INDEX,	/* [N], N >= 0 */
	STRATO_FARG_NAME,	/* .NAME or [NAME] */
	STRATO_FARG_INDEX_NAME, /* [N] or .NAME (evt.arg) */
};

struct strato_field_def {
	const char *name;
	enum strato_ptype type;
	unsigned flags; /* enum strato_field_flags */
	uint16_t id;	/* enum strato_fid */
	uint8_t arg;	/* enum strato_farg */
	const char *desc;
};

extern const struct strato_field_def strato_field_defs[];
extern const unsigned strato_field_ndefs;

struct strato_field {
	const struct strato_field_def *def;
	int64_t idx;	   /* [N] argument, -1 none */
	char *argname;	   /* .NAME argument or NULL */
	bool hide_buffers; /* evt.args in a STRATO_BUFFERS_HIDDEN formatter */
	enum strato_ptype rawtype; /* evt.rawarg.NAME: number or string type, else NONE */
	char name[];	   /* the full name as looked up */
};

/* One extracted value. Strings and bytes are borrowed (see field.h). */
struct strato_fval {
	enum strato_ptype type; /* the registry type */
	int64_t i;		/* integers, booleans, times (u64 stored bitwise) */
	const char *s;		/* CHARBUF, BYTEBUF */
	size_t n;
	struct strato_ip ip;
};

/* Computes `f` for `ev`: 0, or -STRATO_ENOVALUE. */
int strato_field_extract(const struct strato_field *f, const struct strato_event *ev, struct strato_fval *v);

/* Per-event scratch memory for computed strings (n bytes + NUL). */
char *strato_field_scratch(const struct strato_event *ev, size_t n);
/* snprintf into scratch memory, setting v->s / v->n. */
int strato_fval_text(const struct strato_event *ev, struct strato_fval *v, const char *fmt, ...) STRATO_PRINTF(3, 4);
/* The return value of an exit event: 0 with *out, or -STRATO_ENOVALUE. */
int strato_event_res(const struct strato_event *ev, int64_t *out);
/* The process, fd, user, container... fields (state_fields.c). */
int strato_extract_state(const struct strato_field *f, const struct strato_event *ev, struct strato_fval *v);

/* Renders a value as sysdig's -p prints it (snprintf semantics). */
int strato_fval_format(const struct strato_field *f, const struct strato_fval *v, char *buf, size_t len);

/* Whether values of this type are read as integers (v->i). */
static inline bool strato_ptype_intlike(enum strato_ptype t)
{
	switch (t) {
	case STRATO_PT_INT8:
	case STRATO_PT_INT16:
	case STRATO_PT_INT32:
	case STRATO_PT_INT64:
	case STRATO_PT_UINT8:
	case STRATO_PT_UINT16:
	case STRATO_PT_UINT32:
	case STRATO_PT_UINT64:
	case STRATO_PT_BOOL:
	case STRATO_PT_ABSTIME:
	case STRATO_PT_RELTIME:
	case STRATO_PT_PORT:
		return true;
	default:
		return false;
	}
}

#endif
