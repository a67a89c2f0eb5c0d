/* Tunnel: the connection table and the BX relay. */
#include <stdio.h>
#include <string.h>

#include "tunnel.h"

struct conn *conn_alloc(struct tunnel *t)
{
    for (unsigned i = 0; i < MAX_CONN; i++) {
        if (t->conns[i].state == 0 || t->conns[i].state == 3) {
            memset(&t->conns[i], 0, sizeof(t->conns[i]));
            t->conns[i].id = ++t->next_id;
            t->conns[i].state = 1;
            return &t->conns[i];
        }
    }
    return NULL;
}

struct conn *conn_find(struct tunnel *t, uint16_t id)
{
    for (unsigned i = 0; i < MAX_CONN; i++)
        if (t->conns[i].state && t->conns[i].id == id)
            return &t->conns[i];
    return NULL;
}

int relay(struct tunnel *t, uint16_t cmd, struct conn *c, const uint8_t *data, size_t n)
{
    uint8_t frame[4096];
    if (n + 2 > sizeof(frame))
        return -1;
    frame[0] = (uint8_t)c->id;
    frame[1] = (uint8_t)(c->id >> 8);
    memcpy(frame + 2, data, n);
    size_t w = beta_pack(t->wire + t->wn, sizeof(t->wire) - t->wn, cmd, ++t->seq, frame, n + 2,
                         t->cfg.key);
    if (!w)
        return -2;
    t->wn += w;
    t->packets++;
    if (cmd == CMD_DATA)
        c->up += n;
    return 0;
}

int handle_client(struct tunnel *t, const uint8_t *greet, size_t gn, const uint8_t *req,
                         size_t rn, const char *payload)
{
    uint8_t rep[2];
    if (socks5_greeting(greet, gn, rep) < 0)
        return -1;
    struct conn *c = conn_alloc(t);
    if (!c)
        return -2;
    if (socks5_request(req, rn, c) < 0) {
        c->state = 3;
        return -3;
    }
    char open[96];
    int on = snprintf(open, sizeof(open), "%s:%u", c->dst, c->dport);
    relay(t, CMD_OPEN, c, (const uint8_t *)open, (size_t)on);
    relay(t, CMD_DATA, c, (const uint8_t *)payload, strlen(payload));
    relay(t, CMD_CLOSE, c, NULL, 0);
    c->state = 3;
    return 0;
}

/* what the C2 sees: decode every frame back, count bytes per connection */
void c2_view(struct tunnel *t)
{
    uint8_t buf[8192];
    size_t off = 0;
    unsigned ok = 0;
    unsigned long bytes = 0;
    while (off + BETA_HDR <= t->wn) {
        uint16_t cmd;
        uint32_t seq;
        size_t plen = (size_t)(t->wire[off + 6] | t->wire[off + 7] << 8);
        long got = beta_unpack(buf, sizeof(buf), &cmd, &seq, t->wire + off, t->wn - off, t->cfg.key);
        if (got < 2)
            break;
        ok++;
        bytes += (unsigned long)got - 2;
        struct conn *c = conn_find(t, (uint16_t)(buf[0] | buf[1] << 8));
        if (c && cmd == CMD_DATA)
            c->down += (uint64_t)got - 2;
        off += BETA_HDR + plen;
    }
    printf("c2 side: %u/%u frames decoded, %lu payload bytes\n", ok, t->packets, bytes);
}
