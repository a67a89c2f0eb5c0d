/* APT-Beta "Backdoor" family: a command loop over the BX packet protocol.
 *
 * Demo code: the operator is a scripted queue of packets built in memory; "files" live in a small
 * in-memory table; exec only echoes the command. No network, no real file or process access.
 * Versions (-DTOOL_VERSION=N): 1; 2 (proxy-info command, heartbeat 90 s instead of 120 s). */
#ifndef BACKDOOR_H
#define BACKDOOR_H

#include <stddef.h>
#include <stdint.h>

#include "beta.h"

#ifndef TOOL_VERSION
#define TOOL_VERSION 1
#endif

#if TOOL_VERSION >= 2
#define HEARTBEAT_S 90
#else
#define HEARTBEAT_S 120
#endif

enum {
    CMD_HELLO = 0x101, CMD_SYSINFO = 0x102, CMD_LIST = 0x110, CMD_GET = 0x111, CMD_PUT = 0x112,
    CMD_EXEC = 0x120, CMD_SLEEP = 0x130, CMD_PROXY = 0x140, CMD_EXIT = 0x1ff, CMD_REPLY = 0x200,
    CMD_ERROR = 0x2ee,
};

struct vfs_entry {
    char path[64];
    uint8_t data[512];
    size_t size;
};

struct bd {
    struct beta_cfg cfg;
    struct vfs_entry fs[16];
    unsigned nfs;
    uint32_t seq;
    int running;
    uint8_t out[8192];
    size_t outn;
};

/* commands.c */
void reply(struct bd *b, uint16_t cmd, const void *data, size_t n);
struct vfs_entry *vfs_find(struct bd *b, const char *path);
void cmd_sysinfo(struct bd *b);
void cmd_list(struct bd *b, const char *prefix);
void cmd_get(struct bd *b, const char *path);
void cmd_put(struct bd *b, const uint8_t *p, size_t n);
void cmd_exec(struct bd *b, const char *line);
void cmd_sleep(struct bd *b, const char *arg);
void cmd_proxy(struct bd *b);
void dispatch(struct bd *b, uint16_t cmd, uint8_t *p, size_t n);

#endif
