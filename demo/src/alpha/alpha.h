/* APT-Alpha private toolkit ("ATK"): a fake TLS 1.2 handshake that disguises C2 traffic and a
 * string-obfuscation layer. Every APT-Alpha tool links this module; no other actor has it.
 *
 * Demo code for codekin: it is compiled, never run by the demo, and it does nothing harmful (no
 * network, no file access): the "traffic" is built in memory. */
#ifndef ALPHA_H
#define ALPHA_H

#include <stddef.h>
#include <stdint.h>

#define ALPHA_NSUITES 75
#define ALPHA_REC_HANDSHAKE 0x16
#define ALPHA_REC_APPDATA 0x17

struct alpha_session {
    uint8_t client_random[32];
    uint8_t server_random[32];
    uint8_t session_id[32];
    uint8_t session_id_len;
    uint16_t suite;
    uint32_t key[4];
    uint32_t counter;
};

/* alpha_tls.c */
extern const uint16_t alpha_suites[ALPHA_NSUITES];
void alpha_tls_random(uint8_t out[32], uint32_t seed);
size_t alpha_tls_pick_suites(uint8_t *p, uint32_t seed, unsigned want);
size_t alpha_tls_ext_sni(uint8_t *p, const char *host);
size_t alpha_tls_ext_groups(uint8_t *p);
size_t alpha_tls_ext_sigalgs(uint8_t *p);
size_t alpha_tls_client_hello(uint8_t *out, size_t cap, const char *sni, uint32_t seed,
                              struct alpha_session *s);
int alpha_tls_parse_server_hello(const uint8_t *in, size_t n, struct alpha_session *s);
void alpha_tls_derive(struct alpha_session *s);
size_t alpha_tls_wrap(uint8_t *out, size_t cap, const uint8_t *data, size_t n, struct alpha_session *s);
long alpha_tls_unwrap(uint8_t *out, size_t cap, const uint8_t *rec, size_t n, struct alpha_session *s);
size_t alpha_tls_fake_server_hello(uint8_t *out, size_t cap, const struct alpha_session *client,
                                   uint32_t seed);

/* alpha_obf.c */
enum {
    ASTR_UA, ASTR_MUTEX_FMT, ASTR_HOST, ASTR_PATH, ASTR_COOKIE, ASTR_TEMP, ASTR_RUNKEY,
    ASTR_CMD, ASTR_OK, ASTR_COUNT
};
void alpha_xs_decode(char *dst, const uint8_t *src, size_t n, uint8_t key);
void alpha_xs_encode(uint8_t *dst, const char *src, size_t n, uint8_t key);
const char *alpha_str(int id);
uint32_t alpha_hash_api(const char *name);
uint32_t alpha_host_id(const char *hostname, const char *user);
void alpha_mutex_name(char *out, size_t cap, uint32_t host_id);
size_t alpha_b64_encode(const uint8_t *in, size_t n, char *out, size_t cap);
long alpha_b64_decode(const char *in, uint8_t *out, size_t cap);
unsigned alpha_jitter(unsigned base_ms, uint32_t *state);

#endif
