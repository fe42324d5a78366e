/* tests/check_field.c: the public field API: the registry, name lookup with
 * arguments and suggestions, typed getters and the formatter, on a public
 * sample capture (expected values from sysdig 0.29.3's output for it). */
#include <stratocore/stratocore.h>

#include <errno.h>
#include <string.h>
#include "testutil.h"

START_TEST(test_registry)
{
	unsigned n = strato_field_count();
	STRATO_OPTS(strato_field_info, fi);
	struct strato_field_info small = {.sz = 8};

	ck_assert_uint_gt(n, 100);
	for (unsigned i = 0; i < n; i++) {
		ck_assert_int_eq(strato_field_info(i, &fi), 0);
		ck_assert_ptr_nonnull(fi.name);
		ck_assert_uint_gt(strlen(fi.description), 5);
		for (unsigned k = 0; k < i; k++) {
			STRATO_OPTS(strato_field_info, other);

			strato_field_info(k, &other);
			ck_assert_str_ne(other.name, fi.name);
		}
	}
	ck_assert_int_eq(strato_field_info(n, &fi), -ERANGE);
	ck_assert_int_eq(strato_field_info(0, &small), -EINVAL);
}
END_TEST

START_TEST(test_lookup)
{
	strato_field *f = NULL;

	ck_assert_int_eq(strato_field_lookup("proc.name", &f), 0);
	ck_assert_str_eq(strato_field_name(f), "proc.name");
	ck_assert_int_eq(strato_field_type(f), STRATO_PT_CHARBUF);
	strato_field_free(f);
	ck_assert_int_eq(strato_field_lookup("proc.nmae", &f), -STRATO_ENOFIELD);
	ck_assert_ptr_null(f);
	ck_assert_ptr_nonnull(strstr(strato_last_error(), "did you mean proc.name"));
	ck_assert_int_eq(strato_field_lookup("evt.arg", &f), -EINVAL);
	ck_assert_int_eq(strato_field_lookup("evt.arg.fd", &f), 0);
	ck_assert_str_eq(strato_field_name(f), "evt.arg.fd");
	strato_field_free(f);
	ck_assert_int_eq(strato_field_lookup("evt.arg[0]", &f), 0);
	strato_field_free(f);
	ck_assert_int_eq(strato_field_lookup("proc.aname[2]", &f), 0);
	strato_field_free(f);
	ck_assert_int_eq(strato_field_lookup("proc.aname[x]", &f), -EINVAL);
	ck_assert_int_eq(strato_field_lookup("proc.aname[2", &f), -EINVAL);
	ck_assert_int_eq(strato_field_lookup("proc.name.x", &f), -STRATO_ENOFIELD);
	ck_assert_int_eq(strato_field_lookup("thread.cgroup.cpuacct", &f), 0);
	strato_field_free(f);
	ck_assert_int_eq(strato_field_lookup("evt.type.is.open", &f), 0);
	strato_field_free(f);
	strato_field_free(NULL);
}
END_TEST

/* The first open of open-multiple-files.scap: sysdig 0.29.3 shows
 * python (pid 16569, user mstemm, uid 501) opening fd 3 /tmp/file-1. */
static const strato_event *strato_first_open(strato_capture *cap)
{
	const strato_event *ev;

	while (strato_capture_next(cap, &ev) == STRATO_EVENT)
		if (!strcmp(strato_event_name(ev), "open") && (strato_event_type(ev) & 1))
			return ev;
	return NULL;
}

START_TEST(test_getters)
{
	char path[4096], buf[256];
	strato_capture *cap;
	const strato_event *ev;
	strato_event *copy;
	strato_field *name, *fdname, *fdnum, *uid, *cip, *args, *typeis;
	const char *s;
	size_t len;
	int64_t i;
	uint64_t u;

	if (!strato_test_shared("scap-samples/falcosecurity-falco/open-multiple-files.scap", path, sizeof(path)))
		return;
	ck_assert_int_eq(strato_capture_open_file(&cap, path, NULL), 0);
	ev = strato_first_open(cap);
	ck_assert_ptr_nonnull(ev);
	ck_assert_int_eq(strato_field_lookup("proc.name", &name), 0);
	ck_assert_int_eq(strato_field_lookup("fd.name", &fdname), 0);
	ck_assert_int_eq(strato_field_lookup("fd.num", &fdnum), 0);
	ck_assert_int_eq(strato_field_lookup("user.uid", &uid), 0);
	ck_assert_int_eq(strato_field_lookup("fd.cip", &cip), 0);
	ck_assert_int_eq(strato_field_lookup("evt.args", &args), 0);
	ck_assert_int_eq(strato_field_lookup("evt.type.is.open", &typeis), 0);
	ck_assert_int_eq(strato_field_get_str(name, ev, &s, &len), 0);
	ck_assert_str_eq(s, "python");
	ck_assert_uint_eq(len, 6);
	ck_assert_int_eq(strato_field_get_str(fdname, ev, &s, NULL), 0);
	ck_assert_str_eq(s, "/tmp/file-1");
	ck_assert_int_eq(strato_field_get_i64(fdnum, ev, &i), 0);
	ck_assert_int_eq(i, 3);
	ck_assert_int_eq(strato_field_get_u64(uid, ev, &u), 0);
	ck_assert_uint_eq(u, 501);
	ck_assert_int_eq(strato_field_get_u64(typeis, ev, &u), 0);
	ck_assert_uint_eq(u, 1);
	ck_assert_int_eq(strato_field_get_i64(name, ev, &i), -STRATO_ETYPE);
	ck_assert_int_eq(strato_field_get_str(fdnum, ev, &s, NULL), -STRATO_ETYPE);
	ck_assert_int_eq(strato_field_format(cip, ev, buf, sizeof(buf)), -STRATO_ENOVALUE);
	ck_assert_int_eq(strato_field_format(args, ev, buf, sizeof(buf)), (int)strlen(buf));
	ck_assert_str_eq(buf, "fd=3(<f>/tmp/file-1) name=/tmp/file-1 flags=1(O_RDONLY) mode=0 ");
	/* a copy answers its own fields only */
	ck_assert_int_eq(strato_event_clone(ev, &copy), 0);
	ck_assert_int_eq(strato_field_get_i64(fdnum, copy, &i), -STRATO_ENOVALUE);
	ck_assert_int_eq(strato_field_format(args, copy, buf, sizeof(buf)), (int)strlen(buf));
	ck_assert_str_eq(buf, "fd=3 name=/tmp/file-1 flags=1(O_RDONLY) mode=0 ");
	strato_event_free(copy);
	strato_field_free(name);
	strato_field_free(fdname);
	strato_field_free(fdnum);
	strato_field_free(uid);
	strato_field_free(cip);
	strato_field_free(args);
	strato_field_free(typeis);
	strato_capture_close(cap);
}
END_TEST

START_TEST(test_formatter)
{
	char path[4096], buf[512];
	strato_capture *cap;
	const strato_event *ev;
	strato_formatter *fmt, *all, *json;
	STRATO_OPTS(strato_formatter_opts, jo, .style = STRATO_FORMAT_JSON);

	ck_assert_int_eq(strato_formatter_new(&fmt, "%proc.nme", NULL), -STRATO_ENOFIELD);
	ck_assert_int_eq(strato_formatter_new(&fmt, "100%", NULL), -STRATO_ESYNTAX);
	if (!strato_test_shared("scap-samples/falcosecurity-falco/open-multiple-files.scap", path, sizeof(path)))
		return;
	ck_assert_int_eq(strato_capture_open_file(&cap, path, NULL), 0);
	ev = strato_first_open(cap);
	ck_assert_ptr_nonnull(ev);
	ck_assert_int_eq(strato_formatter_new(&fmt, "%proc.name opened %fd.name (%user.name) 100%% %fd.cip", NULL), 0);
	ck_assert_int_eq(strato_formatter_format(fmt, ev, buf, sizeof(buf)), -STRATO_ENOVALUE);
	ck_assert_int_eq(strato_formatter_new(&all, "*%proc.name opened %fd.name (%user.name) 100%% %fd.cip", NULL), 0);
	ck_assert_int_eq(strato_formatter_format(all, ev, buf, sizeof(buf)), (int)strlen(buf));
	ck_assert_str_eq(buf, "python opened /tmp/file-1 (mstemm) 100% <NA>");
	ck_assert_int_eq(strato_formatter_format(all, ev, buf, 7),
			 (int)strlen("python opened /tmp/file-1 (mstemm) 100% <NA>"));
	ck_assert_str_eq(buf, "python");
	ck_assert_int_eq(strato_formatter_new(&json, "*%proc.name %fd.num %fd.cip %evt.failed", &jo), 0);
	ck_assert_int_gt(strato_formatter_format(json, ev, buf, sizeof(buf)), 0);
	ck_assert_str_eq(buf, "{\"evt.failed\":false,\"fd.cip\":null,\"fd.num\":3,\"proc.name\":\"python\"}");
	strato_formatter_free(fmt);
	strato_formatter_free(all);
	strato_formatter_free(json);
	strato_capture_close(cap);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("field");
	TCase *tc = tcase_create("api");

	tcase_add_test(tc, test_registry);
	tcase_add_test(tc, test_lookup);
	tcase_add_test(tc, test_getters);
	tcase_add_test(tc, test_formatter);
	suite_add_tcase(s, tc);
	return strato_test_run(s);
}
