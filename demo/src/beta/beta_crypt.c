/* APT-Beta: the BX packet protocol.
 *
 * packet = magic(2) flags(1) ver(1) cmd(2) len(2) seq(4) mac(4) | payload
 * payload = zlib(data) when that is shorter, encrypted with the BX stream cipher: an RC4-like state
 * with a 3-pass key schedule and 1024 dropped bytes, plus ciphertext feedback into the output. */
#include <string.h>

#include <zlib.h>

#include "beta.h"

#define F_COMPRESSED 0x01
#define F_ENCRYPTED 0x02

void beta_derive_key(uint8_t out[16], uint32_t session, const char *campaign)
{
    uint32_t h[4] = {0x6a09e667u ^ session, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au};
    size_t n = strlen(campaign);
    for (int round = 0; round < 4; round++) {
        for (size_t i = 0; i < n; i++) {
            uint32_t c = (uint8_t)campaign[i];
            h[i & 3] = (h[i & 3] ^ c) * 0x9e3779b1u;
            h[(i + 1) & 3] += (h[i & 3] << 7) | (h[i & 3] >> 25);
        }
        h[round] ^= session * 0x85ebca6bu + (uint32_t)round;
    }
    for (int i = 0; i < 16; i++)
        out[i] = (uint8_t)(h[i >> 2] >> (8 * (i & 3)));
}

void beta_ks_init(struct beta_ks *ks, const uint8_t *key, size_t klen)
{
    for (int i = 0; i < 256; i++)
        ks->s[i] = (uint8_t)(i ^ 0xa5);
    uint8_t j = 0;
    for (int pass = 0; pass < 3; pass++) {
        for (int i = 0; i < 256; i++) {
            j = (uint8_t)(j + ks->s[i] + key[(i + pass) % klen] + pass * 0x35);
            uint8_t t = ks->s[i];
            ks->s[i] = ks->s[j];
            ks->s[j] = t;
        }
    }
    ks->i = 0;
    ks->j = j;
    ks->fb = 0x13579bdfu;
    for (int k = 0; k < 1024; k++)
        (void)beta_ks_byte(ks);
}

uint8_t beta_ks_byte(struct beta_ks *ks)
{
    ks->i = (uint8_t)(ks->i + 1);
    ks->j = (uint8_t)(ks->j + ks->s[ks->i]);
    uint8_t t = ks->s[ks->i];
    ks->s[ks->i] = ks->s[ks->j];
    ks->s[ks->j] = t;
    uint8_t a = ks->s[(uint8_t)(ks->s[ks->i] + ks->s[ks->j])];
    uint8_t b = ks->s[(uint8_t)((ks->i << 5) ^ (ks->j >> 3))];
    return (uint8_t)(a + (b ^ 0xaa));
}

void beta_encrypt(struct beta_ks *ks, uint8_t *buf, size_t n)
{
    uint32_t fb = ks->fb;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = buf[i] ^ beta_ks_byte(ks) ^ (uint8_t)fb;
        buf[i] = c;
        fb = (fb << 8 | fb >> 24) ^ c;
    }
    ks->fb = fb;
}

void beta_decrypt(struct beta_ks *ks, uint8_t *buf, size_t n)
{
    uint32_t fb = ks->fb;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = buf[i];
        buf[i] = c ^ beta_ks_byte(ks) ^ (uint8_t)fb;
        fb = (fb << 8 | fb >> 24) ^ c;
    }
    ks->fb = fb;
}

/* two 16-bit running sums with rotations and a final avalanche */
uint32_t beta_mac(const uint8_t *buf, size_t n, uint32_t seed)
{
    uint32_t a = seed & 0xffff, b = seed >> 16;
    for (size_t i = 0; i < n; i++) {
        a = (a + buf[i] + 0x3d) % 65521u;
        b = (b + a + ((a << 3) | (a >> 13))) % 65521u;
    }
    uint32_t h = (b << 16) | a;
    h ^= h >> 16;
    h *= 0x7feb352du;
    h ^= h >> 15;
    h *= 0x846ca68bu;
    h ^= h >> 16;
    return h;
}

static void put16(uint8_t *p, unsigned v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

size_t beta_pack(uint8_t *out, size_t cap, uint16_t cmd, uint32_t seq, const uint8_t *data, size_t n,
                 const uint8_t key[16])
{
    if (cap < BETA_HDR + n + 64 || n > 0xffff)
        return 0;
    uint8_t flags = F_ENCRYPTED;
    uint8_t *pl = out + BETA_HDR;
    uLongf zlen = (uLongf)(cap - BETA_HDR);
    size_t plen = n;
    if (n >= 64 && compress2(pl, &zlen, data, (uLong)n, 6) == Z_OK && zlen < n) {
        flags |= F_COMPRESSED;
        plen = zlen;
    } else {
        memcpy(pl, data, n);
    }
    uint8_t pk[20];
    memcpy(pk, key, 16);
    put32(pk + 16, seq);
    struct beta_ks ks;
    beta_ks_init(&ks, pk, sizeof(pk));
    beta_encrypt(&ks, pl, plen);
    put16(out, BETA_MAGIC);
    out[2] = flags;
    out[3] = 2;
    put16(out + 4, cmd);
    put16(out + 6, (unsigned)plen);
    put32(out + 8, seq);
    put32(out + 12, beta_mac(pl, plen, seq ^ ((uint32_t)cmd << 16)));
    memset(&ks, 0, sizeof(ks));
    return BETA_HDR + plen;
}

long beta_unpack(uint8_t *out, size_t cap, uint16_t *cmd, uint32_t *seq, const uint8_t *pkt, size_t n,
                 const uint8_t key[16])
{
    if (n < BETA_HDR || (pkt[0] | pkt[1] << 8) != BETA_MAGIC || pkt[3] != 2)
        return -1;
    size_t plen = (size_t)(pkt[6] | pkt[7] << 8);
    if (BETA_HDR + plen > n)
        return -2;
    *cmd = (uint16_t)(pkt[4] | pkt[5] << 8);
    *seq = get32(pkt + 8);
    if (beta_mac(pkt + BETA_HDR, plen, *seq ^ ((uint32_t)*cmd << 16)) != get32(pkt + 12))
        return -3;
    uint8_t tmp[65536];
    memcpy(tmp, pkt + BETA_HDR, plen);
    if (pkt[2] & F_ENCRYPTED) {
        uint8_t pk[20];
        memcpy(pk, key, 16);
        put32(pk + 16, *seq);
        struct beta_ks ks;
        beta_ks_init(&ks, pk, sizeof(pk));
        beta_decrypt(&ks, tmp, plen);
    }
    if (pkt[2] & F_COMPRESSED) {
        uLongf olen = (uLongf)cap;
        if (uncompress(out, &olen, tmp, (uLong)plen) != Z_OK)
            return -4;
        return (long)olen;
    }
    if (plen > cap)
        return -5;
    memcpy(out, tmp, plen);
    return (long)plen;
}
