/* lib/state/state.c: the state engine: thread and fd tables seeded from a
 * capture's start tables and updated by every event (process creation and
 * exec, exits, credential and directory changes, fd creation, duplication
 * and closing), with a hard cap on threads and fds; plus the resolver that
 * gives the argument formatter fd, thread and user names. */
#include "state/state.h"
#include "core/internal.h"

#include "field/fields.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define STRATO_CL_CLONE_THREAD 0x2000
#define STRATO_O_DIRECTORY 0x400
#define STRATO_O_CLOEXEC 0x1000
#define STRATO_FCNTL_F_DUPFD 0x1
#define STRATO_FCNTL_F_DUPFD_CLOEXEC 0x1a
#define STRATO_PR_SET_NAME 0xf
#define STRATO_AT_FDCWD (-100)
#define STRATO_ARENA_CHUNK 65536

struct strato_arena_chunk {
	struct strato_arena_chunk *next;
	size_t size, used;
	char data[];
};

/* What an event type does to the state, decided once per type by name. */
enum strato_sh {
	STRATO_SH_NONE,
	STRATO_SH_CLONE,
	STRATO_SH_EXECVE,
	STRATO_SH_PROCEXIT,
	STRATO_SH_SETUID,
	STRATO_SH_SETRESUID,
	STRATO_SH_SETGID,
	STRATO_SH_SETRESGID,
	STRATO_SH_CHDIR,
	STRATO_SH_FCHDIR,
	STRATO_SH_PRCTL,
	STRATO_SH_OPEN,
	STRATO_SH_SOCKET,
	STRATO_SH_SOCKETPAIR,
	STRATO_SH_CONNECT,
	STRATO_SH_ACCEPT,
	STRATO_SH_BIND,
	STRATO_SH_LISTEN,
	STRATO_SH_PIPE,
	STRATO_SH_NEWFD,
	STRATO_SH_DUP,
	STRATO_SH_FCNTL,
	STRATO_SH_CLOSE,
	STRATO_SH_SENDRECV,
};

struct strato_sh_name {
	const char *name;
	uint8_t sh;
	uint8_t kind; /* fd kind for STRATO_SH_NEWFD */
};

static const struct strato_sh_name strato_sh_names[] = {
    {"clone", STRATO_SH_CLONE, 0},
    {"fork", STRATO_SH_CLONE, 0},
    {"vfork", STRATO_SH_CLONE, 0},
    {"clone3", STRATO_SH_CLONE, 0},
    {"execve", STRATO_SH_EXECVE, 0},
    {"execveat", STRATO_SH_EXECVE, 0},
    {"procexit", STRATO_SH_PROCEXIT, 0},
    {"setuid", STRATO_SH_SETUID, 0},
    {"setresuid", STRATO_SH_SETRESUID, 0},
    {"setgid", STRATO_SH_SETGID, 0},
    {"setresgid", STRATO_SH_SETRESGID, 0},
    {"chdir", STRATO_SH_CHDIR, 0},
    {"fchdir", STRATO_SH_FCHDIR, 0},
    {"prctl", STRATO_SH_PRCTL, 0},
    {"open", STRATO_SH_OPEN, 0},
    {"openat", STRATO_SH_OPEN, 0},
    {"openat2", STRATO_SH_OPEN, 0},
    {"creat", STRATO_SH_OPEN, 0},
    {"open_by_handle_at", STRATO_SH_OPEN, 0},
    {"socket", STRATO_SH_SOCKET, 0},
    {"socketpair", STRATO_SH_SOCKETPAIR, 0},
    {"connect", STRATO_SH_CONNECT, 0},
    {"accept", STRATO_SH_ACCEPT, 0},
    {"accept4", STRATO_SH_ACCEPT, 0},
    {"bind", STRATO_SH_BIND, 0},
    {"listen", STRATO_SH_LISTEN, 0},
    {"pipe", STRATO_SH_PIPE, 0},
    {"pipe2", STRATO_SH_PIPE, 0},
    {"eventfd", STRATO_SH_NEWFD, STRATO_FD_EVENT},
    {"eventfd2", STRATO_SH_NEWFD, STRATO_FD_EVENT},
    {"signalfd", STRATO_SH_NEWFD, STRATO_FD_SIGNALFD},
    {"signalfd4", STRATO_SH_NEWFD, STRATO_FD_SIGNALFD},
    {"timerfd_create", STRATO_SH_NEWFD, STRATO_FD_TIMERFD},
    {"inotify_init", STRATO_SH_NEWFD, STRATO_FD_INOTIFY},
    {"inotify_init1", STRATO_SH_NEWFD, STRATO_FD_INOTIFY},
    {"epoll_create", STRATO_SH_NEWFD, STRATO_FD_EVENTPOLL},
    {"epoll_create1", STRATO_SH_NEWFD, STRATO_FD_EVENTPOLL},
    {"memfd_create", STRATO_SH_NEWFD, STRATO_FD_MEMFD},
    {"userfaultfd", STRATO_SH_NEWFD, STRATO_FD_USERFAULTFD},
    {"io_uring_setup", STRATO_SH_NEWFD, STRATO_FD_IOURING},
    {"pidfd_open", STRATO_SH_NEWFD, STRATO_FD_PIDFD},
    {"bpf", STRATO_SH_NEWFD, STRATO_FD_BPF},
    {"dup", STRATO_SH_DUP, 0},
    {"dup2", STRATO_SH_DUP, 0},
    {"dup3", STRATO_SH_DUP, 0},
    {"fcntl", STRATO_SH_FCNTL, 0},
    {"close", STRATO_SH_CLOSE, 0},
    {"sendto", STRATO_SH_SENDRECV, 0},
    {"recvfrom", STRATO_SH_SENDRECV, 0},
    {"sendmsg", STRATO_SH_SENDRECV, 0},
    {"recvmsg", STRATO_SH_SENDRECV, 0},
};

/* Per-type handler and kind, built on first use (the table is static). */
static uint8_t strato_sh_of[STRATO_EVENT_TABLE_SIZE], strato_sh_kind[STRATO_EVENT_TABLE_SIZE];
/* Per type: index of the "fd" / "fd2" parameter (-1 none), and whether
 * sysdig 0.29.3 reads the exit from a file without an fd. */
static int8_t strato_fd_idx[STRATO_EVENT_TABLE_SIZE], strato_fd2_idx[STRATO_EVENT_TABLE_SIZE];
static bool strato_no_fd_2022[STRATO_EVENT_TABLE_SIZE];
static bool strato_meta[STRATO_EVENT_TABLE_SIZE]; /* procinfo, container */
/* Per type: STRATO_FDH_* bits, 0 when it has no fd. */
#define STRATO_FDH_FD 1
#define STRATO_FDH_CREATES 2 /* an exit that makes an fd */
static uint8_t strato_fd_how[STRATO_EVENT_TABLE_SIZE];
/* Parameters of the most frequent handlers (open, close) by index per
 * type, so they skip the lookup by name. */
enum { STRATO_PK_FD, STRATO_PK_NAME, STRATO_PK_FLAGS, STRATO_PK_DIRFD, STRATO_PK_DEV, STRATO_PK_INO, STRATO_PK_N };
static const char *const strato_pk_names[STRATO_PK_N] = {"fd", "name", "flags", "dirfd", "dev", "ino"};
static int8_t strato_pk[STRATO_EVENT_TABLE_SIZE][STRATO_PK_N];
static pthread_once_t strato_sh_once = PTHREAD_ONCE_INIT;

static void strato_sh_init(void)
{
	/* Exits that sysdig 0.29.3 reads from a file without an fd: its event
	 * table did not mark them as using one. */
	static const char *const no_fd[] = {
	    "mmap",	   "mmap2",	"epoll_ctl",	   "getsockname",
	    "getpeername", "ftruncate", "timerfd_settime", "inotify_add_watch",
	};

	for (unsigned t = 0; t < STRATO_EVENT_TABLE_SIZE; t++) {
		const struct strato_event_info *ei = strato_event_info_get((uint16_t)t);

		strato_fd_idx[t] = strato_fd2_idx[t] = -1;
		for (unsigned k = 0; k < STRATO_PK_N; k++) {
			strato_pk[t][k] = -1;
			for (unsigned i = 0; ei && i < ei->nparams && i < 127 && strato_pk[t][k] < 0; i++)
				if (!strcmp(ei->params[i].name, strato_pk_names[k]))
					strato_pk[t][k] = (int8_t)i;
		}
		for (unsigned i = 0; ei && i < ei->nparams && i < 127; i++) {
			if (!strcmp(ei->params[i].name, "fd") && strato_fd_idx[t] < 0)
				strato_fd_idx[t] = (int8_t)i;
			if (!strcmp(ei->params[i].name, "fd2"))
				strato_fd2_idx[t] = (int8_t)i;
		}
		for (size_t k = 0; ei && k < STRATO_ARRAY_SIZE(no_fd); k++)
			if (!strcmp(ei->name, no_fd[k]))
				strato_no_fd_2022[t] = true;
		strato_meta[t] = ei && (!strcmp(ei->name, "procinfo") || !strcmp(ei->name, "container"));
		if (ei && (ei->flags & (STRATO_EF_CREATES_FD | STRATO_EF_USES_FD | STRATO_EF_DESTROYS_FD)))
			strato_fd_how[t] = STRATO_FDH_FD;
		if (ei && (ei->flags & STRATO_EF_CREATES_FD) && !strato_event_is_enter((uint16_t)t))
			strato_fd_how[t] |= STRATO_FDH_CREATES;
	}
	for (unsigned t = 1; t < STRATO_EVENT_TABLE_SIZE; t += 2) {
		const struct strato_event_info *ei = strato_event_info_get((uint16_t)t);

		for (size_t k = 0; ei && k < STRATO_ARRAY_SIZE(strato_sh_names); k++) {
			if (!strcmp(ei->name, strato_sh_names[k].name)) {
				strato_sh_of[t] = strato_sh_names[k].sh;
				strato_sh_kind[t] = strato_sh_names[k].kind;
			}
		}
	}
	/* procexit is an enter-only event */
	for (unsigned t = 0; t < STRATO_EVENT_TABLE_SIZE; t += 2) {
		const struct strato_event_info *ei = strato_event_info_get((uint16_t)t);

		if (ei && !strcmp(ei->name, "procexit"))
			strato_sh_of[t] = STRATO_SH_PROCEXIT;
	}
}

/* ---- memory ---- */

char *strato_state_scratch(struct strato_state *st, size_t n)
{
	struct strato_arena_chunk *c;
	char *s = NULL;

	/* getters on one event may run in several threads at once */
	pthread_mutex_lock(&st->arena_lock);
	c = st->arena;
	if (!c || c->size - c->used < n + 1) {
		size_t sz = n + 1 > STRATO_ARENA_CHUNK ? n + 1 : STRATO_ARENA_CHUNK;

		c = malloc(sizeof(*c) + sz);
		if (!c)
			goto out;
		c->size = sz;
		c->used = 0;
		c->next = st->arena;
		st->arena = c;
	}
	c->used += n + 1;
	s = c->data + c->used - n - 1;
out:
	pthread_mutex_unlock(&st->arena_lock);
	return s;
}

/* Keeps one chunk for the next event, frees the rest. */
static void strato_arena_reset(struct strato_state *st)
{
	struct strato_arena_chunk *c = st->arena;

	if (!c)
		return;
	while (c->next) {
		struct strato_arena_chunk *n = c->next;

		c->next = n->next;
		free(n);
	}
	if (c->size > STRATO_ARENA_CHUNK) {
		free(c);
		st->arena = NULL;
		return;
	}
	c->used = 0;
}

static char *strato_memdup(const void *p, size_t n)
{
	char *s = malloc(n + 1);

	if (s) {
		memcpy(s, p, n);
		s[n] = 0;
	}
	return s;
}

/* Replaces *dst with a copy of p[0..n) (keeps the old value on ENOMEM). */
static void strato_set_str(char **dst, const void *p, size_t n)
{
	char *s = strato_memdup(p, n);

	if (s) {
		free(*dst);
		*dst = s;
	}
}

static void strato_set_blob(char **dst, size_t *dlen, const void *p, size_t n)
{
	char *s = strato_memdup(p, n);

	if (s) {
		free(*dst);
		*dst = s;
		*dlen = n;
	}
}

/* Working directories are kept with a trailing '/', as sysdig shows them. */
static void strato_set_cwd(char **dst, const char *p, size_t n)
{
	char *s;

	if (!n || p[n - 1] == '/') {
		strato_set_str(dst, p, n);
		return;
	}
	s = malloc(n + 2);
	if (!s)
		return;
	memcpy(s, p, n);
	s[n] = '/';
	s[n + 1] = 0;
	free(*dst);
	*dst = s;
}

/* cgroups as sysdig keeps them: the v1 "io" controller is called blkio. */
static void strato_set_cgroups(struct strato_thread *t, const uint8_t *p, size_t n)
{
	size_t extra = 0, o = 0;
	char *s;

	for (size_t i = 0; i < n; i += strnlen((const char *)p + i, n - i) + 1)
		if (n - i >= 3 && !memcmp(p + i, "io=", 3))
			extra += 3;
	if (!extra) {
		strato_set_blob(&t->cgroups, &t->cgroups_len, p, n);
		strato_thread_container_refresh(t);
		return;
	}
	s = malloc(n + extra + 1);
	if (!s)
		return;
	for (size_t i = 0; i < n;) {
		size_t l = strnlen((const char *)p + i, n - i);

		if (l >= 3 && !memcmp(p + i, "io=", 3)) {
			memcpy(s + o, "blk", 3);
			o += 3;
		}
		memcpy(s + o, p + i, l);
		o += l;
		if (i + l < n)
			s[o++] = 0;
		i += l + 1;
	}
	s[o] = 0;
	free(t->cgroups);
	t->cgroups = s;
	t->cgroups_len = o;
	strato_thread_container_refresh(t);
}

/* ---- fds ---- */

/* Entries of closed fds wait in a bounded pool for the next open, so the
 * open/close churn of a busy process costs no malloc/free. */
#define STRATO_FD_POOL 4096

static struct strato_fdent *strato_fd_alloc(struct strato_state *st)
{
	struct strato_fdent *f = st->fd_pool;

	if (f) {
		st->fd_pool = (struct strato_fdent *)(void *)f->name;
		st->fd_pool_n--;
		return f;
	}
	return malloc(sizeof(*f));
}

static void strato_fd_free(struct strato_state *st, struct strato_fdent *f)
{
	if (!f)
		return;
	if (f->name != f->inl)
		free(f->name);
	if (st->fd_pool_n >= STRATO_FD_POOL) {
		free(f);
		return;
	}
	f->name = (char *)(void *)st->fd_pool;
	st->fd_pool = f;
	st->fd_pool_n++;
}

/* Names the fd p[0..n) (p may point into its current name); keeps the old
 * name when out of memory. */
static void strato_fd_setname(struct strato_fdent *f, const char *p, size_t n)
{
	char *s = n < sizeof(f->inl) ? f->inl : malloc(n + 1);

	if (!s || n > UINT32_MAX)
		return;
	memmove(s, p, n);
	s[n] = 0;
	if (f->name != f->inl && f->name != s)
		free(f->name);
	f->name = s;
	f->name_len = (uint32_t)n;
}

struct strato_fdent *strato_state_fd(const struct strato_state *st, const struct strato_thread *t, int64_t fd)
{
	const struct strato_thread *m;

	if (st->cur_done && t == st->cur_thread && fd == st->cur_fdnum)
		return st->cur_fd;
	if (!t || fd < 0)
		return NULL;
	m = strato_state_main(st, t);
	return m ? strato_map_get(&m->fds, fd) : NULL;
}

static void strato_fd_remove(struct strato_state *st, struct strato_thread *m, int64_t fd)
{
	struct strato_fdent *f = strato_map_del(&m->fds, fd);

	if (f) {
		strato_fd_free(st, f);
		st->nfds--;
	}
}

static void strato_fds_clear(struct strato_state *st, struct strato_thread *m)
{
	for (size_t i = 0; i < m->fds.cap; i++) {
		if (m->fds.vals[i]) {
			strato_fd_free(st, m->fds.vals[i]);
			st->nfds--;
		}
	}
	strato_map_free(&m->fds);
}

static void strato_evict_fds(struct strato_state *st);

/* Adds (or replaces) fd `f->fd` of process `m`; takes ownership of f. */
static void strato_fd_add(struct strato_state *st, struct strato_thread *m, struct strato_fdent *f)
{
	struct strato_fdent *old = strato_map_get(&m->fds, f->fd);

	if (!old && st->nfds >= st->max_fds)
		strato_evict_fds(st);
	if (strato_map_put(&m->fds, f->fd, f)) {
		strato_fd_free(st, f);
		return;
	}
	if (old)
		strato_fd_free(st, old);
	else
		st->nfds++;
}

static struct strato_fdent *strato_fd_new(struct strato_state *st, int64_t fd, uint8_t type, const char *name,
				       size_t n)
{
	struct strato_fdent *f = strato_fd_alloc(st);

	if (!f)
		return NULL;
	/* all but the inline name buffer, which setname fills */
	memset(f, 0, offsetof(struct strato_fdent, inl));
	f->fd = fd;
	f->type = type;
	f->name = f->inl;
	f->inl[0] = 0;
	strato_fd_setname(f, name, n);
	if (f->name_len != n) {
		strato_fd_free(st, f);
		return NULL;
	}
	return f;
}

static struct strato_fdent *strato_fd_copy(struct strato_state *st, const struct strato_fdent *src, int64_t fd)
{
	struct strato_fdent *f = strato_fd_alloc(st);

	if (!f)
		return NULL;
	memcpy(f, src, offsetof(struct strato_fdent, inl));
	f->fd = fd;
	f->name = f->inl;
	f->inl[0] = 0;
	f->name_len = 0;
	strato_fd_setname(f, src->name, src->name_len);
	if (f->name_len != src->name_len) {
		strato_fd_free(st, f);
		return NULL;
	}
	return f;
}

/* ---- threads ---- */

static void strato_lru_unlink(struct strato_state *st, struct strato_thread *t)
{
	if (t->lru_prev)
		t->lru_prev->lru_next = t->lru_next;
	else
		st->lru_head = t->lru_next;
	if (t->lru_next)
		t->lru_next->lru_prev = t->lru_prev;
	else
		st->lru_tail = t->lru_prev;
	t->lru_prev = t->lru_next = NULL;
}

static void strato_lru_append(struct strato_state *st, struct strato_thread *t)
{
	t->lru_prev = st->lru_tail;
	t->lru_next = NULL;
	if (st->lru_tail)
		st->lru_tail->lru_next = t;
	else
		st->lru_head = t;
	st->lru_tail = t;
}

static void strato_thread_free(struct strato_state *st, struct strato_thread *t)
{
	strato_fds_clear(st, t);
	free(t->comm);
	free(t->exe);
	free(t->exepath);
	free(t->cwd);
	free(t->args);
	free(t->env);
	free(t->cgroups);
	free(t);
}

static void strato_thread_remove(struct strato_state *st, int64_t tid)
{
	struct strato_thread *t = strato_map_del(&st->threads, tid);
	struct strato_thread *m;

	if (!t)
		return;
	if (st->cur_thread == t)
		st->cur_thread = NULL;
	/* the last thread of a process whose main thread already exited
	 * takes the main thread (and the process's fds) with it */
	m = t->counted ? strato_map_get(&st->threads, t->pid) : NULL;
	strato_lru_unlink(st, t);
	strato_thread_free(st, t);
	st->stats.threads_removed++;
	if (m && m->nthreads && --m->nthreads == 0 && m->exited)
		strato_thread_remove(st, m->tid);
}

/* A thread exits: a main thread with threads still alive stays (its
 * process's fds and cwd live on) until the last of them is gone. */
static void strato_thread_exit(struct strato_state *st, int64_t tid)
{
	struct strato_thread *t = strato_map_get(&st->threads, tid);

	if (t && t->tid == t->pid && t->nthreads) {
		t->exited = true;
		return;
	}
	strato_thread_remove(st, tid);
}

/* Counts a thread in its main thread once its pid is known. */
static void strato_thread_count(struct strato_state *st, struct strato_thread *t)
{
	struct strato_thread *m;

	if (t->counted || t->pid == t->tid || !(m = strato_map_get(&st->threads, t->pid)))
		return;
	t->counted = true;
	m->nthreads++;
}

struct strato_thread *strato_state_thread(const struct strato_state *st, int64_t tid)
{
	if (st->cur_thread && st->cur_thread->tid == tid)
		return st->cur_thread;
	return strato_map_get(&st->threads, tid);
}

static struct strato_thread *strato_thread_new(struct strato_state *st, int64_t tid);
static void strato_thread_inherit(struct strato_thread *c, const struct strato_thread *p);

/* The main thread of t's process, made from t when the state has never
 * seen it (its parent then unknown), as sysdig does. */
static struct strato_thread *strato_main_make(struct strato_state *st, struct strato_thread *t)
{
	struct strato_thread *m = strato_state_main(st, t);

	if (m || !t)
		return m;
	m = strato_thread_new(st, t->pid);
	if (!m)
		return NULL;
	strato_thread_inherit(m, t);
	m->pid = t->pid;
	m->ptid = -1;
	m->vtid = m->vpid = t->vpid;
	return m;
}

struct strato_thread *strato_state_main(const struct strato_state *st, const struct strato_thread *t)
{
	if (!t)
		return NULL;
	if (st->cur_done && t == st->cur_thread)
		return st->cur_main;
	if (t->pid == t->tid || t->pid <= 0)
		return (struct strato_thread *)t;
	return strato_map_get(&st->threads, t->pid);
}

/* Least recently used threads go first when the table is full. */
static void strato_evict_threads(struct strato_state *st)
{
	while (st->threads.n >= st->max_threads && st->lru_head) {
		st->stats.threads_evicted++;
		strato_thread_remove(st, st->lru_head->tid);
		st->stats.threads_removed--;
	}
}

/* fds of the least recently active processes go first; when the busy
 * process itself holds them all, some of its own go. */
static void strato_evict_fds(struct strato_state *st)
{
	struct strato_thread *cur = strato_state_main(st, st->cur_thread);

	for (struct strato_thread *t = st->lru_head; t && st->nfds >= st->max_fds; t = t->lru_next) {
		if (!t->fds.n || t == cur)
			continue;
		st->stats.fds_evicted += t->fds.n;
		strato_fds_clear(st, t);
	}
	for (size_t i = 0; cur && st->nfds >= st->max_fds && i < cur->fds.cap; i++) {
		struct strato_fdent *f = cur->fds.vals[i];

		if (f) {
			strato_fd_remove(st, cur, f->fd);
			st->stats.fds_evicted++;
			i--; /* the slot may now hold a shifted entry */
		}
	}
}

static struct strato_thread *strato_thread_new(struct strato_state *st, int64_t tid)
{
	struct strato_thread *t;

	if (st->threads.n >= st->max_threads)
		strato_evict_threads(st);
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->tid = tid;
	t->pid = tid;
	t->loginuid = UINT32_MAX;
	t->comm = strdup("");
	t->exe = strdup("");
	t->exepath = strdup("");
	t->cwd = strdup("");
	if (!t->comm || !t->exe || !t->exepath || !t->cwd || strato_map_put(&st->threads, tid, t)) {
		strato_thread_free(st, t);
		return NULL;
	}
	strato_lru_append(st, t);
	return t;
}

/* Copies what a new process or thread inherits from its creator. */
static void strato_thread_inherit(struct strato_thread *c, const struct strato_thread *p)
{
	strato_set_str(&c->comm, p->comm, strlen(p->comm));
	strato_set_str(&c->exe, p->exe, strlen(p->exe));
	strato_set_str(&c->exepath, p->exepath, strlen(p->exepath));
	strato_set_str(&c->cwd, p->cwd, strlen(p->cwd));
	if (p->args)
		strato_set_blob(&c->args, &c->args_len, p->args, p->args_len);
	if (p->env)
		strato_set_blob(&c->env, &c->env_len, p->env, p->env_len);
	if (p->cgroups) {
		strato_set_blob(&c->cgroups, &c->cgroups_len, p->cgroups, p->cgroups_len);
		strato_thread_container_refresh(c);
	}
	c->sid = p->sid;
	c->pgid = p->pgid;
	c->vpgid = p->vpgid;
	c->uid = p->uid;
	c->gid = p->gid;
	c->loginuid = p->loginuid;
	c->tty = p->tty;
	c->fdlimit = p->fdlimit;
	c->exe_writable = p->exe_writable;
	c->exe_upper_layer = p->exe_upper_layer;
	c->exe_from_memfd = p->exe_from_memfd;
	c->cap_inheritable = p->cap_inheritable;
	c->cap_permitted = p->cap_permitted;
	c->cap_effective = p->cap_effective;
}

/* ---- seeding ---- */

static struct strato_fdent *strato_fd_from_info(struct strato_state *st, const struct strato_fd_info *fi)
{
	const char *name = fi->name ? fi->name : "";
	size_t n = strlen(name);
	struct strato_fdent *f;

	/* unix socket names read from /proc/net/unix may keep the line's
	 * newline; sysdig does not show it */
	while (n && (name[n - 1] == '\n' || name[n - 1] == '\r'))
		n--;
	f = strato_fd_new(st, fi->fd, fi->type == STRATO_FD_FILE_V2 ? STRATO_FD_FILE : fi->type, name, n);
	if (!f)
		return NULL;
	f->l4proto = fi->l4proto;
	f->open_flags = fi->open_flags;
	f->dev = fi->dev;
	f->ino = fi->ino;
	memcpy(f->sip, fi->sip, 16);
	memcpy(f->dip, fi->dip, 16);
	f->sport = fi->sport;
	f->dport = fi->dport;
	if (fi->type == STRATO_FD_IPV4_SERVSOCK || fi->type == STRATO_FD_IPV6_SERVSOCK)
		f->role = STRATO_ROLE_SERVER;
	f->has_tuple = fi->type >= STRATO_FD_IPV4_SOCK && fi->type <= STRATO_FD_IPV6_SERVSOCK;
	f->unix_from_table = fi->type == STRATO_FD_UNIX_SOCK;
	f->connected = fi->type == STRATO_FD_IPV4_SOCK || fi->type == STRATO_FD_IPV6_SOCK ||
		       (fi->type == STRATO_FD_UNIX_SOCK && fi->name && fi->name[0]);
	return f;
}

/* Sockets from the tables: sysdig names them by their tuple and makes the
 * side whose port a process listens on the server (the snapshot lists the
 * local address first). */
static void strato_fix_socket(struct strato_fdent *f, const struct strato_tables *tb)
{
	bool six = f->type == STRATO_FD_IPV6_SOCK || f->type == STRATO_FD_IPV6_SERVSOCK;
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN], name[256];
	bool server = false;

	if (f->type < STRATO_FD_IPV4_SOCK || f->type > STRATO_FD_IPV6_SERVSOCK)
		return;
	if (f->type == STRATO_FD_IPV4_SOCK || f->type == STRATO_FD_IPV6_SOCK) {
		for (size_t i = 0; i < tb->nthreads && !server; i++) {
			for (size_t k = 0; k < tb->threads[i].nfds; k++) {
				const struct strato_fd_info *l = &tb->threads[i].fds[k];

				if ((l->type == STRATO_FD_IPV4_SERVSOCK || l->type == STRATO_FD_IPV6_SERVSOCK) &&
				    l->sport == f->sport) {
					server = true;
					break;
				}
			}
		}
		if (server) {
			uint8_t ip[16];
			uint16_t port = f->sport;

			memcpy(ip, f->sip, 16);
			memcpy(f->sip, f->dip, 16);
			memcpy(f->dip, ip, 16);
			f->sport = f->dport;
			f->dport = port;
		}
		f->role = server ? STRATO_ROLE_SERVER : STRATO_ROLE_CLIENT;
	}
	if (f->name[0])
		return;
	inet_ntop(six ? AF_INET6 : AF_INET, f->sip, a, sizeof(a));
	inet_ntop(six ? AF_INET6 : AF_INET, f->dip, b, sizeof(b));
	if (f->type == STRATO_FD_IPV4_SERVSOCK || f->type == STRATO_FD_IPV6_SERVSOCK)
		snprintf(name, sizeof(name), "%s:%u", a, f->sport);
	else
		snprintf(name, sizeof(name), "%s:%u->%s:%u", a, f->sport, b, f->dport);
	strato_fd_setname(f, name, strlen(name));
}

static int strato_seed(struct strato_state *st, const struct strato_tables *tb)
{
	for (size_t i = 0; i < tb->nthreads; i++) {
		const struct strato_thread_info *ti = &tb->threads[i];
		struct strato_thread *t = strato_thread_new(st, ti->tid);

		if (!t)
			return -ENOMEM;
		t->pid = ti->pid;
		t->ptid = ti->ptid;
		t->sid = ti->sid;
		t->pgid = ti->pgid;
		t->vpgid = ti->vpgid;
		t->vtid = ti->vtid;
		t->vpid = ti->vpid;
		strato_set_str(&t->comm, ti->comm, strlen(ti->comm));
		strato_set_str(&t->exe, ti->exe, strlen(ti->exe));
		strato_set_str(&t->exepath, ti->exepath, strlen(ti->exepath));
		strato_set_cwd(&t->cwd, ti->cwd, strlen(ti->cwd));
		if (ti->args)
			strato_set_blob(&t->args, &t->args_len, ti->args, ti->args_len);
		if (ti->env)
			strato_set_blob(&t->env, &t->env_len, ti->env, ti->env_len);
		if (ti->cgroups)
			strato_set_cgroups(t, (const uint8_t *)ti->cgroups, ti->cgroups_len);
		t->uid = ti->uid;
		t->gid = ti->gid;
		t->loginuid = ti->loginuid;
		t->tty = ti->tty;
		t->flags = ti->flags;
		t->fdlimit = ti->fdlimit;
		t->pfmajor = ti->pfmajor;
		t->pfminor = ti->pfminor;
		t->vmsize_kb = ti->vmsize_kb;
		t->vmrss_kb = ti->vmrss_kb;
		t->vmswap_kb = ti->vmswap_kb;
		t->exe_writable = ti->exe_writable;
		t->exe_upper_layer = ti->exe_upper_layer;
		t->exe_from_memfd = ti->exe_from_memfd;
		t->cap_inheritable = ti->cap_inheritable;
		t->cap_permitted = ti->cap_permitted;
		t->cap_effective = ti->cap_effective;
		for (size_t k = 0; k < ti->nfds; k++) {
			struct strato_fdent *f = strato_fd_from_info(st, &ti->fds[k]);

			if (!f)
				return -ENOMEM;
			strato_fix_socket(f, tb);
			strato_fd_add(st, t, f);
		}
	}
	for (struct strato_thread *t = st->lru_head; t; t = t->lru_next)
		strato_thread_count(st, t);
	if (tb->nusers && !(st->users = calloc(tb->nusers, sizeof(*st->users))))
		return -ENOMEM;
	for (size_t i = 0; i < tb->nusers; i++) {
		struct strato_user *u = &st->users[st->nusers++];

		u->id = tb->users[i].uid;
		u->gid = tb->users[i].gid;
		u->name = strdup(tb->users[i].name);
		u->home = strdup(tb->users[i].home);
		u->shell = strdup(tb->users[i].shell);
		if (!u->name || !u->home || !u->shell)
			return -ENOMEM;
	}
	if (tb->ngroups && !(st->groups = calloc(tb->ngroups, sizeof(*st->groups))))
		return -ENOMEM;
	for (size_t i = 0; i < tb->ngroups; i++) {
		struct strato_user *g = &st->groups[st->ngroups++];

		g->id = tb->groups[i].gid;
		g->name = strdup(tb->groups[i].name);
		if (!g->name)
			return -ENOMEM;
	}
	if (tb->has_machine)
		snprintf(st->hostname, sizeof(st->hostname), "%s", tb->machine.hostname);
	return 0;
}

const struct strato_user *strato_state_user(const struct strato_state *st, uint32_t uid)
{
	for (size_t i = 0; i < st->nusers; i++)
		if (st->users[i].id == uid)
			return &st->users[i];
	return NULL;
}

const struct strato_user *strato_state_group(const struct strato_state *st, uint32_t gid)
{
	for (size_t i = 0; i < st->ngroups; i++)
		if (st->groups[i].id == gid)
			return &st->groups[i];
	return NULL;
}

const struct strato_user *strato_thread_user(const struct strato_state *st, struct strato_thread *t, uint32_t uid)
{
	if (t && strcmp(strato_thread_container(t, NULL, NULL, 0), "host"))
		return NULL;
	return strato_state_user(st, uid);
}

const struct strato_user *strato_thread_group(const struct strato_state *st, struct strato_thread *t, uint32_t gid)
{
	if (t && strcmp(strato_thread_container(t, NULL, NULL, 0), "host"))
		return NULL;
	return strato_state_group(st, gid);
}

/* ---- parameters ---- */

/* Index of a named parameter, as strato_event_param_index() but with the
 * first byte compared inline: handlers ask for several names per event. */
static int strato_pidx(const struct strato_event *ev, const char *name)
{
	const struct strato_event_info *ei = strato_event_info_get(ev->type);

	if (ei) {
		for (unsigned i = 0; i < ei->nparams && i < ev->nparams; i++) {
			const char *pn = ei->params[i].name;

			if (pn[0] == name[0] && !strcmp(pn, name))
				return (int)i;
		}
	}
	return -1;
}

/* Index of hot parameter k (STRATO_PK_*) of the event, or -1. */
static int strato_pkidx(const struct strato_event *ev, unsigned k)
{
	int idx = ev->type < STRATO_EVENT_TABLE_SIZE ? strato_pk[ev->type][k] : -1;

	return idx >= 0 && (unsigned)idx < ev->nparams ? idx : -1;
}

static bool strato_pi_at(const struct strato_event *ev, int idx, int64_t *out)
{
	return idx >= 0 && strato_event_param_i64(ev, (unsigned)idx, out) == 0;
}

/* The fd of a 2022 dup pair read from a file: only its enter event (DUP_E
 * fd) has it, the merged exit keeps just the result. */
static bool strato_enter_fd(const struct strato_event *ev, int64_t *out)
{
	struct strato_event en;

	return ev->enter_raw && strato_event_parse(&en, ev->enter_raw, ev->enter_len) == 0 && en.nparams >= 1 &&
	       strato_event_param_int(&en, 0, out) == 0;
}

static bool strato_pi(const struct strato_event *ev, const char *name, int64_t *out)
{
	return strato_pi_at(ev, strato_pidx(ev, name), out);
}

static bool strato_pb_at(const struct strato_event *ev, int idx, const uint8_t **p, size_t *n)
{
	const void *d;

	if (idx < 0 || strato_event_param(ev, (unsigned)idx, &d, n))
		return false;
	*p = d;
	return true;
}

/* Raw bytes of a named parameter; false when absent or empty. */
static bool strato_pb(const struct strato_event *ev, const char *name, const uint8_t **p, size_t *n)
{
	return strato_pb_at(ev, strato_pidx(ev, name), p, n);
}

/* A string parameter without its terminating NUL. */
static bool strato_ps(const struct strato_event *ev, const char *name, const char **s, size_t *n)
{
	const uint8_t *p;

	if (!strato_pb(ev, name, &p, n))
		return false;
	*s = (const char *)p;
	*n = strnlen(*s, *n);
	return true;
}

/* ---- paths ---- */

/* Joins base and a relative path, resolving "." and ".." like sysdig; the
 * result goes to dst (size dlen, always terminated). */
static void strato_path_join(char *dst, size_t dlen, const char *base, const char *rel, size_t rlen)
{
	size_t o = 0;
	size_t i = 0;

	if (!dlen)
		return;
	if (!(rlen && rel[0] == '/')) {
		o = strnlen(base, dlen - 1);
		memcpy(dst, base, o);
	}
	if (o == 0 || dst[o - 1] != '/') {
		if (o + 1 < dlen)
			dst[o++] = '/';
	}
	while (i < rlen) {
		size_t j = i;

		while (j < rlen && rel[j] != '/')
			j++;
		if (j - i == 0 || (j - i == 1 && rel[i] == '.')) {
			/* skip */
		} else if (j - i == 2 && rel[i] == '.' && rel[i + 1] == '.') {
			if (o > 1) {
				o--;
				while (o > 0 && dst[o - 1] != '/')
					o--;
			}
		} else {
			for (size_t k = i; k < j && o + 1 < dlen; k++)
				dst[o++] = rel[k];
			if (j < rlen && o + 1 < dlen)
				dst[o++] = '/';
		}
		i = j + 1;
	}
	if (o > 1 && dst[o - 1] == '/' && !(rlen && rel[rlen - 1] == '/'))
		o--;
	dst[o] = 0;
}

/* An absolute path strato_path_join() would leave as it is: no empty, "."
 * or ".." segment (a segment starting with '.' is left to the join). */
static bool strato_path_plain(const char *s, size_t n)
{
	if (!n || s[0] != '/' || n >= 4096)
		return false;
	for (const char *q = s; (q = memchr(q, '/', n - (size_t)(q - s))); q++)
		if ((size_t)(q - s) + 1 < n && (q[1] == '/' || q[1] == '.'))
			return false;
	return true;
}

/* The directory a dirfd names for thread t ("" when unknown). */
static const char *strato_dirfd_path(struct strato_state *st, struct strato_thread *t, int64_t dirfd)
{
	struct strato_thread *m = strato_state_main(st, t);
	struct strato_fdent *f;

	if (dirfd == STRATO_AT_FDCWD)
		return m ? m->cwd : "";
	f = strato_state_fd(st, t, dirfd);
	return f ? f->name : "";
}

/* ---- event handlers ---- */

static void strato_on_clone(struct strato_state *st, struct strato_event *ev, struct strato_thread *t, int64_t res)
{
	int64_t flags = 0, v;
	const char *s;
	size_t n;
	const uint8_t *p;
	struct strato_thread *c, *pm;
	bool isthread;

	if (res < 0)
		return;
	strato_pi(ev, "flags", &flags);
	isthread = flags & STRATO_CL_CLONE_THREAD;
	if (res > 0) {
		/* the parent's side: make the child if its own exit has not
		 * been seen yet */
		if (!t || strato_map_get(&st->threads, res))
			return;
		/* In a pid namespace the result is the child's virtual pid:
		 * only its own event tells its real id. Live captures always
		 * deliver that event (the made-up child would never be
		 * removed), so only files, as sysdig reads them, take it. */
		if ((t->vtid > 0 && t->vtid != t->tid) || ev->origin != STRATO_ORIGIN_FILE)
			return;
		c = strato_thread_new(st, res);
		if (!c)
			return;
		c->clone_ts = strato_event_ts(ev);
		strato_thread_inherit(c, t);
		c->pid = isthread ? t->pid : res;
		c->ptid = isthread ? t->pid : t->pid;
		c->vtid = c->vpid = -1;
		strato_thread_count(st, c);
		pm = strato_state_main(st, t);
		if (!isthread && pm) {
			for (size_t i = 0; i < pm->fds.cap; i++) {
				struct strato_fdent *f = pm->fds.vals[i];

				struct strato_fdent *cp = f ? strato_fd_copy(st, f, f->fd) : NULL;

				if (cp)
					strato_fd_add(st, c, cp);
			}
		}
		return;
	}
	/* the child's side: its parameters describe it */
	c = t;
	if (!c) {
		c = strato_thread_new(st, strato_event_tid(ev));
		if (!c)
			return;
	}
	/* born now, unless the parent's side already made it */
	if (!c->clone_ts)
		c->clone_ts = strato_event_ts(ev);
	if (strato_pi(ev, "pid", &v))
		c->pid = v;
	if (strato_pi(ev, "ptid", &v))
		c->ptid = v;
	/* a new thread's parent is its process's main thread (the process's
	 * own parent stays on the main thread) */
	if (isthread && c->pid != c->tid) {
		c->ptid = c->pid;
		if (strato_pb(ev, "args", &p, &n)) { /* describe the main thread from the child when unseen */
			struct strato_thread *mm = strato_state_main(st, c);

			if (!mm && (mm = strato_main_make(st, c))) {
				if (strato_ps(ev, "comm", &s, &n))
					strato_set_str(&mm->comm, s, n);
				if (strato_ps(ev, "exe", &s, &n))
					strato_set_str(&mm->exe, s, n);
				if (strato_pb(ev, "args", &p, &n))
					strato_set_blob(&mm->args, &mm->args_len, p, n);
				if (strato_pi(ev, "uid", &v))
					mm->uid = (uint32_t)v;
				if (strato_pi(ev, "gid", &v))
					mm->gid = (uint32_t)v;
				if (strato_pb(ev, "cgroups", &p, &n))
					strato_set_cgroups(mm, p, n);
			}
		}
	}
	if (strato_pi(ev, "vtid", &v))
		c->vtid = v;
	if (strato_pi(ev, "vpid", &v))
		c->vpid = v;
	/* the parent: the creator thread */
	pm = strato_map_get(&st->threads, c->ptid);
	if (pm && c == t && !c->comm[0]) {
		strato_thread_inherit(c, pm);
	} else if (pm && c != t) {
		strato_thread_inherit(c, pm);
	}
	strato_thread_count(st, c);
	if (strato_ps(ev, "comm", &s, &n))
		strato_set_str(&c->comm, s, n);
	if (strato_ps(ev, "exe", &s, &n))
		strato_set_str(&c->exe, s, n);
	if (strato_pb(ev, "args", &p, &n))
		strato_set_blob(&c->args, &c->args_len, p, n);
	if (strato_pb(ev, "cgroups", &p, &n))
		strato_set_cgroups(c, p, n);
	if (strato_pi(ev, "uid", &v))
		c->uid = (uint32_t)v;
	if (strato_pi(ev, "gid", &v))
		c->gid = (uint32_t)v;
	if (strato_pi(ev, "fdlimit", &v))
		c->fdlimit = (uint64_t)v;
	if (!isthread && c->pid == c->tid && pm && !c->fds.n) {
		struct strato_thread *ppm = strato_state_main(st, pm);

		for (size_t i = 0; ppm && i < ppm->fds.cap; i++) {
			struct strato_fdent *f = ppm->fds.vals[i];
			struct strato_fdent *cp = f ? strato_fd_copy(st, f, f->fd) : NULL;

			if (cp)
				strato_fd_add(st, c, cp);
		}
	}
	if (strato_ps(ev, "cwd", &s, &n) && n && c->pid == c->tid)
		strato_set_cwd(&c->cwd, s, n);
}

static void strato_on_execve(struct strato_state *st, struct strato_event *ev, struct strato_thread *t, int64_t res)
{
	const char *s;
	size_t n;
	const uint8_t *p;
	int64_t v;
	struct strato_thread *m;

	if (res < 0 || !t)
		return;
	if (strato_ps(ev, "comm", &s, &n))
		strato_set_str(&t->comm, s, n);
	if (strato_ps(ev, "exe", &s, &n))
		strato_set_str(&t->exe, s, n);
	if (strato_pb(ev, "args", &p, &n))
		strato_set_blob(&t->args, &t->args_len, p, n);
	if (strato_pb(ev, "env", &p, &n))
		strato_set_blob(&t->env, &t->env_len, p, n);
	if (strato_pb(ev, "cgroups", &p, &n))
		strato_set_cgroups(t, p, n);
	if (strato_ps(ev, "trusted_exepath", &s, &n) && n)
		strato_set_str(&t->exepath, s, n);
	else if (strato_ps(ev, "filename", &s, &n) && n)
		strato_set_str(&t->exepath, s, n);
	if (strato_pi(ev, "pid", &v))
		t->pid = v;
	if (strato_pi(ev, "ptid", &v))
		t->ptid = v;
	if (strato_pi(ev, "tty", &v))
		t->tty = (uint32_t)v;
	if (strato_pi(ev, "vpgid", &v))
		t->vpgid = v;
	if (strato_pi(ev, "pgid", &v))
		t->pgid = v;
	if (strato_pi(ev, "loginuid", &v))
		t->loginuid = (uint32_t)v;
	if (strato_pi(ev, "uid", &v))
		t->uid = (uint32_t)v;
	if (strato_pi(ev, "gid", &v))
		t->gid = (uint32_t)v;
	if (strato_pi(ev, "fdlimit", &v))
		t->fdlimit = (uint64_t)v;
	if (strato_pi(ev, "cap_inheritable", &v))
		t->cap_inheritable = (uint64_t)v;
	if (strato_pi(ev, "cap_permitted", &v))
		t->cap_permitted = (uint64_t)v;
	if (strato_pi(ev, "cap_effective", &v))
		t->cap_effective = (uint64_t)v;
	if (strato_pi(ev, "flags", &v)) {
		t->flags = (uint32_t)v;
		t->exe_writable = v & 1; /* PPM_EXE_WRITABLE */
		t->exe_upper_layer = v & 2; /* PPM_EXE_UPPER_LAYER */
		t->exe_from_memfd = v & 4;  /* PPM_EXE_FROM_MEMFD */
	}
	/* sysdig 0.29.3 keeps the working directory it had (exec does not
	 * change it) */
	m = strato_state_main(st, t);
	/* fds opened with O_CLOEXEC do not survive: collect, then remove
	 * (removal moves entries inside the map) */
	if (m && m->fds.n) {
		int64_t *gone = malloc(m->fds.n * sizeof(*gone));
		size_t ng = 0;

		for (size_t i = 0; gone && i < m->fds.cap; i++) {
			struct strato_fdent *f = m->fds.vals[i];

			if (f && f->cloexec)
				gone[ng++] = f->fd;
		}
		for (size_t i = 0; i < ng; i++)
			strato_fd_remove(st, m, gone[i]);
		free(gone);
	}
}

static void strato_on_open(struct strato_state *st, struct strato_event *ev, struct strato_thread *t, int64_t fd)
{
	char path[4096];
	const char *s = "", *name;
	const uint8_t *p;
	size_t n = 0;
	int64_t flags = 0, dirfd = STRATO_AT_FDCWD, v;
	struct strato_thread *m = strato_main_make(st, t);
	struct strato_fdent *f;

	if (fd < 0 || !m)
		return;
	if (strato_pb_at(ev, strato_pkidx(ev, STRATO_PK_NAME), &p, &n)) {
		s = (const char *)p;
		n = strnlen(s, n);
	}
	strato_pi_at(ev, strato_pkidx(ev, STRATO_PK_FLAGS), &flags);
	strato_pi_at(ev, strato_pkidx(ev, STRATO_PK_DIRFD), &dirfd);
	if (strato_path_plain(s, n)) {
		name = s; /* the join would leave it as it is */
	} else {
		if (n && s[0] == '/')
			strato_path_join(path, sizeof(path), "", s, n);
		else
			strato_path_join(path, sizeof(path), strato_dirfd_path(st, t, dirfd), s, n);
		name = path;
		n = strlen(path);
	}
	f = strato_fd_new(st, fd, flags & STRATO_O_DIRECTORY ? STRATO_FD_DIRECTORY : STRATO_FD_FILE, name, n);
	if (!f)
		return;
	f->open_flags = (uint32_t)flags;
	f->cloexec = flags & STRATO_O_CLOEXEC;
	if (strato_pi_at(ev, strato_pkidx(ev, STRATO_PK_DEV), &v))
		f->dev = (uint32_t)v;
	if (strato_pi_at(ev, strato_pkidx(ev, STRATO_PK_INO), &v))
		f->ino = (uint64_t)v;
	strato_fd_add(st, m, f);
}

#define STRATO_AF_UNIX 1
#define STRATO_AF_INET 2
#define STRATO_AF_INET6 10

/* Fills an fd from a socket tuple; returns false when it has none. */
static bool strato_fd_tuple(struct strato_fdent *f, const uint8_t *p, size_t n)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN], name[512];

	if (n < 1)
		return false;
	f->has_tuple = true;
	f->bound_only = false;
	if (p[0] == STRATO_AF_INET && n >= 13) {
		memset(f->sip, 0, 16);
		memset(f->dip, 0, 16);
		memcpy(f->sip, p + 1, 4);
		f->sport = strato_ld16(p + 5);
		memcpy(f->dip, p + 7, 4);
		f->dport = strato_ld16(p + 11);
		/* an unbound source shows the destination's address (sysdig) */
		if (!memcmp(f->sip, "\0\0\0\0", 4))
			memcpy(f->sip, f->dip, 4);
		/* a tuple makes a bound (server) socket a connected one */
		f->type = STRATO_FD_IPV4_SOCK;
		inet_ntop(AF_INET, f->sip, a, sizeof(a));
		inet_ntop(AF_INET, f->dip, b, sizeof(b));
	} else if (p[0] == STRATO_AF_INET6 && n >= 37) {
		memcpy(f->sip, p + 1, 16);
		f->sport = strato_ld16(p + 17);
		memcpy(f->dip, p + 19, 16);
		f->dport = strato_ld16(p + 35);
		if (!memcmp(f->sip, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16))
			memcpy(f->sip, f->dip, 16);
		/* sysdig shows v4-mapped v6 tuples as IPv4 sockets */
		if (!memcmp(f->sip, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12) &&
		    !memcmp(f->dip, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12)) {
			memmove(f->sip, f->sip + 12, 4);
			memset(f->sip + 4, 0, 12);
			memmove(f->dip, f->dip + 12, 4);
			memset(f->dip + 4, 0, 12);
			f->type = STRATO_FD_IPV4_SOCK;
			inet_ntop(AF_INET, f->sip, a, sizeof(a));
			inet_ntop(AF_INET, f->dip, b, sizeof(b));
		} else {
			f->type = STRATO_FD_IPV6_SOCK;
			inet_ntop(AF_INET6, f->sip, a, sizeof(a));
			inet_ntop(AF_INET6, f->dip, b, sizeof(b));
		}
	} else if (p[0] == STRATO_AF_UNIX && n >= 17) {
		size_t pl = strnlen((const char *)p + 17, n - 17);

		f->type = STRATO_FD_UNIX_SOCK;
		/* sysdig: "source->destination path", kernel addresses in hex */
		snprintf(name, sizeof(name), "%" PRIx64 "->%" PRIx64 " %.*s", strato_ld64(p + 1), strato_ld64(p + 9),
			 (int)pl, (const char *)p + 17);
		strato_fd_setname(f, name, strlen(name));
		return true;
	} else {
		f->has_tuple = false;
		return false;
	}
	snprintf(name, sizeof(name), "%s:%u->%s:%u", a, f->sport, b, f->dport);
	strato_fd_setname(f, name, strlen(name));
	return true;
}

static uint8_t strato_l4_of(int64_t domain, int64_t type, int64_t proto)
{
	(void)domain;
	switch (type & 0xf) {
	case 1:
		return 2; /* SOCK_STREAM: tcp */
	case 2:
		return proto == 1 || proto == 58 ? 4 : 3; /* SOCK_DGRAM: udp (icmp) */
	case 3:
		return proto == 1 || proto == 58 ? 4 : 5; /* SOCK_RAW */
	default:
		return 0;
	}
}

static void strato_on_socket(struct strato_state *st, struct strato_event *ev, struct strato_thread *t, int64_t fd)
{
	struct strato_thread *m = strato_main_make(st, t);
	int64_t domain = 0, type = 0, proto = 0;
	struct strato_fdent *f;
	uint8_t kind;

	if (fd < 0 || !m)
		return;
	strato_pi(ev, "domain", &domain);
	strato_pi(ev, "type", &type);
	strato_pi(ev, "proto", &proto);
	kind = domain == STRATO_AF_INET	   ? STRATO_FD_IPV4_SOCK
	       : domain == STRATO_AF_INET6 ? STRATO_FD_IPV6_SOCK
	       : domain == STRATO_AF_UNIX  ? STRATO_FD_UNIX_SOCK
	       : domain == 16		   ? STRATO_FD_NETLINK
					   : STRATO_FD_UNSUPPORTED;
	f = strato_fd_new(st, fd, kind, "", 0);
	if (!f)
		return;
	f->l4proto = kind == STRATO_FD_UNIX_SOCK ? 0 : strato_l4_of(domain, type, proto);
	f->cloexec = type & 02000000;
	strato_fd_add(st, m, f);
}

/* bind: the socket is named by its local address, the server side. */
static void strato_fd_sockaddr_local(struct strato_fdent *f, const uint8_t *p, size_t n)
{
	char a[INET6_ADDRSTRLEN], name[128];

	if ((n >= 7 && p[0] == STRATO_AF_INET) || (n >= 19 && p[0] == STRATO_AF_INET6)) {
		bool six = p[0] == STRATO_AF_INET6;

		memset(f->sip, 0, 16);
		f->sport = 0;
		memset(f->dip, 0, 16);
		memcpy(f->dip, p + 1, six ? 16 : 4);
		f->dport = strato_ld16(p + (six ? 17 : 5));
		/* sysdig shows the addresses of a socket bound to a port (a
		 * server's), not of one bound to port 0 (a client's) */
		f->has_tuple = f->dport != 0;
		f->bound_only = true;
		inet_ntop(six ? AF_INET6 : AF_INET, f->dip, a, sizeof(a));
		snprintf(name, sizeof(name), "%s:%u", a, f->dport);
		strato_fd_setname(f, name, strlen(name));
	} else if (n > 1 && p[0] == STRATO_AF_UNIX) {
		size_t pl = strnlen((const char *)p + 1, n - 1);

		strato_fd_setname(f, (const char *)p + 1, pl);
	}
}

static void strato_new_fd(struct strato_state *st, struct strato_thread *t, int64_t fd, uint8_t kind, const char *name,
			  bool cloexec)
{
	struct strato_thread *m = strato_main_make(st, t);
	struct strato_fdent *f;

	if (fd < 0 || !m || !(f = strato_fd_new(st, fd, kind, name, strlen(name))))
		return;
	f->cloexec = cloexec;
	strato_fd_add(st, m, f);
}

static void strato_on_event(struct strato_state *st, struct strato_event *ev, struct strato_thread *t)
{
	uint8_t sh = ev->type < STRATO_EVENT_TABLE_SIZE ? strato_sh_of[ev->type] : 0;
	int64_t res = 0, fd = -1, v = 0, v2 = 0;
	const uint8_t *p;
	const char *s;
	size_t n;
	struct strato_thread *m;
	struct strato_fdent *f, *cp;
	char path[4096];

	if (!sh)
		return;
	if (sh == STRATO_SH_PROCEXIT) {
		st->pending_tid_exit = strato_event_tid(ev);
		return;
	}
	if (strato_event_res(ev, &res))
		return;
	if (sh == STRATO_SH_CLONE) {
		strato_on_clone(st, ev, t, res);
		return;
	}
	if (t && sh == STRATO_SH_CONNECT) {
		/* A connect in progress (EINPROGRESS) already has its tuple.
		 * A failed one shows it on its own event only: the fd is put
		 * back as it was at the next event. */
		if (strato_pi(ev, "fd", &fd) && (f = strato_state_fd(st, t, fd)) && strato_pb(ev, "tuple", &p, &n)) {
			if (res < 0 && res != -115 && !st->pending_restore &&
			    (st->pending_restore = strato_fd_copy(st, f, f->fd))) {
				m = strato_state_main(st, t);
				st->pending_restore_pid = m ? m->tid : t->tid;
			}
			if (strato_fd_tuple(f, p, n)) {
				f->role = STRATO_ROLE_CLIENT;
				f->connected = true;
			}
		}
		return;
	}
	if (!t || res < 0)
		return;
	m = strato_main_make(st, t);
	switch (sh) {
	case STRATO_SH_EXECVE:
		strato_on_execve(st, ev, t, res);
		break;
	case STRATO_SH_SETUID:
		if (strato_pi(ev, "uid", &v))
			t->uid = (uint32_t)v;
		break;
	case STRATO_SH_SETRESUID:
		if (strato_pi(ev, "euid", &v) && (uint32_t)v != UINT32_MAX)
			t->uid = (uint32_t)v;
		break;
	case STRATO_SH_SETGID:
		if (strato_pi(ev, "gid", &v))
			t->gid = (uint32_t)v;
		break;
	case STRATO_SH_SETRESGID:
		if (strato_pi(ev, "egid", &v) && (uint32_t)v != UINT32_MAX)
			t->gid = (uint32_t)v;
		break;
	case STRATO_SH_CHDIR:
		if (m && strato_ps(ev, "path", &s, &n)) {
			strato_path_join(path, sizeof(path), m->cwd, s, n);
			n = strlen(path);
			if (n + 1 < sizeof(path) && (n == 0 || path[n - 1] != '/'))
				path[n++] = '/', path[n] = 0;
			strato_set_str(&m->cwd, path, n);
		}
		break;
	case STRATO_SH_FCHDIR:
		if (m && strato_pi(ev, "fd", &v) && (f = strato_state_fd(st, t, v))) {
			snprintf(path, sizeof(path), "%s%s", f->name,
				 f->name_len && f->name[f->name_len - 1] == '/' ? "" : "/");
			strato_set_str(&m->cwd, path, strlen(path));
		}
		break;
	case STRATO_SH_PRCTL:
		if (strato_pi(ev, "option", &v) && v == STRATO_PR_SET_NAME && strato_ps(ev, "arg2_str", &s, &n))
			strato_set_str(&t->comm, s, n);
		break;
	case STRATO_SH_OPEN:
		strato_on_open(st, ev, t, strato_event_fd_num(ev));
		break;
	case STRATO_SH_SOCKET:
		strato_on_socket(st, ev, t, res);
		break;
	case STRATO_SH_SOCKETPAIR:
		if (strato_pi(ev, "fd1", &v) && strato_pi(ev, "fd2", &v2)) {
			strato_new_fd(st, t, v, STRATO_FD_UNIX_SOCK, "", false);
			strato_new_fd(st, t, v2, STRATO_FD_UNIX_SOCK, "", false);
		}
		break;
	case STRATO_SH_CONNECT:
		if (strato_pi(ev, "fd", &fd) && (f = strato_state_fd(st, t, fd)) && strato_pb(ev, "tuple", &p, &n) &&
		    strato_fd_tuple(f, p, n))
			f->role = STRATO_ROLE_CLIENT;
		break;
	case STRATO_SH_ACCEPT:
		if (m && res >= 0 && strato_pb(ev, "tuple", &p, &n) &&
		    (f = strato_fd_new(st, res, STRATO_FD_UNSUPPORTED, "", 0))) {
			int64_t lfd;

			strato_fd_tuple(f, p, n);
			f->role = STRATO_ROLE_SERVER;
			f->connected = true;
			if (strato_pi(ev, "fd", &lfd) && (cp = strato_state_fd(st, t, lfd)))
				f->l4proto = cp->l4proto;
			else if (f->type != STRATO_FD_UNIX_SOCK)
				f->l4proto = 2;
			strato_fd_add(st, m, f);
		}
		break;
	case STRATO_SH_BIND:
		if (strato_pi(ev, "fd", &fd) && (f = strato_state_fd(st, t, fd)) && strato_pb(ev, "addr", &p, &n)) {
			strato_fd_sockaddr_local(f, p, n);
			f->role = STRATO_ROLE_SERVER;
		}
		break;
	case STRATO_SH_LISTEN:
		if (strato_pi(ev, "fd", &fd) && (f = strato_state_fd(st, t, fd)))
			f->role = STRATO_ROLE_SERVER;
		break;
	case STRATO_SH_PIPE:
		if (strato_pi(ev, "fd1", &v) && strato_pi(ev, "fd2", &v2)) {
			int64_t flags = 0;

			strato_pi(ev, "flags", &flags);
			strato_new_fd(st, t, v, STRATO_FD_FIFO, "", flags & STRATO_O_CLOEXEC);
			strato_new_fd(st, t, v2, STRATO_FD_FIFO, "", flags & STRATO_O_CLOEXEC);
		}
		break;
	case STRATO_SH_NEWFD: {
		int64_t nfd = strato_event_fd_num(ev);
		uint8_t kind = strato_sh_kind[ev->type];

		if (kind == STRATO_FD_BPF && nfd <= 0)
			break;
		if (kind == STRATO_FD_MEMFD && strato_ps(ev, "name", &s, &n)) {
			int64_t flags = 0;

			snprintf(path, sizeof(path), "memfd:%.*s", (int)n, s);
			strato_pi(ev, "flags", &flags);
			strato_new_fd(st, t, nfd, kind, path, flags & 1); /* MFD_CLOEXEC */
		} else {
			strato_new_fd(st, t, nfd, kind, "", false);
		}
		break;
	}
	case STRATO_SH_DUP:
		if (!strato_pi(ev, "oldfd", &v) && !strato_pi(ev, "fd", &v) && !strato_enter_fd(ev, &v))
			break;
		if (m && res >= 0 && res != v && (f = strato_state_fd(st, t, v)) && (cp = strato_fd_copy(st, f, res))) {
			int64_t flags = 0;

			cp->cloexec = strato_pi(ev, "flags", &flags) && (flags & STRATO_O_CLOEXEC);
			strato_fd_add(st, m, cp);
		}
		break;
	case STRATO_SH_FCNTL:
		if (m && strato_pi(ev, "cmd", &v2) &&
		    (v2 == STRATO_FCNTL_F_DUPFD || v2 == STRATO_FCNTL_F_DUPFD_CLOEXEC) && strato_pi(ev, "fd", &v) &&
		    (f = strato_state_fd(st, t, v)) && (cp = strato_fd_copy(st, f, res))) {
			cp->cloexec = v2 == STRATO_FCNTL_F_DUPFD_CLOEXEC;
			strato_fd_add(st, m, cp);
		}
		break;
	case STRATO_SH_CLOSE:
		if (m && res == 0 && strato_pi_at(ev, strato_pkidx(ev, STRATO_PK_FD), &fd)) {
			st->pending_fd_pid = m->tid;
			st->pending_fd = fd;
		}
		break;
	case STRATO_SH_SENDRECV:
		/* an unconnected socket takes the tuple of its last datagram */
		if (strato_pi(ev, "fd", &fd) && (f = strato_state_fd(st, t, fd)) && !f->connected &&
		    f->type != STRATO_FD_UNIX_SOCK && strato_pb(ev, "tuple", &p, &n) && n > 1)
			strato_fd_tuple(f, p, n);
		break;
	}
}

/* ---- the update ---- */

uint64_t strato_fd_name_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

/* Notes the name of the event's fd before a handler may rename it. Only
 * events with a handler can change a name; for the others fd.name_changed
 * is false without this. */
static void strato_fd_name_before(struct strato_state *st, const struct strato_event *ev, struct strato_thread *t)
{
	const struct strato_event_info *ei = strato_event_info_get(ev->type);
	int64_t num = strato_event_fd_num(ev);
	struct strato_fdent *f = num != STRATO_NO_FD && t ? strato_state_fd(st, t, num) : NULL;

	/* a call that makes an fd makes a new one, whatever held the number */
	if (ei && (ei->flags & STRATO_EF_CREATES_FD) && !strato_event_is_enter(ev->type))
		f = NULL;
	st->nc_ev = ev;
	st->nc_hash = strato_fd_name_hash(f ? f->name : "");
}

static int64_t strato_fd_num_of(const struct strato_event *ev);

void strato_state_update(struct strato_state *st, struct strato_event *ev)
{
	uint64_t ts = strato_ld64(ev->raw);
	int64_t tid = (int64_t)strato_ld64(ev->raw + 8);
	struct strato_thread *t;

	st->cur_done = NULL;
	/* removals and restores deferred from the previous event */
	if (st->pending_restore) {
		struct strato_thread *m = strato_map_get(&st->threads, st->pending_restore_pid);

		if (m && strato_map_get(&m->fds, st->pending_restore->fd))
			strato_fd_add(st, m, st->pending_restore);
		else
			strato_fd_free(st, st->pending_restore);
		st->pending_restore = NULL;
	}
	if (st->pending_fd >= 0) {
		struct strato_thread *m = strato_map_get(&st->threads, st->pending_fd_pid);

		if (m)
			strato_fd_remove(st, m, st->pending_fd);
		st->pending_fd = -1;
	}
	if (st->pending_tid_exit >= 0) {
		strato_thread_exit(st, st->pending_tid_exit);
		st->pending_tid_exit = -1;
	}
	strato_arena_reset(st);
	/* the capture's start: its first timed event (meta events such as
	 * container may carry time 0) */
	if (!st->have_first && ts) {
		st->first_ts = ts;
		if (ev->enter_raw && ev->enter_len >= 8 && strato_ld64(ev->enter_raw) &&
		    strato_ld64(ev->enter_raw) < ts)
			st->first_ts = strato_ld64(ev->enter_raw);
		st->have_first = true;
	}
	/* the event before this one, its own enter included (sysdig's
	 * evt.deltatime counts from the enter when nothing came between) */
	st->cur_prev_ts = st->prev_ts;
	if (ev->enter_raw && ev->enter_len >= 8 && strato_ld64(ev->enter_raw) > st->cur_prev_ts &&
	    strato_ld64(ev->enter_raw) <= ts)
		st->cur_prev_ts = strato_ld64(ev->enter_raw);
	/* process snapshots (procinfo) and container records are not
	 * events sysdig shows or times */
	if (ts && !(ev->type < STRATO_EVENT_TABLE_SIZE && strato_meta[ev->type]))
		st->prev_ts = ts;
	ev->state = st;
	st->cur_ev = ev;
	/* a function of the event alone: worked out once for the handlers
	 * and the getters */
	st->cur_fdnum = strato_fd_num_of(ev);
	st->nc_ev = NULL;
	/* runs of events from one thread are common */
	t = st->cur_thread && st->cur_thread->tid == tid ? st->cur_thread : strato_map_get(&st->threads, tid);
	if (!t && tid >= 0 && (t = strato_thread_new(st, tid))) {
		/* a thread the tables did not have: known by its id only
		 * until a clone or execve describes it (sysdig does the same) */
		t->ptid = -1;
		t->uid = t->gid = UINT32_MAX;
		t->sid = t->pgid = t->vpgid = t->vtid = t->vpid = -1;
	}
	st->cur_thread = t;
	if (t && t != st->lru_tail) {
		strato_lru_unlink(st, t);
		strato_lru_append(st, t);
	}
	if (t)
		t->last_ts = ts;
	if (ev->type < STRATO_EVENT_TABLE_SIZE && strato_sh_of[ev->type]) {
		strato_fd_name_before(st, ev, t);
		strato_on_event(st, ev, t);
		/* clone and exec may have made or replaced the thread */
		st->cur_thread = strato_map_get(&st->threads, tid);
		if (st->cur_thread && (strato_sh_of[ev->type] == STRATO_SH_CLONE ||
				       strato_sh_of[ev->type] == STRATO_SH_EXECVE)) {
			int64_t res;

			if (!strato_event_res(ev, &res) && res >= 0)
				st->cur_thread->identity_ts = ts;
		}
	}
	st->stats.threads = st->threads.n;
	st->stats.fds = st->nfds;
	/* what the getters ask about this event, resolved once */
	st->cur_main = strato_state_main(st, st->cur_thread);
	st->cur_fd = strato_state_fd(st, st->cur_thread, st->cur_fdnum);
	st->cur_done = ev;
}

/* ---- fd of an event ---- */

/* strato_event_fd_num() worked out (the tables are built). */
static int64_t strato_fd_num_of(const struct strato_event *ev)
{
	uint8_t how = ev->type < STRATO_EVENT_TABLE_SIZE ? strato_fd_how[ev->type] : 0;
	int64_t v;
	int idx;

	if (!how)
		return STRATO_NO_FD;
	if (ev->origin == STRATO_ORIGIN_FILE && strato_no_fd_2022[ev->type])
		return STRATO_NO_FD;
	if (how & STRATO_FDH_CREATES) {
		/* pipes and socket pairs: sysdig shows the second fd */
		idx = strato_fd2_idx[ev->type];
		if (idx >= 0 && (unsigned)idx < ev->nparams && strato_event_res(ev, &v) == 0 && v >= 0 &&
		    strato_event_param_i64(ev, (unsigned)idx, &v) == 0)
			return v;
		/* a failed creation has no fd: sysdig shows -1 */
		if (strato_event_res(ev, &v) == 0)
			return v < 0 ? -1 : v;
	}
	idx = strato_fd_idx[ev->type];
	if (idx >= 0 && (unsigned)idx >= ev->nparams)
		idx = -1;
	if (idx >= 0 && strato_event_param_i64(ev, (unsigned)idx, &v) == 0)
		return v == 0xffffffffLL ? -1 : v; /* a 32-bit -1 */
	/* the event has an fd argument the file did not fill: sysdig's
	 * "no fd" is -1 */
	return idx >= 0 ? -1 : STRATO_NO_FD;
}

bool strato_state_identity_event(unsigned type)
{
	uint8_t sh;

	pthread_once(&strato_sh_once, strato_sh_init);
	sh = type < STRATO_EVENT_TABLE_SIZE ? strato_sh_of[type] : 0;
	return sh == STRATO_SH_CLONE || sh == STRATO_SH_EXECVE || sh == STRATO_SH_PROCEXIT || sh == STRATO_SH_PRCTL ||
	       sh == STRATO_SH_SETUID || sh == STRATO_SH_SETRESUID || sh == STRATO_SH_SETGID ||
	       sh == STRATO_SH_SETRESGID;
}

int64_t strato_event_fd_num(const struct strato_event *ev)
{
	const struct strato_state *st = ev->state;

	/* the capture's current event: worked out by its update (first
	 * thing, so its handlers get it too) */
	if (st && st->cur_ev == ev)
		return st->cur_fdnum;
	pthread_once(&strato_sh_once, strato_sh_init);
	return strato_fd_num_of(ev);
}

char strato_fd_typechar(uint8_t kind)
{
	/* indexed by enum strato_fd_kind */
	static const char tc[] = {
	    'o', 'f', 'd', '4', '6', '2', '3', 'p', 'u', 'e', 'o',
	    's', 'l', 'i', 't', 'n', 'f', 'b', 'u', 'r', 'm', 'P',
	};

	return kind < sizeof(tc) ? tc[kind] : 'o';
}

const char *strato_fd_typename(uint8_t kind)
{
	static const char *const names[] = {
	    NULL,   "file",  "directory",   "ipv4",	"ipv6",	     "ipv4",	"ipv6",	   "pipe",
	    "unix", "event", "unknown",	    "signalfd", "eventpoll", "inotify", "timerfd", "netlink",
	    "file", "bpf",   "userfaultfd", "io_uring", "memfd",     "pidfd",
	};

	return kind < STRATO_ARRAY_SIZE(names) ? names[kind] : NULL;
}

/* ---- resolver for the argument formatter ---- */

static int strato_state_resolve(void *ctx, const struct strato_event *ev, enum strato_resolve_kind kind, int64_t value,
				char *buf, size_t len)
{
	struct strato_state *st = ctx;
	struct strato_thread *t = strato_state_thread(st, strato_event_tid(ev)), *m;
	struct strato_fdent *f;
	const struct strato_user *u;

	switch (kind) {
	case STRATO_RESOLVE_FD:
		if (!(f = strato_state_fd(st, t, value)))
			return -1;
		if (f->has_tuple && f->l4proto >= 2 && f->l4proto <= 5 && f->type >= STRATO_FD_IPV4_SOCK &&
		    f->type <= STRATO_FD_IPV6_SERVSOCK)
			return snprintf(buf, len, "<%c%c>%s", strato_fd_typechar(f->type), "tuir"[f->l4proto - 2],
					f -> name);
		return snprintf(buf, len, "<%c>%s", strato_fd_typechar(f->type), f->name);
	case STRATO_RESOLVE_FD_TYPE:
		if (!(f = strato_state_fd(st, t, value)))
			return -1;
		return snprintf(buf, len, "%c", strato_fd_typechar(f->type));
	case STRATO_RESOLVE_PID:
		if (!(t = strato_state_thread(st, value)) || !t->comm[0])
			return -1;
		return snprintf(buf, len, "%s", t->comm);
	case STRATO_RESOLVE_UID:
		if (!(u = strato_thread_user(st, t, (uint32_t)value)))
			return -1;
		return snprintf(buf, len, "%s", u->name);
	case STRATO_RESOLVE_GID:
		if (!(u = strato_thread_group(st, t, (uint32_t)value)))
			return -1;
		return snprintf(buf, len, "%s", u->name);
	case STRATO_RESOLVE_CWD:
		if (!(m = strato_state_main(st, t)) || !m->cwd[0])
			return -1;
		return snprintf(buf, len, "%s%s", m->cwd, m->cwd[strlen(m->cwd) - 1] == '/' ? "" : "/");
	case STRATO_RESOLVE_DIRFD:
		if (!(f = strato_state_fd(st, t, value)))
			return -1;
		return snprintf(buf, len, "%s", f->name);
	}
	return -1;
}

/* ---- life cycle ---- */

int strato_state_new(struct strato_state **out, const struct strato_tables *t)
{
	struct strato_state *st = calloc(1, sizeof(*st));
	int rc;

	if (!st)
		return strato_fail(-ENOMEM, "out of memory");
	pthread_once(&strato_sh_once, strato_sh_init);
	st->max_threads = STRATO_STATE_DEFAULT_MAX_THREADS;
	st->max_fds = STRATO_STATE_DEFAULT_MAX_FDS;
	st->pending_tid_exit = -1;
	st->pending_fd = -1;
	st->resolver.fn = strato_state_resolve;
	st->resolver.ctx = st;
	pthread_mutex_init(&st->arena_lock, NULL);
	if (t && (rc = strato_seed(st, t))) {
		strato_state_free(st);
		return strato_fail(rc, "out of memory building the state tables");
	}
	*out = st;
	return 0;
}

void strato_state_free(struct strato_state *st)
{
	if (!st)
		return;
	while (st->lru_head) {
		struct strato_thread *t = st->lru_head;

		strato_lru_unlink(st, t);
		strato_thread_free(st, t);
	}
	strato_map_free(&st->threads);
	strato_fd_free(st, st->pending_restore);
	while (st->fd_pool) {
		struct strato_fdent *f = st->fd_pool;

		st->fd_pool = (struct strato_fdent *)(void *)f->name;
		free(f);
	}
	for (size_t i = 0; i < st->nusers; i++) {
		free(st->users[i].name);
		free(st->users[i].home);
		free(st->users[i].shell);
	}
	for (size_t i = 0; i < st->ngroups; i++)
		free(st->groups[i].name);
	free(st->users);
	free(st->groups);
	st->cur_thread = NULL;
	st->arena = st->arena ? (strato_arena_reset(st), st->arena) : NULL;
	free(st->arena);
	pthread_mutex_destroy(&st->arena_lock);
	free(st);
}

size_t strato_state_memory(const struct strato_state *st)
{
	size_t sz = sizeof(*st) + st->threads.cap * (sizeof(int64_t) + sizeof(void *)) +
		    st->fd_pool_n * sizeof(struct strato_fdent);

	for (const struct strato_thread *t = st->lru_head; t; t = t->lru_next) {
		sz += sizeof(*t) + strlen(t->comm) + strlen(t->exe) + strlen(t->exepath) + strlen(t->cwd) + 4 +
		      t->args_len + t->env_len + t->cgroups_len + t->fds.cap * (sizeof(int64_t) + sizeof(void *));
		for (size_t i = 0; i < t->fds.cap; i++) {
			const struct strato_fdent *f = t->fds.vals[i];

			if (f)
				sz += sizeof(*f) + (f->name != f->inl ? f->name_len + 1 : 0);
		}
	}
	return sz;
}
