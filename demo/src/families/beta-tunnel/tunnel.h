/* APT-Beta "Tunnel" family (new: not in the index): a SOCKS5 front end whose connections are
 * multiplexed to the C2 over the BX packet protocol. It shares the Beta toolkit (BX protocol and
 * configuration block) with the other Beta tools, and none of their own code.
 *
 * Demo code: the SOCKS clients and the C2 are byte buffers in memory; no socket is opened. */
#ifndef TUNNEL_H
#define TUNNEL_H

#include <stddef.h>
#include <stdint.h>

#include "beta.h"

#define MAX_CONN 32
#define CMD_OPEN 0x401
#define CMD_DATA 0x402
#define CMD_CLOSE 0x403

struct fwd_rule {
    uint16_t lport;
    char host[64];
    uint16_t rport;
};

struct conn {
    uint16_t id;
    uint8_t state; /* 0 free, 1 greeted, 2 open, 3 closed */
    char dst[80];
    uint16_t dport;
    uint64_t up, down;
};

struct tunnel {
    struct beta_cfg cfg;
    struct conn conns[MAX_CONN];
    uint16_t next_id;
    uint32_t seq;
    uint8_t wire[16384];
    size_t wn;
    unsigned packets;
};

/* socks.c */
int parse_forward_rule(const char *s, struct fwd_rule *r);
int socks5_greeting(const uint8_t *p, size_t n, uint8_t reply[2]);
int socks5_request(const uint8_t *p, size_t n, struct conn *c);

/* conn.c */
struct conn *conn_alloc(struct tunnel *t);
struct conn *conn_find(struct tunnel *t, uint16_t id);
int relay(struct tunnel *t, uint16_t cmd, struct conn *c, const uint8_t *data, size_t n);
int handle_client(struct tunnel *t, const uint8_t *greet, size_t gn, const uint8_t *req, size_t rn,
                  const char *payload);
void c2_view(struct tunnel *t);

#endif
