/* lib/state/container.c: the container a thread runs in, read from its
 * cgroup paths the way container runtimes name them: docker
 * (/docker/<id>, docker-<id>.scope), containerd and CRI (cri-containerd-<id>,
 * /kubepods/.../<id>), CRI-O (crio-<id>), podman (libpod-<id>); the
 * Kubernetes pod UID from a kubepods path. No runtime is queried. */
#include "state/state.h"

#include <stdio.h>
#include <string.h>

static bool strato_is_hex64(const char *p, size_t n)
{
	if (n < 64)
		return false;
	for (size_t i = 0; i < 64; i++)
		if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'f')))
			return false;
	return n == 64 || p[64] == '.' || p[64] == '/';
}

/* A pod UID: 8-4-4-4-12 hex digits, '-' or '_' between the groups. */
static bool strato_is_uid(const char *p)
{
	for (int i = 0; i < 36; i++) {
		bool sep = i == 8 || i == 13 || i == 18 || i == 23;
		char c = p[i];

		if (sep ? (c != '-' && c != '_') : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return false;
	}
	return true;
}

struct strato_rt_prefix {
	const char *prefix, *kind;
};

static const struct strato_rt_prefix strato_rt_prefixes[] = {
    {"docker-", "docker"}, {"cri-containerd-", "containerd"}, {"crio-", "cri-o"}, {"libpod-", "podman"},
    {"docker/", "docker"}, {"containerd-", "containerd"},
};

/* Looks at one cgroup path; fills id/kind/pod when it names a container. */
static bool strato_cgroup_container(const char *path, size_t n, char *id, const char **kind, char *pod, size_t podlen)
{
	const char *seg = path, *end = path + n;
	bool kube = memmem(path, n, "kubepods", 8) != NULL;

	while (seg < end) {
		const char *slash = memchr(seg, '/', (size_t)(end - seg));
		size_t sl = slash ? (size_t)(slash - seg) : (size_t)(end - seg);

		if (kube && pod && podlen && sl > 3) {
			/* kubepods-besteffort-pod<uid>.slice or pod<uid> */
			for (const char *pp = seg; (pp = memmem(pp, (size_t)(seg + sl - pp), "pod", 3)); pp += 3) {
				if ((size_t)(seg + sl - pp) >= 3 + 36 && strato_is_uid(pp + 3)) {
					size_t k;

					for (k = 0; k < 36 && k + 1 < podlen; k++)
						pod[k] = pp[3 + k] == '_' ? '-' : pp[3 + k];
					pod[k] = 0;
					break;
				}
			}
		}
		for (size_t k = 0; k < STRATO_ARRAY_SIZE(strato_rt_prefixes); k++) {
			size_t pl = strlen(strato_rt_prefixes[k].prefix);

			if (sl > pl && !strncmp(seg, strato_rt_prefixes[k].prefix, pl) &&
			    strato_is_hex64(seg + pl, sl - pl)) {
				memcpy(id, seg + pl, 12);
				id[12] = 0;
				*kind = strato_rt_prefixes[k].kind;
				return true;
			}
		}
		/* /docker/<id> and a bare <id> under kubepods */
		if (strato_is_hex64(seg, sl) && seg > path) {
			memcpy(id, seg, 12);
			id[12] = 0;
			*kind = kube ? "containerd" : "docker";
			return true;
		}
		seg += sl + 1;
	}
	return false;
}

/* Reads t's cgroups; id gets the container id ("" for the host). */
static void strato_container_scan(const struct strato_thread *t, char *id, size_t idlen, const char **kind, char *pod,
				  size_t podlen)
{
	const char *k = NULL;

	if (pod && podlen)
		pod[0] = 0;
	id[0] = 0;
	*kind = NULL;
	for (size_t off = 0; t->cgroups && off < t->cgroups_len;) {
		const char *e = t->cgroups + off;
		size_t n = strnlen(e, t->cgroups_len - off);
		const char *eq = memchr(e, '=', n);
		const char *p = eq ? eq + 1 : e;
		char cid[16];

		if (strato_cgroup_container(p, n - (size_t)(p - e), cid, &k, pod, podlen)) {
			snprintf(id, idlen, "%s", cid);
			*kind = k;
			return;
		}
		off += n + 1;
	}
}

void strato_thread_container_refresh(struct strato_thread *t)
{
	const char *kind;

	strato_container_scan(t, t->container_id, sizeof(t->container_id), &kind, NULL, 0);
}

const char *strato_thread_container(const struct strato_thread *t, const char **kind, char *pod, size_t podlen)
{
	/* the id is kept current by the state (refresh); the kind and pod
	 * are worked out again into the caller's memory, so that getters on
	 * one event may run in several threads */
	if (kind || pod) {
		char id[sizeof(t->container_id)];
		const char *k;

		strato_container_scan(t, id, sizeof(id), &k, pod, podlen);
		if (kind)
			*kind = k;
	}
	return t->container_id[0] ? t->container_id : "host";
}
