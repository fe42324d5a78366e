/* tests/check_falco_fields.c: the syscall fields the official Falco rules
 * use beyond sysdig's common set (proc.duration, fd.name_changed,
 * proc.is_exe_*, fd.sip.name) on public sample captures; expected values
 * from sysdig 0.29.3's output for the same captures. */
#include <stratocore/stratocore.h>

#include <string.h>
#include "testutil.h"

/* The field's text for ev ("<NA>" when it has no value). */
static const char *strato_txt(const char *name, const strato_event *ev, char *buf, size_t len)
{
	strato_field *f;

	ck_assert_int_eq(strato_field_lookup(name, &f), 0);
	if (strato_field_format(f, ev, buf, len) < 0)
		snprintf(buf, len, "<NA>");
	strato_field_free(f);
	return buf;
}

static bool strato_is_exit(const strato_event *ev)
{
	return strato_event_type(ev) & 1;
}

/* curl_google.scap: sysdig 0.29.3 prints for thread 17498 (curl's
 * resolver thread, whose clone the capture holds) on its first exits
 * "clone 25396", "set_robust_list 29892", "socket 45743", "connect 56103". */
START_TEST(test_proc_duration)
{
	static const char *const want[] = {"clone 25396", "set_robust_list 29892", "socket 45743", "connect 56103"};
	char path[4096], buf[64], line[128];
	strato_capture *cap;
	const strato_event *ev;
	unsigned k = 0, na = 0;

	if (!strato_test_shared("scap-samples/falcosecurity-libs/curl_google.scap", path, sizeof(path)))
		return;
	ck_assert_int_eq(strato_capture_open_file(&cap, path, NULL), 0);
	while (strato_capture_next(cap, &ev) == STRATO_EVENT) {
		if (!strato_is_exit(ev))
			continue;
		if (strato_event_tid(ev) != 17498) {
			/* the other threads were in the start tables: no clone time */
			na += !strcmp(strato_txt("proc.duration", ev, buf, sizeof(buf)), "<NA>");
			continue;
		}
		if (k < (sizeof(want) / sizeof(want[0]))) {
			char type[32];

			snprintf(line, sizeof(line), "%s %s", strato_txt("evt.type", ev, type, sizeof(type)),
				 strato_txt("proc.duration", ev, buf, sizeof(buf)));
			ck_assert_str_eq(line, want[k]);
			k++;
		}
	}
	strato_capture_close(cap);
	ck_assert_uint_eq(k, (sizeof(want) / sizeof(want[0])));
	/* sysdig: 597 exit events, 519 without proc.duration */
	ck_assert_uint_eq(na, 519);
}
END_TEST

/* curl_google.scap: sysdig 0.29.3 shows fd.name_changed true on 49 exit
 * events (47 opens, 2 IPv6 connects), false on 171, no value on 377; the
 * two unix connects that fail with ENOENT are false. */
START_TEST(test_fd_name_changed)
{
	char path[4096], buf[64], res[32], type[32];
	strato_capture *cap;
	const strato_event *ev;
	unsigned yes = 0, no = 0, na = 0, open_yes = 0, unix_no = 0, ip6_yes = 0;

	if (!strato_test_shared("scap-samples/falcosecurity-libs/curl_google.scap", path, sizeof(path)))
		return;
	ck_assert_int_eq(strato_capture_open_file(&cap, path, NULL), 0);
	while (strato_capture_next(cap, &ev) == STRATO_EVENT) {
		if (!strato_is_exit(ev))
			continue;
		strato_txt("fd.name_changed", ev, buf, sizeof(buf));
		yes += !strcmp(buf, "true");
		no += !strcmp(buf, "false");
		na += !strcmp(buf, "<NA>");
		open_yes += !strcmp(buf, "true") && !strcmp(strato_event_name(ev), "open");
		if (!strcmp(strato_event_name(ev), "connect")) {
			strato_txt("fd.type", ev, type, sizeof(type));
			strato_txt("evt.res", ev, res, sizeof(res));
			unix_no += !strcmp(type, "unix") && !strcmp(res, "ENOENT") && !strcmp(buf, "false");
			ip6_yes += !strcmp(type, "ipv6") && !strcmp(buf, "true");
		}
	}
	strato_capture_close(cap);
	ck_assert_uint_eq(yes, 49);
	ck_assert_uint_eq(no, 171);
	ck_assert_uint_eq(na, 377);
	ck_assert_uint_eq(open_yes, 47);
	ck_assert_uint_eq(unix_no, 2);
	ck_assert_uint_eq(ip6_yes, 2);
}
END_TEST

/* test_ipv6_client.scap: the UDP client's calls in sysdig 0.29.3's order
 * and values: a sendto that names the socket, the connect that gives it
 * its port, then a sendto to the same peer. */
START_TEST(test_fd_name_changed_udp)
{
	static const char *const want[] = {"socket false", "sendto true", "connect true", "sendto false"};
	char path[4096], buf[64], line[128];
	strato_capture *cap;
	const strato_event *ev;
	unsigned k = 0;

	if (!strato_test_shared("scap-samples/falcosecurity-libs/test_ipv6_client.scap", path, sizeof(path)))
		return;
	ck_assert_int_eq(strato_capture_open_file(&cap, path, NULL), 0);
	while (k < (sizeof(want) / sizeof(want[0])) && strato_capture_next(cap, &ev) == STRATO_EVENT) {
		const char *n = strato_event_name(ev);

		if (!strato_is_exit(ev) || (strcmp(n, "socket") && strcmp(n, "sendto") && strcmp(n, "connect")))
			continue;
		snprintf(line, sizeof(line), "%s %s", n, strato_txt("fd.name_changed", ev, buf, sizeof(buf)));
		ck_assert_str_eq(line, want[k]);
		k++;
	}
	strato_capture_close(cap);
	ck_assert_uint_eq(k, (sizeof(want) / sizeof(want[0])));
}
END_TEST

/* cat_write.scap was written by a libs version whose thread table has no
 * exe_upper_layer / exe_from_memfd, and its execve of /bin/cat sets
 * neither flag: every event of cat says false (true comes from the live
 * test, tests/check_falco_live.c). */
START_TEST(test_exe_flags)
{
	char path[4096], buf[64];
	strato_capture *cap;
	const strato_event *ev;
	unsigned n = 0;

	if (!strato_test_shared("scap-samples/falcosecurity-falco/cat_write.scap", path, sizeof(path)))
		return;
	ck_assert_int_eq(strato_capture_open_file(&cap, path, NULL), 0);
	while (strato_capture_next(cap, &ev) == STRATO_EVENT) {
		if (!strato_is_exit(ev) || strcmp(strato_txt("proc.name", ev, buf, sizeof(buf)), "cat"))
			continue;
		ck_assert_str_eq(strato_txt("proc.is_exe_from_memfd", ev, buf, sizeof(buf)), "false");
		ck_assert_str_eq(strato_txt("proc.is_exe_upper_layer", ev, buf, sizeof(buf)), "false");
		n++;
	}
	strato_capture_close(cap);
	ck_assert_uint_gt(n, 10);
}
END_TEST

/* Events of `path` that `expr` matches; the last one's evt.type in type. */
static int strato_count_matches(const char *path, const char *expr, char *type, size_t len)
{
	struct strato_filter_error err;
	strato_filter *flt;
	strato_capture *cap;
	const strato_event *ev;
	int n = 0;

	ck_assert_msg(strato_filter_compile(&flt, expr, NULL, &err) == 0, "%s: %s", expr, err.message);
	ck_assert_int_eq(strato_capture_open_file(&cap, path, NULL), 0);
	while (strato_capture_next(cap, &ev) == STRATO_EVENT) {
		if (strato_filter_match(flt, ev) == 1) {
			n++;
			strato_txt("evt.type", ev, type, len);
		}
	}
	strato_capture_close(cap);
	strato_filter_free(flt);
	return n;
}

/* connect_localhost.scap: `sysdig -r connect_localhost.scap
 * fd.sip.name=localhost` prints one event, the connect to 127.0.0.1:80;
 * `fd.sip.name=nosuch.invalid` none (.invalid never resolves, RFC 6761).
 * localhost resolves from /etc/hosts, so no DNS server is needed. */
START_TEST(test_fd_sip_name)
{
	struct strato_filter_error err;
	char path[4096], type[32] = "";
	strato_filter *flt = NULL;

	ck_assert_int_eq(strato_filter_compile(&flt, "fd.sip.name != localhost", NULL, &err), -STRATO_ETYPE);
	ck_assert_ptr_nonnull(strstr(err.message, "= or in"));
	ck_assert_int_eq(strato_filter_compile(&flt, "fd.sip.name contains local", NULL, &err), -STRATO_ETYPE);
	if (!strato_test_shared("scap-samples/falcosecurity-falco/connect_localhost.scap", path, sizeof(path)))
		return;
	ck_assert_int_eq(strato_count_matches(path, "fd.sip.name = localhost", type, sizeof(type)), 1);
	ck_assert_str_eq(type, "connect");
	ck_assert_int_eq(strato_count_matches(path, "fd.sip.name in (nosuch.invalid, localhost)", type, sizeof(type)),
			 1);
	ck_assert_int_eq(strato_count_matches(path, "fd.sip.name = nosuch.invalid", type, sizeof(type)), 0);
	ck_assert_int_eq(strato_count_matches(path, "not fd.sip.name = nosuch.invalid and evt.type = connect", type,
					      sizeof(type)),
			 1);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("falco-fields");
	TCase *tc = tcase_create("samples");

	tcase_add_test(tc, test_proc_duration);
	tcase_add_test(tc, test_fd_name_changed);
	tcase_add_test(tc, test_fd_name_changed_udp);
	tcase_add_test(tc, test_exe_flags);
	tcase_add_test(tc, test_fd_sip_name);
	suite_add_tcase(s, tc);
	return strato_test_run(s);
}
