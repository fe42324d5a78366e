/* tests/check_event.c: the event type table and the raw event parser:
 * well-formed events decode to their values, malformed ones are refused. */
#include "core/internal.h"
#include "event/event.h"
#include "testutil.h"

/* Builds an event of `type` from (length, bytes) pairs into buf. */
static size_t build(uint8_t *buf, uint16_t type, unsigned n, const uint16_t *lens, const void *const *vals)
{
	uint32_t off = STRATO_EVT_HDR_LEN + 2 * n;

	strato_st64(buf, 1700000000123456789ULL);
	strato_st64(buf + 8, 4242);
	strato_st16(buf + 20, type);
	strato_st32(buf + 22, n);
	for (unsigned i = 0; i < n; i++) {
		strato_st16(buf + STRATO_EVT_HDR_LEN + 2 * i, lens[i]);
		memcpy(buf + off, vals[i], lens[i]);
		off += lens[i];
	}
	strato_st32(buf + 16, off);
	return off;
}

START_TEST(test_table)
{
	const char *name;
	enum strato_ptype t;

	ck_assert_uint_eq(strato_event_type_count(), 454);
	ck_assert_str_eq(strato_event_type_name(307), "openat");
	ck_assert_str_eq(strato_event_type_name(3), "open");
	ck_assert_ptr_null(strato_event_type_name(999));
	ck_assert_int_eq(strato_event_type_param(307, 2, &name, &t), 0);
	ck_assert_str_eq(name, "name");
	ck_assert_int_eq(t, STRATO_PT_FSRELPATH);
	ck_assert_int_eq(strato_event_type_param(307, 7, NULL, NULL), -ERANGE);
	/* 2022 layout: read exit had 2 params, the current one has 4. */
	ck_assert_int_eq(strato_event_table[7].nparams, 4);
	ck_assert_int_eq(strato_event_table[7].nparams_2022, 2);
	ck_assert_int_eq(strato_event_table[400].nparams_2022, -1);
	ck_assert_uint_eq(strato_event_lenwidth(322), 4); /* plugin event: large payload */
	ck_assert_uint_eq(strato_event_lenwidth(3), 2);
}
END_TEST

START_TEST(test_parse_openat)
{
	uint8_t buf[256];
	int64_t fd = 3, dirfd = -100;
	uint32_t flags = 4097, mode = 0, dev = 0x801;
	uint64_t ino = 77;
	const void *vals[] = { &fd, &dirfd, "/etc/passwd", &flags, &mode, &dev, &ino };
	const uint16_t lens[] = { 8, 8, 12, 4, 4, 4, 8 };
	size_t n = build(buf, 307, 7, lens, vals);
	struct strato_event ev = { 0 };
	int64_t v;
	char text[256];

	ck_assert_int_eq(strato_event_parse(&ev, buf, n), 0);
	ck_assert_uint_eq(strato_event_ts(&ev), 1700000000123456789ULL);
	ck_assert_int_eq(strato_event_tid(&ev), 4242);
	ck_assert_uint_eq(strato_event_nparams(&ev), 7);
	ck_assert_int_eq(strato_event_param_int(&ev, 1, &v), 0);
	ck_assert_int_eq(v, -100);
	ck_assert_int_eq(strato_event_param_int(&ev, 2, &v), -STRATO_ETYPE);
	ck_assert_int_eq(strato_event_param_index(&ev, "ino"), 6);
	ck_assert_int_eq(strato_event_param_index(&ev, "nope"), -STRATO_ENOFIELD);
	strato_event_format_args(&ev, text, sizeof(text));
	ck_assert_ptr_nonnull(strstr(text, "name=/etc/passwd"));

	strato_event *copy;
	ck_assert_int_eq(strato_event_clone(&ev, &copy), 0);
	memset(buf, 0, sizeof(buf));
	ck_assert_int_eq(strato_event_param_int(copy, 0, &v), 0);
	ck_assert_int_eq(v, 3);
	strato_event_free(copy);
}
END_TEST

/* Malformed events: each must be refused with -STRATO_EFORMAT. */
static const struct {
	const char *what;
	size_t avail_delta; /* bytes removed from the buffer given to the parser */
	uint32_t len_override;
	uint32_t nparams_override;
	uint16_t plen0_override;
} bad_cases[] = {
	{ "buffer shorter than the header", 100, 0, 0, 0 },
	{ "len larger than the buffer", 0, 5000, 0, 0 },
	{ "len smaller than the header", 0, 10, 0, 0 },
	{ "length array larger than the event", 0, 0, 100000, 0 },
	{ "parameter overruns the event", 0, 0, 0, 60000 },
	{ "buffer one byte short", 1, 0, 0, 0 },
};

START_TEST(test_parse_bad)
{
	uint8_t buf[256];
	int64_t fd = 3;
	const void *vals[] = { &fd, &fd };
	const uint16_t lens[] = { 8, 8 };
	size_t n = build(buf, 5, 2, lens, vals);
	struct strato_event ev;

	if (bad_cases[_i].len_override)
		strato_st32(buf + 16, bad_cases[_i].len_override);
	if (bad_cases[_i].nparams_override)
		strato_st32(buf + 22, bad_cases[_i].nparams_override);
	if (bad_cases[_i].plen0_override)
		strato_st16(buf + STRATO_EVT_HDR_LEN, bad_cases[_i].plen0_override);
	n = bad_cases[_i].avail_delta > n ? 0 : n - bad_cases[_i].avail_delta;
	ck_assert_msg(strato_event_parse(&ev, buf, n) == -STRATO_EFORMAT, "%s was accepted", bad_cases[_i].what);
	ck_assert_str_ne(strato_last_error(), "");
}
END_TEST

START_TEST(test_errors)
{
	ck_assert_str_eq(strato_strerror(-STRATO_EFORMAT), "malformed capture data");
	ck_assert_str_eq(strato_strerror(-ENOENT), "No such file or directory");
	ck_assert_str_eq(strato_strerror(-4999), "unknown error");
	ck_assert_int_eq(strato_fail(-EINVAL, "x=%d", 5), -EINVAL);
	ck_assert_str_eq(strato_last_error(), "x=5");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("event");
	TCase *tc = tcase_create("event");

	tcase_add_test(tc, test_table);
	tcase_add_test(tc, test_parse_openat);
	tcase_add_loop_test(tc, test_parse_bad, 0, (int)STRATO_ARRAY_SIZE(bad_cases));
	tcase_add_test(tc, test_errors);
	suite_add_tcase(s, tc);
	return strato_test_run(s);
}
