/* lib/event/event_table.h: shape of the event type table (event_table.c). */
#ifndef STRATO_EVENT_TABLE_H
#define STRATO_EVENT_TABLE_H

#include <stddef.h>
#include <stdint.h>
#include <stratocore/event.h>
#include "event/flags.h"

#define STRATO_EVENT_TABLE_SIZE 454 /* ids 0..453: the current scap table */
#define STRATO_EVENT_TABLE_2022 336 /* ids 0..335 exist for sysdig 0.29.3 */
#define STRATO_MAX_PARAMS 64

/* Event flags (EF_*) from the scap table. */
#define STRATO_EF_CREATES_FD 0x1
#define STRATO_EF_DESTROYS_FD 0x2
#define STRATO_EF_USES_FD 0x4
#define STRATO_EF_READS_FD 0x8
#define STRATO_EF_WRITES_FD 0x10
#define STRATO_EF_MODIFIES_STATE 0x20
#define STRATO_EF_UNUSED 0x40
#define STRATO_EF_WAITS 0x80
#define STRATO_EF_OLD_VERSION 0x200
#define STRATO_EF_LARGE_PAYLOAD 0x800

/* Numeric print formats of a parameter (the scap table's PF_*). */
enum strato_pfmt {
	STRATO_PF_DEC = 0, /* also the scap table's "not applicable" */
	STRATO_PF_HEX,     /* %X */
	STRATO_PF_OCT,     /* %#o */
	STRATO_PF_PAD10,   /* %09d */
};

struct strato_param_info {
	const char *name;
	enum strato_ptype type;
	/* How to print it (from lib/event/param_formats.tsv): */
	uint8_t fmt;  /* enum strato_pfmt */
	int8_t dirfd; /* FSRELPATH: index of the dirfd parameter, -1 none */
	const struct strato_flagtab *flags; /* FLAGS*, ENUMFLAGS*, MODE names */
	const struct strato_dyntab *dyn;    /* DYN: alternative types */
};

struct strato_event_info {
	const char *name;  /* evt.type, "NA" for unused slots */
	const char *ename; /* enumerator without PPME_, e.g. "SYSCALL_OPEN_X" */
	uint32_t category; /* EC_* of the current table */
	uint32_t flags;    /* EF_* of the current table */
	uint8_t nparams;   /* current layout */
	int8_t nparams_2022; /* parameters in the 2022 layout, -1: not in 2022 */
	const struct strato_param_info *params;
	/* 2022 parameter list where its names or types differ from the first
	 * nparams_2022 current ones, else NULL. */
	const struct strato_param_info *params_2022;
};

extern const struct strato_event_info strato_event_table[STRATO_EVENT_TABLE_SIZE];

/* Library-private event types, described in event_ext.c (hand-written; the
 * table above is generated). Their ids lie far past every scap table, so
 * scap readers skip them (they skip any type >= their table size).
 * STRATO_EVENT_GAP: a live capture lost events just before this one, on
 * the CPU that produced it: lost_buffer (ring full) and lost_other, both
 * UINT64, counted since that CPU's previous gap marker. */
#define STRATO_EVENT_GAP 0x7F00
extern const struct strato_event_info strato_event_gap_info;

static inline const struct strato_event_info *strato_event_info_get(uint16_t type)
{
	if (type == STRATO_EVENT_GAP)
		return &strato_event_gap_info;
	return type < STRATO_EVENT_TABLE_SIZE && strato_event_table[type].name ?
		       &strato_event_table[type] : NULL;
}

static inline int strato_event_is_enter(uint16_t type)
{
	return (type & 1) == 0;
}

#endif
