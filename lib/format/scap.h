/* lib/format/scap.h: constants of the .scap container (block types, section
 * header, limits) shared by the reader and the writer; the layouts are
 * described in docs/scap-format.md. */
#ifndef STRATO_FORMAT_SCAP_H
#define STRATO_FORMAT_SCAP_H

#define STRATO_SHB_TYPE 0x0A0D0D0Au
#define STRATO_SHB_MAGIC 0x1A2B3C4Du
#define STRATO_SHB_MAJOR 1
#define STRATO_SHB_MINOR 2

#define STRATO_BLK_MI 0x201u
#define STRATO_BLK_PL_V1 0x202u
#define STRATO_BLK_FDL 0x203u
#define STRATO_BLK_EV 0x204u
#define STRATO_BLK_IL 0x205u
#define STRATO_BLK_UL 0x206u
#define STRATO_BLK_PL_V2 0x207u
#define STRATO_BLK_EVF 0x208u
#define STRATO_BLK_PL_V3 0x209u
#define STRATO_BLK_PL_V4 0x210u
#define STRATO_BLK_PL_V5 0x211u
#define STRATO_BLK_PL_V6 0x212u
#define STRATO_BLK_PL_V7 0x213u
#define STRATO_BLK_PL_V8 0x214u
#define STRATO_BLK_PL_V9 0x215u
#define STRATO_BLK_EV_V2 0x216u
#define STRATO_BLK_EVF_V2 0x217u
#define STRATO_BLK_FDL_V2 0x218u
#define STRATO_BLK_IL_V2 0x219u
#define STRATO_BLK_UL_V2 0x220u
#define STRATO_BLK_EV_V2_LARGE 0x221u
#define STRATO_BLK_EVF_V2_LARGE 0x222u

/* Pre-release ids that readers still accept for the same blocks. */
#define STRATO_BLK_MI_INT 0x8002ABCDu
#define STRATO_BLK_PL_V1_INT 0x8000ABCDu
#define STRATO_BLK_PL_V2_INT 0x8013ABCDu
#define STRATO_BLK_PL_V3_INT 0x8014ABCDu
#define STRATO_BLK_FDL_INT 0x8001ABCDu
#define STRATO_BLK_EV_INT 0x8010ABCDu
#define STRATO_BLK_IL_INT 0x8011ABCDu
#define STRATO_BLK_UL_INT 0x8012ABCDu

#define STRATO_MI_BODY_LEN 180
/* Non-large event blocks: block_total_length - 8 must not exceed this. */
#define STRATO_BLK_MAX_SMALL 65536u

/* Dump flags (EVF blocks) */
#define STRATO_DF_STATE_ONLY 1u
#define STRATO_DF_TRACER 2u

#endif
