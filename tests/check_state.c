/* tests/check_state.c: the state engine on hand-made events: the hash map,
 * seeding, fd creation and deferred close, process creation from a clone
 * child, exit removal, the thread/fd caps with eviction, a churn run
 * whose table size and memory must stay flat, and field getters run by
 * several threads at once on the same event. */
#include "state/state.h"
#include "field/fields.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

#define STRATO_T_OPENAT2_X 307
#define STRATO_T_CLOSE_X 5
#define STRATO_T_CLONE20_X 223
#define STRATO_T_PROCEXIT_E 16

/* A raw event of `type` for thread `tid` with n parameters. */
struct strato_tev {
	uint8_t raw[4096];
	struct strato_event ev;
};

static void strato_tev_make(struct strato_tev *e, uint16_t type, int64_t tid, uint64_t ts, unsigned n,
			    const void *const *data, const size_t *len)
{
	size_t off = STRATO_EVT_HDR_LEN + 2 * n;

	for (unsigned i = 0; i < n; i++) {
		strato_st16(e->raw + STRATO_EVT_HDR_LEN + 2 * i, (uint16_t)len[i]);
		memcpy(e->raw + off, data[i], len[i]);
		off += len[i];
	}
	strato_st64(e->raw, ts);
	strato_st64(e->raw + 8, (uint64_t)tid);
	strato_st32(e->raw + 16, (uint32_t)off);
	strato_st16(e->raw + 20, type);
	strato_st32(e->raw + 22, n);
	memset(&e->ev, 0, sizeof(e->ev));
	ck_assert_int_eq(strato_event_parse(&e->ev, e->raw, off), 0);
	e->ev.origin = STRATO_ORIGIN_LIVE;
}

static void strato_ev_openat(struct strato_state *st, int64_t tid, int64_t fd, const char *name)
{
	struct strato_tev e;
	int64_t dirfd = -100, dev = 0, ino = 0;
	uint32_t flags = 1, mode = 0, d32 = 0;
	const void *data[] = {&fd, &dirfd, name, &flags, &mode, &d32, &ino};
	size_t len[] = {8, 8, strlen(name) + 1, 4, 4, 4, 8};

	(void)dev;
	strato_tev_make(&e, STRATO_T_OPENAT2_X, tid, 1000, 7, data, len);
	strato_state_update(st, &e.ev);
}

static void strato_ev_close(struct strato_state *st, int64_t tid, int64_t fd)
{
	struct strato_tev e;
	int64_t res = 0;
	const void *data[] = {&res, &fd};
	size_t len[] = {8, 8};

	strato_tev_make(&e, STRATO_T_CLOSE_X, tid, 1000, 2, data, len);
	strato_state_update(st, &e.ev);
}

/* The child's side of a clone: a process (pid == tid, flags 0) or a
 * thread (CLONE_THREAD) of process pid. */
static void strato_ev_clone(struct strato_state *st, int64_t tid, int64_t pid, int64_t ptid, uint32_t flags,
			    const char *comm)
{
	struct strato_tev e;
	int64_t res = 0, fdlimit = 1024, zero64 = 0;
	uint32_t zero32 = 0, uid = 1000, gid = 1000;
	const char args[] = "-l";
	const void *data[] = {&res,    comm,	args, &tid, &pid,   &ptid, "",	 &fdlimit, &zero64, &zero64, &zero32,
			      &zero32, &zero32, comm, "",   &flags, &uid,  &gid, &tid,	   &pid,    &zero64};
	size_t len[] = {
	    8, strlen(comm) + 1, sizeof(args), 8, 8, 8, 1, 8, 8, 8, 4, 4, 4, strlen(comm) + 1, 0, 4, 4, 4, 8, 8, 8};

	strato_tev_make(&e, STRATO_T_CLONE20_X, tid, 1000, 21, data, len);
	strato_state_update(st, &e.ev);
}

static void strato_ev_clone_child(struct strato_state *st, int64_t tid, int64_t ptid, const char *comm)
{
	strato_ev_clone(st, tid, tid, ptid, 0, comm);
}

static void strato_ev_procexit(struct strato_state *st, int64_t tid)
{
	struct strato_tev e;

	strato_tev_make(&e, STRATO_T_PROCEXIT_E, tid, 1000, 0, NULL, NULL);
	strato_state_update(st, &e.ev);
}

/* One process "sh" (tid 100) in /home/u with fd 0 open. */
static struct strato_state *strato_seeded(void)
{
	static struct strato_fd_info fd0 = {.fd = 0, .type = STRATO_FD_FILE, .name = "/dev/tty"};
	struct strato_thread_info ti = {
	    .tid = 100,
	    .pid = 100,
	    .ptid = 1,
	    .comm = "sh",
	    .exe = "/bin/sh",
	    .exepath = "/bin/sh",
	    .cwd = "/home/u",
	    .root = "/",
	    .fds = &fd0,
	    .nfds = 1,
	    .uid = 1000,
	    .gid = 1000,
	};
	struct strato_tables t = {.threads = &ti, .nthreads = 1};
	struct strato_state *st;

	ck_assert_int_eq(strato_state_new(&st, &t), 0);
	return st;
}

START_TEST(test_map)
{
	struct strato_map m = {0};
	enum { N = 20000 };
	static char present[N];

	srand(7);
	for (int round = 0; round < 100000; round++) {
		int64_t k = rand() % N;

		if (rand() % 3) {
			ck_assert_int_eq(strato_map_put(&m, k * 7919, &present[k]), 0);
			present[k] = 1;
		} else {
			void *v = strato_map_del(&m, k * 7919);

			ck_assert(present[k] ? v == &present[k] : v == NULL);
			present[k] = 0;
		}
	}
	for (int k = 0; k < N; k++)
		ck_assert(present[k] ? strato_map_get(&m, (int64_t)k * 7919) == &present[k]
				     : strato_map_get(&m, (int64_t)k * 7919) == NULL);
	strato_map_free(&m);
}
END_TEST

START_TEST(test_open_close)
{
	struct strato_state *st = strato_seeded();
	struct strato_thread *t = strato_state_thread(st, 100);
	struct strato_fdent *f;

	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(t->cwd, "/home/u/");
	strato_ev_openat(st, 100, 5, "a/../b.txt");
	f = strato_state_fd(st, t, 5);
	ck_assert_ptr_nonnull(f);
	ck_assert_str_eq(f->name, "/home/u/b.txt");
	ck_assert_int_eq(strato_fd_typechar(f->type), 'f');
	strato_ev_close(st, 100, 5);
	/* the close itself still shows the fd, as in sysdig */
	ck_assert_ptr_nonnull(strato_state_fd(st, t, 5));
	strato_ev_openat(st, 100, 6, "/etc/./passwd");
	ck_assert_ptr_null(strato_state_fd(st, t, 5));
	ck_assert_str_eq(strato_state_fd(st, t, 6)->name, "/etc/passwd");
	strato_state_free(st);
}
END_TEST

START_TEST(test_clone_exit)
{
	struct strato_state *st = strato_seeded();
	struct strato_thread *c;

	strato_ev_clone_child(st, 200, 100, "ls");
	c = strato_state_thread(st, 200);
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->comm, "ls");
	ck_assert_int_eq(c->ptid, 100);
	ck_assert_int_eq(c->pid, 200);
	ck_assert_str_eq(c->cwd, "/home/u/");		  /* inherited: the event's cwd is empty */
	ck_assert_ptr_nonnull(strato_state_fd(st, c, 0)); /* fd table copied */
	ck_assert_uint_eq(c->uid, 1000);
	strato_ev_procexit(st, 200);
	ck_assert_ptr_nonnull(strato_state_thread(st, 200)); /* removed one event later */
	strato_ev_close(st, 100, 0);
	ck_assert_ptr_null(strato_state_thread(st, 200));
	ck_assert_uint_eq(st->stats.threads_removed, 1);
	strato_state_free(st);
}
END_TEST

/* The main thread exits first: the process (fds) stays until its last
 * thread is gone. */
START_TEST(test_main_exit)
{
	struct strato_state *st = strato_seeded();
	struct strato_thread *th;

	strato_ev_clone(st, 300, 100, 1, 0x2000 /* CLONE_THREAD */, "sh");
	th = strato_state_thread(st, 300);
	ck_assert_ptr_nonnull(th);
	ck_assert_int_eq(th->pid, 100);
	ck_assert_uint_eq(strato_state_thread(st, 100)->nthreads, 1);
	strato_ev_procexit(st, 100);
	strato_ev_openat(st, 300, 7, "/x"); /* the main thread's exit is applied here */
	ck_assert_ptr_nonnull(strato_state_thread(st, 100));
	ck_assert_str_eq(strato_state_fd(st, strato_state_thread(st, 300), 0)->name, "/dev/tty");
	ck_assert_str_eq(strato_state_fd(st, strato_state_thread(st, 300), 7)->name, "/x");
	strato_ev_procexit(st, 300);
	strato_ev_procexit(st, 999);
	ck_assert_ptr_null(strato_state_thread(st, 300));
	ck_assert_ptr_null(strato_state_thread(st, 100));
	ck_assert_uint_eq(st->nfds, 0);
	strato_state_free(st);
}
END_TEST

START_TEST(test_caps)
{
	struct strato_state *st = strato_seeded();

	st->max_threads = 1000;
	st->max_fds = 100;
	for (int i = 0; i < 5000; i++)
		strato_ev_clone_child(st, 1000 + i, 100, "w");
	ck_assert_uint_le(st->threads.n, 1000);
	ck_assert_uint_ge(st->stats.threads_evicted, 4000);
	/* the most recent threads stay */
	ck_assert_ptr_nonnull(strato_state_thread(st, 1000 + 4999));
	for (int i = 0; i < 1000; i++)
		strato_ev_openat(st, 1000 + 4999, 10 + i, "/tmp/x");
	ck_assert_uint_le(st->nfds, 100);
	ck_assert_uint_gt(st->stats.fds_evicted, 0);
	strato_state_free(st);
}
END_TEST

/* Process churn: fork + exit over and over. The tables must not grow:
 * thread count and state memory after 200,000 processes equal those after
 * 1,000. */
START_TEST(test_churn)
{
	struct strato_state *st = strato_seeded();
	size_t mem1 = 0, n1 = 0;

	for (int i = 0; i < 200000; i++) {
		strato_ev_clone_child(st, 1000 + i, 100, "churn");
		strato_ev_openat(st, 1000 + i, 3, "/tmp/churn");
		strato_ev_procexit(st, 1000 + i);
		if (i == 1000) {
			mem1 = strato_state_memory(st);
			n1 = st->threads.n;
		}
	}
	ck_assert_uint_eq(st->threads.n, n1);
	ck_assert_uint_le(strato_state_memory(st), mem1);
	ck_assert_uint_ge(st->stats.threads_removed, 199999);
	ck_assert_uint_eq(st->stats.threads_evicted, 0);
	strato_state_free(st);
}
END_TEST

/* Container ids from cgroup paths of the common runtimes (paths as the
 * runtimes write them; ids cut to 12 characters as sysdig shows them). */
START_TEST(test_container)
{
	static const struct {
		const char *cg, *id, *kind, *pod;
	} cases[] = {
	    {"cpu=/user.slice/user-1000.slice/session-1.scope", "host", NULL, ""},
	    {"cpuset=/docker/697956520d891b5cb0e215093970c733549a3f745f52263c05b37f8a488994ac", "697956520d89",
	     "docker", ""},
	    {"=/system.slice/docker-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.scope",
	     "0123456789ab", "docker", ""},
	    {"=/kubepods.slice/kubepods-besteffort.slice/"
	     "kubepods-besteffort-pod1a2b3c4d_5e6f_7a8b_9c0d_1e2f3a4b5c6d.slice/"
	     "cri-containerd-fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210.scope",
	     "fedcba987654", "containerd", "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"},
	    {"=/kubepods.slice/kubepods-pod11111111_2222_3333_4444_555555555555.slice/"
	     "crio-aaaaaaaaaaaabbbbbbbbbbbbccccccccccccddddddddddddeeeeeeeeeeeeffff.scope",
	     "aaaaaaaaaaaa", "cri-o", "11111111-2222-3333-4444-555555555555"},
	    {"=/machine.slice/libpod-abcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcd.scope",
	     "abcdefabcdef", "podman", ""},
	    {"memory=/kubepods/burstable/pod22222222-3333-4444-5555-666666666666/"
	     "9999999999999999999999999999999999999999999999999999999999999999",
	     "999999999999", "containerd", "22222222-3333-4444-5555-666666666666"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strato_thread t = {0};
		const char *kind;
		char pod[40];

		t.cgroups = (char *)cases[i].cg;
		t.cgroups_len = strlen(cases[i].cg) + 1;
		/* the state works the id out when cgroups change */
		strato_thread_container_refresh(&t);
		ck_assert_str_eq(strato_thread_container(&t, &kind, pod, sizeof(pod)), cases[i].id);
		if (cases[i].kind)
			ck_assert_str_eq(kind, cases[i].kind);
		else
			ck_assert_ptr_null(kind);
		ck_assert_str_eq(pod, cases[i].pod);
	}
}
END_TEST

/* Getters on one event from several threads (the public API allows it):
 * every thread must see the values one thread alone computes. Computed
 * strings (evt.args, proc.cmdline, evt.time...) share the capture's scratch
 * memory, so a race there shows up as wrong or torn text. */
#define STRATO_T_WORKERS 4
static const char *const strato_t_fields[] = {
    "proc.name", "proc.cmdline", "fd.name",	"fd.typechar",	"evt.args", "evt.time",
    "user.name", "container.id", "container.type", "fd.directory", "thread.cgroups",
};
#define STRATO_T_NFIELDS (sizeof(strato_t_fields) / sizeof(strato_t_fields[0]))

struct strato_t_shared {
	pthread_barrier_t start, done;
	strato_field *f[STRATO_T_NFIELDS];
	const strato_event *ev; /* NULL: stop */
	char want[STRATO_T_NFIELDS][512];
	int wantrc[STRATO_T_NFIELDS];
	unsigned mismatches;
	pthread_mutex_t lock;
};

static void *strato_t_worker(void *arg)
{
	struct strato_t_shared *sh = arg;
	char buf[512];

	for (;;) {
		pthread_barrier_wait(&sh->start);
		if (!sh->ev)
			return NULL;
		for (int r = 0; r < 20; r++) {
			for (size_t i = 0; i < STRATO_T_NFIELDS; i++) {
				int rc = strato_field_format(sh->f[i], sh->ev, buf, sizeof(buf));

				if (rc != sh->wantrc[i] || (rc >= 0 && strcmp(buf, sh->want[i]))) {
					pthread_mutex_lock(&sh->lock);
					sh->mismatches++;
					pthread_mutex_unlock(&sh->lock);
				}
			}
		}
		pthread_barrier_wait(&sh->done);
	}
}

START_TEST(test_concurrent_getters)
{
	static struct strato_t_shared sh;
	char path[4096];
	const char *file = strato_test_shared("scap-samples/falcosecurity-falco/psp_run_as_user_0_container.scap",
					      path, sizeof(path));
	pthread_t th[STRATO_T_WORKERS];
	strato_capture *cap;
	const strato_event *ev;
	unsigned n = 0;

	if (!file) {
		fprintf(stderr, "test_concurrent_getters: sample capture missing, not run\n");
		return;
	}
	for (size_t i = 0; i < STRATO_T_NFIELDS; i++)
		ck_assert_int_eq(strato_field_lookup(strato_t_fields[i], &sh.f[i]), 0);
	pthread_barrier_init(&sh.start, NULL, STRATO_T_WORKERS + 1);
	pthread_barrier_init(&sh.done, NULL, STRATO_T_WORKERS + 1);
	pthread_mutex_init(&sh.lock, NULL);
	for (int i = 0; i < STRATO_T_WORKERS; i++)
		ck_assert_int_eq(pthread_create(&th[i], NULL, strato_t_worker, &sh), 0);
	ck_assert_int_eq(strato_capture_open_file(&cap, file, NULL), 0);
	while (n < 3000 && strato_capture_next(cap, &ev) == STRATO_EVENT) {
		for (size_t i = 0; i < STRATO_T_NFIELDS; i++)
			sh.wantrc[i] = strato_field_format(sh.f[i], ev, sh.want[i], sizeof(sh.want[i]));
		sh.ev = ev;
		pthread_barrier_wait(&sh.start);
		pthread_barrier_wait(&sh.done);
		n++;
	}
	sh.ev = NULL;
	pthread_barrier_wait(&sh.start);
	for (int i = 0; i < STRATO_T_WORKERS; i++)
		pthread_join(th[i], NULL);
	strato_capture_close(cap);
	ck_assert_uint_gt(n, 100);
	ck_assert_uint_eq(sh.mismatches, 0);
	for (size_t i = 0; i < STRATO_T_NFIELDS; i++)
		strato_field_free(sh.f[i]);
	pthread_barrier_destroy(&sh.start);
	pthread_barrier_destroy(&sh.done);
	pthread_mutex_destroy(&sh.lock);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("state");
	TCase *tc = tcase_create("tables");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_map);
	tcase_add_test(tc, test_open_close);
	tcase_add_test(tc, test_clone_exit);
	tcase_add_test(tc, test_main_exit);
	tcase_add_test(tc, test_caps);
	tcase_add_test(tc, test_churn);
	tcase_add_test(tc, test_container);
	tcase_add_test(tc, test_concurrent_getters);
	suite_add_tcase(s, tc);
	return strato_test_run(s);
}
