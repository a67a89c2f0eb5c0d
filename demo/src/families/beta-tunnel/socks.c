/* Tunnel: forward rules and the SOCKS5 handshake. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tunnel.h"

/* "lport:host:rport" */
int parse_forward_rule(const char *s, struct fwd_rule *r)
{
    char *e;
    unsigned long lp = strtoul(s, &e, 10);
    if (e == s || *e != ':' || lp == 0 || lp > 65535)
        return -1;
    const char *h = e + 1;
    const char *c = strrchr(h, ':');
    if (!c || c == h || (size_t)(c - h) >= sizeof(r->host))
        return -2;
    unsigned long rp = strtoul(c + 1, &e, 10);
    if (*e || rp == 0 || rp > 65535)
        return -3;
    memcpy(r->host, h, (size_t)(c - h));
    r->host[c - h] = 0;
    r->lport = (uint16_t)lp;
    r->rport = (uint16_t)rp;
    return 0;
}

/* SOCKS5 greeting: VER NMETHODS METHODS...; we accept "no authentication" only */
int socks5_greeting(const uint8_t *p, size_t n, uint8_t reply[2])
{
    reply[0] = 5;
    reply[1] = 0xff;
    if (n < 2 || p[0] != 5 || n < 2u + p[1])
        return -1;
    for (unsigned i = 0; i < p[1]; i++)
        if (p[2 + i] == 0) {
            reply[1] = 0;
            return 0;
        }
    return -2;
}

/* SOCKS5 CONNECT: VER CMD RSV ATYP DST.ADDR DST.PORT */
int socks5_request(const uint8_t *p, size_t n, struct conn *c)
{
    if (n < 7 || p[0] != 5 || p[1] != 1 || p[2] != 0)
        return -1;
    size_t off;
    switch (p[3]) {
    case 1:
        if (n < 10)
            return -2;
        snprintf(c->dst, sizeof(c->dst), "%u.%u.%u.%u", p[4], p[5], p[6], p[7]);
        off = 8;
        break;
    case 3:
        if (n < 5u + p[4] + 2 || p[4] >= sizeof(c->dst))
            return -2;
        memcpy(c->dst, p + 5, p[4]);
        c->dst[p[4]] = 0;
        off = 5u + p[4];
        break;
    case 4:
        if (n < 22)
            return -2;
        snprintf(c->dst, sizeof(c->dst), "%x:%x:%x:%x:%x:%x:%x:%x", p[4] << 8 | p[5], p[6] << 8 | p[7],
                 p[8] << 8 | p[9], p[10] << 8 | p[11], p[12] << 8 | p[13], p[14] << 8 | p[15],
                 p[16] << 8 | p[17], p[18] << 8 | p[19]);
        off = 20;
        break;
    default:
        return -3;
    }
    c->dport = (uint16_t)(p[off] << 8 | p[off + 1]);
    c->state = 2;
    return 0;
}
