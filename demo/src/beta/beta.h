/* APT-Beta private toolkit: the "BX" packet protocol (own stream cipher with a hardened RC4-like key
 * schedule, own MAC, zlib-compressed payloads) and the encrypted configuration block. Every APT-Beta
 * tool links it; no other actor has it.
 *
 * Demo code for codekin: compiled, never run by the demo; nothing harmful (no network, no files). */
#ifndef BETA_H
#define BETA_H

#include <stddef.h>
#include <stdint.h>

#define BETA_MAGIC 0xB7A5u
#define BETA_HDR 16
#define BETA_MAX_C2 8

struct beta_ks {
    uint8_t s[256];
    uint8_t i, j;
    uint32_t fb; /* ciphertext feedback */
};

struct beta_c2 {
    char host[64];
    uint16_t port;
    uint8_t failures;
};

struct beta_cfg {
    char campaign[32];
    struct beta_c2 c2[BETA_MAX_C2];
    unsigned n_c2, cur_c2;
    unsigned interval_s;
    unsigned jitter_pct;
    uint8_t hour_from, hour_to;
    uint8_t key[16];
    uint32_t flags;
};

/* beta_crypt.c */
void beta_derive_key(uint8_t out[16], uint32_t session, const char *campaign);
void beta_ks_init(struct beta_ks *ks, const uint8_t *key, size_t klen);
uint8_t beta_ks_byte(struct beta_ks *ks);
void beta_encrypt(struct beta_ks *ks, uint8_t *buf, size_t n);
void beta_decrypt(struct beta_ks *ks, uint8_t *buf, size_t n);
uint32_t beta_mac(const uint8_t *buf, size_t n, uint32_t seed);
size_t beta_pack(uint8_t *out, size_t cap, uint16_t cmd, uint32_t seq, const uint8_t *data, size_t n,
                 const uint8_t key[16]);
long beta_unpack(uint8_t *out, size_t cap, uint16_t *cmd, uint32_t *seq, const uint8_t *pkt, size_t n,
                 const uint8_t key[16]);

/* beta_config.c */
size_t beta_cfg_decode(uint8_t *blob, size_t n);
int beta_cfg_parse_c2(struct beta_cfg *cfg, const char *list);
int beta_cfg_parse_hours(struct beta_cfg *cfg, const char *spec);
int beta_cfg_parse(struct beta_cfg *cfg, const char *text);
int beta_cfg_load(struct beta_cfg *cfg, const uint8_t *blob, size_t n);
const struct beta_c2 *beta_cfg_next_c2(struct beta_cfg *cfg, int last_failed);
unsigned beta_cfg_interval(const struct beta_cfg *cfg, uint32_t rnd);
int beta_cfg_active(const struct beta_cfg *cfg, unsigned hour);
size_t beta_cfg_encode(uint8_t *out, size_t cap, const char *text);

#endif
