/* lib/state/state.h: the state engine: thread, fd, user and group tables of
 * one capture, seeded from its start tables (file header or /proc snapshot)
 * and kept current by every event strato_capture_next() returns. The field
 * extractors read it. Not installed. */
#ifndef STRATO_STATE_STATE_H
#define STRATO_STATE_STATE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "event/event.h"
#include "event/format.h"
#include "format/tables.h"
#include "core/internal.h"

/* An int64 -> pointer open-addressing map (linear probing). */
struct strato_map {
	int64_t *keys;
	void **vals; /* NULL: empty slot */
	size_t cap;  /* power of two or 0 */
	size_t n;
};

void *strato_map_get(const struct strato_map *m, int64_t key);
int strato_map_put(struct strato_map *m, int64_t key, void *val);
void *strato_map_del(struct strato_map *m, int64_t key);
void strato_map_free(struct strato_map *m);

/* Socket roles sysdig shows: is the process the client or the server. */
enum strato_fd_role { STRATO_ROLE_NONE = 0, STRATO_ROLE_CLIENT = 1, STRATO_ROLE_SERVER = 2 };

#define STRATO_FD_INLINE 40

struct strato_fdent {
	int64_t fd;
	uint8_t type;	 /* enum strato_fd_kind */
	uint8_t l4proto; /* as strato_fd_info */
	uint8_t role;	 /* enum strato_fd_role */
	bool cloexec;
	bool has_tuple;	      /* addresses known (connected, accepted, bound, or from the tables) */
	bool connected;	      /* connect/accept succeeded: datagrams do not rename it */
	bool bound_only;      /* addresses from bind only: no client side */
	bool unix_from_table; /* sysdig 0.29.3 shows fd.cport 0 for these */
	uint32_t open_flags;
	uint32_t dev;
	uint64_t ino;
	/* IPv4 sockets use the first 4 bytes; s = source/client side of the
	 * tuple as the kernel reported it, d = destination. */
	uint8_t sip[16], dip[16];
	uint16_t sport, dport;
	uint32_t name_len; /* strlen(name) */
	/* NUL-terminated; points at inl when it fits there (most paths), so
	 * an open costs no allocation beyond the pooled entry */
	char *name;
	char inl[STRATO_FD_INLINE];
};

struct strato_thread {
	int64_t tid, pid, ptid, sid, pgid, vtid, vpid, vpgid;
	char *comm, *exe, *exepath, *cwd; /* never NULL once filled */
	char *args;
	size_t args_len; /* NUL-separated */
	char *env;
	size_t env_len;
	char *cgroups;
	size_t cgroups_len;    /* subsys=path NUL-separated */
	char container_id[72]; /* "" host; kept current with cgroups */
	uint32_t uid, gid, loginuid, tty, flags;
	uint64_t fdlimit, pfmajor, pfminor;
	uint32_t vmsize_kb, vmrss_kb, vmswap_kb;
	uint64_t cap_inheritable, cap_permitted, cap_effective;
	bool exe_writable;
	bool exe_upper_layer; /* PPM_EXE_UPPER_LAYER: executable in an overlayfs upper layer */
	bool exe_from_memfd;  /* PPM_EXE_FROM_MEMFD: executable is a memfd */
	bool stub;	   /* made up for an fd table or parent we never saw */
	bool exited;	   /* main thread gone while other threads of it live on */
	bool counted;	   /* counted in its main thread's nthreads */
	uint32_t nthreads; /* main thread: other threads of the process in the table */
	uint64_t last_ts;
	uint64_t clone_ts; /* time of the clone that made it, 0 when unknown */
	/* time of its last clone or execve event (0: none seen), which set
	 * its cgroups: the live probe's container check matches it with the
	 * time it recorded for the thread's last such event */
	uint64_t identity_ts;
	/* fds: only the main thread (tid == pid) holds the process's table */
	struct strato_map fds;
	/* LRU list of all threads, most recent at the tail */
	struct strato_thread *lru_prev, *lru_next;
};

struct strato_user {
	uint32_t id, gid;
	char *name, *home, *shell;
};

struct strato_state_counters {
	uint64_t threads, fds, threads_evicted, fds_evicted, threads_removed;
};

struct strato_arena_chunk;

struct strato_state {
	struct strato_map threads;
	struct strato_thread *lru_head, *lru_tail;
	size_t nfds;
	size_t max_threads, max_fds;
	struct strato_state_counters stats;
	struct strato_user *users;
	size_t nusers;
	struct strato_user *groups;
	size_t ngroups;
	char hostname[128];
	/* removals sysdig applies one event late, so the exit/close event
	 * itself still shows the thread or fd */
	int64_t pending_tid_exit;
	int64_t pending_fd_pid, pending_fd;
	struct strato_fdent *pending_restore; /* fd as before a failed connect */
	int64_t pending_restore_pid;
	uint64_t first_ts, prev_ts, cur_prev_ts;
	bool have_first;
	/* fd.name_changed: the name of the event's fd before the event
	 * changed the state (hash; absent fds count as named "") */
	const struct strato_event *nc_ev;
	uint64_t nc_hash;
	/* the event being answered, resolved once by its update so the
	 * getters only read: its fd number (strato_event_fd_num, at the start,
	 * for the handlers too), and at the end (cur_done: cur_ev once its
	 * update is complete, NULL while one runs) its thread, that thread's
	 * process (strato_state_main) and fd entry (strato_state_fd) */
	const struct strato_event *cur_ev;
	struct strato_thread *cur_thread, *cur_main;
	int64_t cur_fdnum;
	struct strato_fdent *cur_fd;
	const struct strato_event *cur_done;
	/* fd entries kept for reuse (linked through their name field), at
	 * most STRATO_FD_POOL of them */
	struct strato_fdent *fd_pool;
	size_t fd_pool_n;
	struct strato_resolver resolver;
	/* scratch strings handed out by the field getters, valid until the
	 * next event; the lock lets several threads ask about one event */
	struct strato_arena_chunk *arena;
	pthread_mutex_t arena_lock;
};

#define STRATO_STATE_DEFAULT_MAX_THREADS 131072
#define STRATO_STATE_DEFAULT_MAX_FDS 2097152

int strato_state_new(struct strato_state **out, const struct strato_tables *t);
void strato_state_free(struct strato_state *st);
/* Applies one event (called by strato_capture_next before it returns it). */
void strato_state_update(struct strato_state *st, struct strato_event *ev);
/* Whether events of `type` are all that change a thread's identity in the
 * state (pid, parent, name, executable, arguments, uid, gid, cgroups) and
 * its place in the thread table: clone, execve, prctl, the set*id calls,
 * process exit. The kernel prefilter never drops them when it checks
 * names or uids, so those fields stay right for every thread. */
bool strato_state_identity_event(unsigned type);

struct strato_thread *strato_state_thread(const struct strato_state *st, int64_t tid);
/* The process (main thread) of a thread, or the thread itself. */
struct strato_thread *strato_state_main(const struct strato_state *st, const struct strato_thread *t);
/* proc.name and fd.name of the capture's current event, as their getters
 * give them, read straight from what its update resolved (filters test
 * them more than any other field); NULL when the getter must answer:
 * another event, no thread, no fd entry. */
static inline const struct strato_thread *strato_state_cur_thread(const struct strato_event *ev)
{
	const struct strato_state *st = ev->state;

	if (!st || st->cur_done != ev || !st->cur_thread || st->cur_thread->stub)
		return NULL;
	return st->cur_thread;
}

/* proc.name of a thread: its comm, "<NA>" while it has none (sysdig). */
static inline const char *strato_thread_name(const struct strato_thread *t)
{
	return t->comm[0] ? t->comm : "<NA>";
}

static inline const char *strato_state_cur_comm(const struct strato_event *ev)
{
	const struct strato_thread *t = strato_state_cur_thread(ev);

	return t ? strato_thread_name(t) : NULL;
}

static inline const char *strato_state_cur_fdname(const struct strato_event *ev, size_t *n)
{
	const struct strato_fdent *f = strato_state_cur_thread(ev) ? ev->state->cur_fd : NULL;

	if (!f)
		return NULL;
	*n = f->name_len;
	return f->name;
}
struct strato_fdent *strato_state_fd(const struct strato_state *st, const struct strato_thread *t, int64_t fd);
const struct strato_user *strato_state_user(const struct strato_state *st, uint32_t uid);
const struct strato_user *strato_state_group(const struct strato_state *st, uint32_t gid);
/* The user / group of thread t by id: NULL when unknown, and for a thread
 * in a container, whose accounts are not the host's. */
const struct strato_user *strato_thread_user(const struct strato_state *st, struct strato_thread *t, uint32_t uid);
const struct strato_user *strato_thread_group(const struct strato_state *st, struct strato_thread *t, uint32_t gid);

/* The fd an event is about (its "fd" argument, or the new fd it returns,
 * possibly negative), or STRATO_NO_FD when it has none. */
#define STRATO_NO_FD INT64_MIN
int64_t strato_event_fd_num(const struct strato_event *ev);

/* sysdig's one-letter tag and type name of an fd kind. */
char strato_fd_typechar(uint8_t kind);
const char *strato_fd_typename(uint8_t kind);

/* Container id of a thread from its cgroups ("host" when none); also the
 * runtime kind and pod uid when the path says (into the caller's pod).
 * Only reads t: the id is worked out when the cgroups change, by
 * strato_thread_container_refresh(). */
const char *strato_thread_container(const struct strato_thread *t, const char **kind, char *pod, size_t podlen);
void strato_thread_container_refresh(struct strato_thread *t);

/* FNV-1a hash of an fd name (fd.name_changed compares before/after). */
uint64_t strato_fd_name_hash(const char *s);

/* Copies `n` bytes (plus a NUL) into the per-event arena; NULL when out of
 * memory. Reset at every event. */
char *strato_state_scratch(struct strato_state *st, size_t n);

/* Memory the state holds, in bytes (approximate: allocations only). */
size_t strato_state_memory(const struct strato_state *st);

#endif
